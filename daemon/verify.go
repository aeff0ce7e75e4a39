package daemon

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/receive"
	"github.com/tonghop/tonghop/templates"
)

// Verification is what VerifyRecords found: everything wrong, each naming the record, and what
// it could not check (a form no longer configured), which is not wrong in itself.
type Verification struct {
	Findings []ledger.Finding
	Skipped  []string
	// Counts of what was checked, for the summary line.
	Submissions, Issues int
}

// VerifyRecords proves the records intact, as far as they can be: the ledger's integrity and
// every blob its rows name (ledger.VerifyStore, hashing all of them); every submission's stored
// figures read again from its stored file, as the receive stage read it, and compared; and the
// archive's copy of every issued report against the hash the issue recorded. A changed digit in
// a submission row passes SQLite's own check; this catches it. An error means the checking
// itself could not go on (the ledger unreadable, ctx ended).
func VerifyRecords(ctx context.Context, o *office.Office, l *ledger.Ledger, conv templates.Converter) (Verification, error) {
	var v Verification
	var err error
	if v.Findings, err = l.VerifyStore(ctx, time.Time{}); err != nil {
		return v, err
	}
	subs, err := l.AllSubmissions(ctx)
	if err != nil {
		return v, err
	}
	for _, s := range subs {
		if err := ctx.Err(); err != nil {
			return v, err
		}
		v.Submissions++
		v.checkSubmission(ctx, o, l, conv, s)
	}
	issues, err := l.Issues(ctx, "")
	if err != nil {
		return v, err
	}
	for _, is := range issues {
		v.Issues++
		v.checkIssued(o, is)
	}
	return v, nil
}

// submissionName names a submission as the findings do.
func submissionName(s ledger.Submission) string {
	return fmt.Sprintf("submission %d (%s %s %s v%d, %s)", s.ID, s.Form, s.Unit, s.Period, s.Version, s.FileName)
}

// checkSubmission reads s's stored file again by the layout of its unit and compares what it
// holds with what the row says it held.
func (v *Verification) checkSubmission(ctx context.Context, o *office.Office, l *ledger.Ledger, conv templates.Converter, s ledger.Submission) {
	name := submissionName(s)
	if s.FileSHA256 == "" || len(s.Data) == 0 {
		return // recorded without a file or without figures: nothing to compare
	}
	if _, ok := o.Form(s.Form); !ok {
		v.Skipped = append(v.Skipped, name+": its form is no longer configured; figures not read again")
		return
	}
	data, err := l.Blob(s.FileSHA256)
	if err != nil {
		return // missing or changed: VerifyStore named it already
	}
	var layouts []form.Form
	if u, ok := o.Unit(s.Unit); ok {
		layouts = o.ReadLayouts(&u)
	} else {
		layouts = o.ReadLayouts(nil)
	}
	var stored form.Filled
	if err := json.Unmarshal(s.Data, &stored); err != nil {
		v.add(name, "its stored figures are not readable: "+err.Error())
		return
	}
	var fresh form.Filled
	if receive.IsWordFile(s.FileName) { // issue 20, part W: a unit's Word report
		v.checkWord(o, s, name, data, stored)
		return
	}
	if rep, _, _ := templates.ReadAny(ctx, data, layouts, o.TemplateKeys(), templates.Limits{}, conv); rep != nil {
		fresh = rep.Filled
	}
	if fresh.Ident.Period == "" {
		fresh.Ident.Period = stored.Ident.Period // a lost period, guessed from the mail when received
	}
	for _, d := range diffFilled(stored, fresh) {
		v.add(name, d)
	}
}

// checkIssued compares the archive's copy of an issued report with the hash its issue recorded.
func (v *Verification) checkIssued(o *office.Office, is ledger.Issue) {
	if is.FileSHA256 == "" {
		return // issued before the ledger recorded the file
	}
	rel := o.IssuedArchivePath(is.Form, is.Period, is.Number)
	name := fmt.Sprintf("issued report %s %s issue %d (%s)", is.Form, is.Period, is.Number, rel)
	data, err := o.ReadArchived(rel)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		v.add(name, "the file is missing")
		return
	case err != nil:
		v.add(name, "the file is unreadable: "+err.Error())
		return
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != is.FileSHA256 {
		v.add(name, fmt.Sprintf("the file hashes to %s, the issue recorded %s", got, is.FileSHA256))
	}
}

func (v *Verification) add(what, detail string) {
	v.Findings = append(v.Findings, ledger.Finding{What: what, Detail: detail})
}

// checkWord reads a Word report's sections again by its unit's layout and compares them with
// those recorded.
func (v *Verification) checkWord(o *office.Office, s ledger.Submission, name string, data []byte, stored form.Filled) {
	f, _ := o.Form(s.Form)
	u, ok := o.Unit(s.Unit)
	if !ok {
		v.Skipped = append(v.Skipped, name+": its unit is no longer configured; sections not read again")
		return
	}
	fresh, err := receive.WordFilled(o.Workbook(f, u), stored.Ident, data)
	if err != nil {
		v.add(name, "its Word file is not readable: "+err.Error())
		return
	}
	for _, d := range diffFilled(stored, fresh) {
		v.add(name, d)
	}
}
