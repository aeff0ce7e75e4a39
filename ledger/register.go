package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Issue 20, part R: the register of outgoing documents (sổ văn bản đi). Each issued report is
// a document with a number of the year's register, recorded with its issue in one transaction:
// an issue that is not recorded took no number, and a number recorded went with its issue, so a
// restart between numbering and sending (the outbox sends later) neither skips nor reuses one.

// Numbering says who numbered a document.
type Numbering string

// How documents are numbered.
const (
	NumberedAuto     Numbering = "auto"     // tonghop took the next number of the year
	NumberedRegistry Numbering = "registry" // the registry clerk gave it in her reply
)

// Actor is who numbered a document, for its audit event: the registry clerk's id, or "system".
func (h Numbering) Actor(person string) string {
	if h == NumberedRegistry && person != "" {
		return person
	}
	return "system"
}

// ErrNumberTaken is returned (wrapped) when a number is already in the year's register: the
// registry clerk is asked again. An auto number that is no longer the next one is ErrConflict
// instead: another issue took it meanwhile, and the caller redoes its step.
var ErrNumberTaken = errors.New("number already in the register")

// Numbered is one document of the register.
type Numbered struct {
	Year, Sequence int
	Number         string // as printed: "125/BC-BQL"
	Symbol         string
	Form, Period   string // set from the issue it numbers
	Issue, Version int    // likewise
	Dated          string // the document's date where the office is: "2026-12-08"
	How            Numbering
	Person         string // the registry clerk's id (registry)
	MailSHA256     string // her reply (registry)
	Replaces       string // the number of the document it replaces, for a correction's replacement
	At             time.Time
}

// NextSequence returns the sequence the next auto-numbered document of year takes: one after
// the highest recorded (1 for an empty year).
func (l *Ledger) NextSequence(ctx context.Context, year int) (int, error) {
	var next int
	err := l.db.QueryRowContext(ctx, `SELECT coalesce(max(sequence), 0) + 1 FROM register WHERE year = ?`, year).Scan(&next)
	if err != nil {
		return 0, fmt.Errorf("next number of %d: %w", year, err)
	}
	return next, nil
}

// NumberTaken reports whether sequence is in year's register.
func (l *Ledger) NumberTaken(ctx context.Context, year, sequence int) (bool, error) {
	var n int
	err := l.db.QueryRowContext(ctx, `SELECT count(*) FROM register WHERE year = ? AND sequence = ?`, year, sequence).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("number %d of %d: %w", sequence, year, err)
	}
	return n > 0, nil
}

// Register lists year's register by sequence.
func (l *Ledger) Register(ctx context.Context, year int) ([]Numbered, error) {
	out, err := queryRegister(ctx, l.db, `year = ? ORDER BY sequence`, year)
	if err != nil {
		return nil, fmt.Errorf("register of %d: %w", year, err)
	}
	return out, nil
}

// IssueNumber returns the register's entry of a form's period's issue, or ErrNotFound (an issue
// recorded before numbering, or of an office that did not number it).
func (l *Ledger) IssueNumber(ctx context.Context, form, period string, issue int) (Numbered, error) {
	out, err := queryRegister(ctx, l.db, `form = ? AND period = ? AND issue = ?`, form, period, issue)
	if err == nil && len(out) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return Numbered{}, fmt.Errorf("number of %s %s issue %d: %w", form, period, issue, err)
	}
	return out[0], nil
}

func queryRegister(ctx context.Context, q queryer, where string, args ...any) ([]Numbered, error) {
	rows, err := q.QueryContext(ctx, `SELECT year, sequence, number, symbol, form, period, issue, version, dated, how,
		person, mail_sha256, replaces, numbered_at FROM register WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Numbered
	for rows.Next() {
		var n Numbered
		var at string
		if err := rows.Scan(&n.Year, &n.Sequence, &n.Number, &n.Symbol, &n.Form, &n.Period, &n.Issue, &n.Version, &n.Dated,
			&n.How, &n.Person, &n.MailSHA256, &n.Replaces, &at); err != nil {
			return nil, err
		}
		if n.At, err = decodeTime(at); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func checkNumbered(n Numbered) error {
	switch {
	case n.Year < 2000 || n.Sequence < 1:
		return fmt.Errorf("number %d of %d: out of range", n.Sequence, n.Year)
	case n.Number == "" || n.Symbol == "" || !strings.HasSuffix(n.Number, "/"+n.Symbol):
		return fmt.Errorf("number %q: not written with its symbol %q", n.Number, n.Symbol)
	case n.How != NumberedAuto && n.How != NumberedRegistry:
		return fmt.Errorf("number %q: numbered %q", n.Number, n.How)
	case n.How == NumberedRegistry && n.Person == "":
		return fmt.Errorf("number %q: the registry clerk is required", n.Number)
	case n.Dated == "" || n.At.IsZero():
		return fmt.Errorf("number %q: date and time are required", n.Number)
	}
	return nil
}

// insertNumbered records n in the register, with the issue it numbers (inserted just before in
// tx). An auto number must be the next of its year (ErrConflict otherwise); any number already
// in the year's register is ErrNumberTaken. The form's period stops waiting for a number.
func insertNumbered(ctx context.Context, tx *sql.Tx, n Numbered) error {
	var next, taken int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(sequence), 0) + 1, count(CASE WHEN sequence = ? OR number = ? THEN 1 END)
		FROM register WHERE year = ?`, n.Sequence, n.Number, n.Year).Scan(&next, &taken); err != nil {
		return fmt.Errorf("number document: %w", err)
	}
	switch {
	case n.How == NumberedAuto && n.Sequence != next:
		return fmt.Errorf("number %d of %d, next is %d: %w", n.Sequence, n.Year, next, ErrConflict)
	case taken > 0:
		return fmt.Errorf("%s in %d: %w", n.Number, n.Year, ErrNumberTaken)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO register (year, sequence, number, symbol, form, period, issue, version,
		dated, how, person, mail_sha256, replaces, numbered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.Year, n.Sequence, n.Number, n.Symbol, n.Form, n.Period, n.Issue, n.Version, n.Dated, n.How, n.Person,
		n.MailSHA256, n.Replaces, encodeTime(n.At)); err != nil {
		return fmt.Errorf("insert number: %w", err)
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM register_waits WHERE form = ? AND period = ?`, n.Form, n.Period)
	return err
}
