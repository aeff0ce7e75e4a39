// Package dossier hands over the whole record of one form's period (hồ sơ lưu) as a zip: every
// original mail, each unit's versions, every draft, the leaders' replies and the approval mails,
// the issued report, a printable index in Vietnamese and a MANIFEST of sha256 sums, so that an
// inspector can check, file by file, that nothing was changed, added or left out (Verify).
//
// It reads the ledger only: a dossier is a copy, never a record of its own.
package dossier

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/ledger"
)

// Names are the office's names for what the ledger keeps by code, for the index.
type Names struct {
	FormTitle   string
	PeriodLabel string            // the period as people write it: "Tháng 11/2026"
	Units       map[string]string // unit code → name
	People      map[string]string // person id → name
	Location    *time.Location    // the office's time zone (UTC when nil)
	// At is when the dossier is made, printed on the index and stamped on every file of the
	// zip: the same ledger at the same At makes the same zip, byte for byte.
	At time.Time
}

// record is everything the ledger holds about one form's period.
type record struct {
	form, period string
	mails        []ledger.Mail // received: the units' files, edited drafts, the leaders' replies
	subs         []ledger.Submission
	drafts       []ledger.Draft
	issues       []ledger.Issue
	corrections  []ledger.Correction
	lateFiles    []ledger.LateFile
	decisions    []approval.Decision
	sent         []ledger.OutMail
}

// gather reads the period's record from the ledger.
func gather(ctx context.Context, l *ledger.Ledger, form, period string) (record, error) {
	r := record{form: form, period: period}
	var err error
	if r.subs, err = l.Submissions(ctx, form, period); err != nil {
		return r, err
	}
	if r.drafts, err = l.Drafts(ctx, form, period); err != nil {
		return r, err
	}
	if r.issues, err = periodIssues(ctx, l, form, period); err != nil {
		return r, err
	}
	if r.corrections, err = l.Corrections(ctx, form, period); err != nil {
		return r, err
	}
	if r.lateFiles, err = l.LateFiles(ctx, form, period); err != nil {
		return r, err
	}
	if r.decisions, err = decisions(ctx, l, form, period); err != nil {
		return r, err
	}
	if r.sent, err = l.PeriodOutMails(ctx, form, period); err != nil {
		return r, err
	}
	if len(r.subs) == 0 && len(r.drafts) == 0 && len(r.sent) == 0 {
		return r, fmt.Errorf("the ledger holds nothing of %s %s: %w", form, period, ledger.ErrNotFound)
	}
	if r.mails, err = receivedMails(ctx, l, r); err != nil {
		return r, err
	}
	r.sent, err = withAnswers(ctx, l, r.sent, r.mails)
	return r, err
}

// withAnswers adds to the period's mails those answering its received mails (receipts,
// rejections, the answers to the leaders' replies), each once, by ID.
func withAnswers(ctx context.Context, l *ledger.Ledger, sent []ledger.OutMail, received []ledger.Mail) ([]ledger.OutMail, error) {
	seen := map[int64]bool{}
	for _, m := range sent {
		seen[m.ID] = true
	}
	for _, m := range received {
		answers, err := l.AnswersTo(ctx, m.SHA256)
		if err != nil {
			return nil, err
		}
		for _, a := range answers {
			if !seen[a.ID] {
				seen[a.ID] = true
				sent = append(sent, a)
			}
		}
	}
	slices.SortFunc(sent, func(a, b ledger.OutMail) int { return cmp.Compare(a.ID, b.ID) })
	return sent, nil
}

func periodIssues(ctx context.Context, l *ledger.Ledger, form, period string) ([]ledger.Issue, error) {
	all, err := l.Issues(ctx, form)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(is ledger.Issue) bool { return is.Period != period }), nil
}

// decisions are the answers of the approval chain that counted, from the stored approval.
func decisions(ctx context.Context, l *ledger.Ledger, form, period string) ([]approval.Decision, error) {
	a, err := l.Approval(ctx, form, period)
	if errors.Is(err, ledger.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var s approval.State
	if err := json.Unmarshal(a.State, &s); err != nil {
		return nil, fmt.Errorf("approval of %s %s: %w", form, period, err)
	}
	return s.Decisions, nil
}

// receivedMails are the mails that carried the period's submissions and edited drafts, and the
// leaders' replies its approval counted, each once, in the order they were read.
func receivedMails(ctx context.Context, l *ledger.Ledger, r record) ([]ledger.Mail, error) {
	byID := map[int64]ledger.Mail{}
	add := func(id int64) error {
		if id == 0 || byID[id].ID != 0 {
			return nil
		}
		m, err := l.MailByID(ctx, id)
		byID[id] = m
		return err
	}
	for _, s := range r.subs {
		if err := add(s.MailID); err != nil {
			return nil, err
		}
	}
	for _, d := range r.drafts {
		if err := add(d.MailID); err != nil {
			return nil, err
		}
	}
	for _, c := range r.corrections {
		if err := add(c.MailID); err != nil {
			return nil, err
		}
	}
	for _, d := range r.decisions {
		if d.CarriedFrom > 0 {
			continue // the original decision names the same mail
		}
		found, err := l.MailsByMessageID(ctx, d.MessageID)
		if err != nil {
			return nil, err
		}
		for _, m := range found {
			// A Message-ID is the sender's to choose: only the mail the ledger recorded as a
			// reply of the chain is this decision's, never another that reused its Message-ID.
			switch _, err := l.FirstEvent(ctx, ledger.ActionApprovalReply, ledger.MailObject(m.SHA256)); {
			case err == nil:
				byID[m.ID] = m
			case !errors.Is(err, ledger.ErrNotFound):
				return nil, err
			}
		}
	}
	out := slices.Collect(maps.Values(byID))
	slices.SortFunc(out, func(a, b ledger.Mail) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// ReceivedMails returns the received mails of a form's period, as the dossier holds them: those
// that carried its workbooks, edited drafts and corrections, and the leaders' replies its
// approval counted. Retention purges the same mails the dossier hands over.
func ReceivedMails(ctx context.Context, l *ledger.Ledger, form, period string) ([]ledger.Mail, error) {
	r, err := gather(ctx, l, form, period)
	if errors.Is(err, ledger.ErrNotFound) {
		return nil, nil
	}
	return r.mails, err
}
