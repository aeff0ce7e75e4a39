package approve

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/docnumber"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
)

// Issue 20, part R: an issued report is a document of the office's register (sổ văn bản đi).
// Its number is decided before its letter and workbook are written, and recorded with the issue
// in one transaction (ledger.Numbered): auto, the next of the year's register; registry, the one
// the registry clerk gave in her reply (numbering_reply.go), the approved report waiting for it
// until then (awaitNumber). See doc.go for why the wait is a ledger row, not a state.

// number decides the number of the issue w is writing, replacing the document of the issue in
// force if any: nil for a form that is not numbered.
func (w *effectWriter) number() (*ledger.Numbered, error) {
	if !w.f.Numbered() {
		return nil, nil
	}
	n := w.given
	if n == nil {
		now, loc := w.a.now(), w.a.Office.Location
		year := docnumber.Year(now, loc)
		seq, err := w.a.Ledger.NextSequence(w.ctx, year)
		if err != nil {
			return nil, err
		}
		num := docnumber.Number{Year: year, Sequence: seq, Symbol: w.f.Symbol}
		n = &ledger.Numbered{Year: year, Sequence: seq, Number: num.String(), Symbol: w.f.Symbol,
			Dated: now.In(loc).Format("2006-01-02"), How: ledger.NumberedAuto, At: now}
	}
	if w.issued != nil {
		// A correction's replacement is a new document (the decree numbers every document it
		// issues): it takes a new number and names the one it replaces.
		switch prev, err := w.a.Ledger.IssueNumber(w.ctx, w.f.Code, w.p.String(), w.issued.Number); {
		case err == nil:
			n.Replaces = prev.Number
		case !errors.Is(err, ledger.ErrNotFound):
			return nil, err
		}
	}
	w.fx.events = append(w.fx.events, w.a.event(n.How.Actor(n.Person), ledger.ActionNumberAssigned,
		ledger.PeriodObject(w.f.Code, w.p.String()), fmt.Sprintf("%s dated %s how=%s replaces=%s", n.Number, n.Dated, n.How, n.Replaces)))
	return n, nil
}

// documentNumber is n for the issue letter ("" for none).
func (w *effectWriter) documentNumber(n *ledger.Numbered) letters.DocumentNumber {
	if n == nil {
		return letters.DocumentNumber{}
	}
	loc := w.a.Office.Location
	dated, err := time.ParseInLocation("2006-01-02", n.Dated, loc)
	if err != nil {
		dated = n.At.In(loc)
	}
	return letters.DocumentNumber{Number: n.Number, Dated: dated, Replaces: n.Replaces}
}

// numberDetail is what the issue's audit event says of its number.
func numberDetail(n *ledger.Numbered) string {
	if n == nil {
		return ""
	}
	return fmt.Sprintf(" number=%s how=%s", n.Number, n.How)
}

// awaitsNumber says whether the issue must wait for the registry clerk's number.
func (w *effectWriter) awaitsNumber() bool { return w.f.NumberedByRegistry() && w.given == nil }

// awaitNumber makes the last approval's issue wait for the registry clerk's number: she gets
// the approved version with the request, the action waits in the ledger (ledger.RegisterWait)
// and the period closes for counting, as the approval closes it.
func (w *effectWriter) awaitNumber(a approval.Action) error {
	raw, err := json.Marshal(a)
	if err != nil {
		return err
	}
	for _, p := range w.a.Office.Registry() {
		r := w.numberRequest(a, p.ID)
		l := letters.NumberRequestLetter(r)
		w.fx.mails = append(w.fx.mails, ledger.OutMail{Key: ledger.RegistryRequestKey(w.f.Code, w.p.String(), a.Version, p.ID),
			Kind: ledger.KindRegistry, About: ledger.About{Form: w.f.Code, Period: w.p.String()}, To: p.Emails[:1],
			Subject: l.Subject, Body: l.Body, Attachments: w.attachment(a.Version), CreatedAt: w.a.now(), NotBefore: w.a.now()})
	}
	w.fx.wait = &ledger.RegisterWait{Version: a.Version, Action: raw, Since: w.a.now()}
	w.fx.issued = true // the approved version is final: the period closes as an issue closes it
	w.fx.events = append(w.fx.events, w.a.event("system", ledger.ActionNumberRequested, ledger.PeriodObject(w.f.Code, w.p.String()),
		fmt.Sprintf("v%d approvals=%s", a.Version, approvalList(a.Approvals))))
	return nil
}

// numberRequest describes the version a issues for a letter to the registry clerk person: its
// token MAC'd for her, so that her reply quoting it is bound to her (see registryBound).
func (w *effectWriter) numberRequest(a approval.Action, person string) letters.NumberRequest {
	r := letters.NumberRequest{Draft: w.draftTo(a.Version, person), To: w.person(person), Symbol: w.f.Symbol}
	for _, dec := range a.Approvals {
		r.Approvals = append(r.Approvals, w.decided(dec))
	}
	return r
}
