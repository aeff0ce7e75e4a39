package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Issue 22, part B: the board's downloads name a stored file by its row, never by a path or a
// hash from the request; the row gives the blob's sha256, which Blob checks the content against.

// FileKind is which table a download's row is in.
type FileKind string

// Kinds of stored file the board hands out.
const (
	FileMail       FileKind = "mail"       // a received mail, whole (.eml)
	FileSubmission FileKind = "submission" // a unit's workbook
	FileDraft      FileKind = "draft"      // a consolidated draft
	FileIssue      FileKind = "issue"      // an issued report (the stamped workbook); id is the row id
)

// StoredFile is a download's row: its blob and the name it was stored under ("" for a mail).
type StoredFile struct {
	Kind   FileKind
	ID     int64
	SHA256 string
	Name   string
	Form   string
	Period string
}

// fileQueries select (sha256, name, form, period) of one row of each kind by its id.
var fileQueries = map[FileKind]string{
	FileMail:       `SELECT sha256, '', '', '' FROM mails WHERE id = ?`,
	FileSubmission: `SELECT file_sha256, file_name, form, period FROM submissions WHERE id = ?`,
	FileDraft:      `SELECT file_sha256, file_name, form, period FROM drafts WHERE id = ?`,
	FileIssue:      `SELECT file_sha256, '', form, period FROM issues WHERE rowid = ?`,
}

// StoredFileByID returns the row of a stored file, or an error wrapping ErrNotFound for an
// unknown kind or id, or a row without a file (an issue recorded before its workbook was kept).
func (l *Ledger) StoredFileByID(ctx context.Context, kind FileKind, id int64) (StoredFile, error) {
	q, ok := fileQueries[kind]
	if !ok {
		return StoredFile{}, fmt.Errorf("stored file of kind %q: %w", kind, ErrNotFound)
	}
	f := StoredFile{Kind: kind, ID: id}
	err := l.db.QueryRowContext(ctx, q, id).Scan(&f.SHA256, &f.Name, &f.Form, &f.Period)
	if errors.Is(err, sql.ErrNoRows) || err == nil && f.SHA256 == "" {
		err = ErrNotFound
	}
	if err != nil {
		return StoredFile{}, fmt.Errorf("stored %s %d: %w", kind, id, err)
	}
	return f, nil
}

// IssueIDs returns the row id of each issue of form and period, by number, for links to them.
func (l *Ledger) IssueIDs(ctx context.Context, form, period string) (map[int]int64, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT number, rowid FROM issues WHERE form = ? AND period = ?`, form, period)
	if err != nil {
		return nil, fmt.Errorf("issue ids: %w", err)
	}
	defer rows.Close()
	out := map[int]int64{}
	for rows.Next() {
		var n int
		var id int64
		if err := rows.Scan(&n, &id); err != nil {
			return nil, fmt.Errorf("issue ids: %w", err)
		}
		out[n] = id
	}
	return out, rows.Err()
}
