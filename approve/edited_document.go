package approve

import (
	"context"
	"maps"

	"github.com/tonghop/tonghop/document"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/wordfile"
)

// ownDocuments are the Word documents a person attached themselves, not forwarded.
func ownDocuments(msg *intake.Message) []intake.Attachment {
	var out []intake.Attachment
	for _, a := range msg.Attachments {
		if a.Kind() == intake.KindDOCX && !a.Forwarded {
			out = append(out, a)
		}
	}
	return out
}

// nextDocument is the document of draft version v built at next.BuiltAt from a leader's reply
// about head (issue 20, point 4): the .docx they attached, when there is one, read safely as a
// unit's Word report is (wordfile.Read: budgets, no macros, objects or outside links) and
// holding the number and date lines the issue writes into; else head's own document. Either way
// its date and draft mark are moved to version v and it names v's workbook. why, in
// Vietnamese, says why the attached one was not taken; nil data and "" why: head had none.
func (a *Approver) nextDocument(ref Ref, head ledger.Draft, next ledger.Draft, att *intake.Attachment) (data []byte, why string, err error) {
	o := a.Office
	from := o.Document(ref.Form, ref.Period, office.DocumentInput{At: head.BuiltAt, Draft: head.Version})
	to := o.Document(ref.Form, ref.Period, office.DocumentInput{At: next.BuiltAt, Draft: next.Version})
	changes := append(document.RedraftChanges(from, to), document.Change{From: head.FileName, To: next.FileName})
	switch {
	case att != nil:
		if att.TooLarge {
			return nil, document.EditedUnreadable, nil
		}
		if _, err := wordfile.Read(att.Data, wordfile.Limits{}); err != nil {
			a.log().Warn("edited document not adopted", "form", ref.Form.Code, "period", ref.Period.String(), "file", att.Name, "err", err)
			return nil, document.EditedUnreadable, nil
		}
		data = att.Data
	case head.DocSHA256 == "":
		return nil, "", nil
	default:
		if data, err = a.Ledger.Blob(head.DocSHA256); err != nil {
			return nil, "", err
		}
	}
	missing, err := document.MissingForIssue(data, changes)
	if err != nil || len(missing) > 0 {
		if att == nil { // our own document lost its lines: a bug, not the leader's doing
			return nil, "", err
		}
		a.log().Warn("edited document not adopted: lines the issue fills are gone", "form", ref.Form.Code, "missing", missing, "err", err)
		return nil, document.EditedLacksLines, nil
	}
	out, err := document.Finalize(data, changes)
	return out, "", err
}

// editedDocumentOnly takes a reply carrying an edited document and no workbook as the next
// draft: the document theirs, the workbook the one it edits, unchanged.
func (a *Approver) editedDocumentOnly(ctx context.Context, in *ledger.Intake, msg *intake.Message, ref Ref, person string, att intake.Attachment) (*ledger.Draft, string, error) {
	head, err := a.Ledger.LatestDraft(ctx, ref.Form.Code, ref.Period.String())
	if err != nil {
		return nil, "", err
	}
	draft := ledger.Draft{
		Form: ref.Form.Code, Period: ref.Period.String(), Version: head.Version + 1,
		FileName: office.ReportFileName(ref.Form.Code, ref.Period, head.Version+1), FileSHA256: head.FileSHA256,
		Basis: maps.Clone(head.Basis), Trigger: ledger.TriggerEdited, Author: person, BuiltAt: a.now(),
	}
	if taken, err := a.withDocument(in, msg, ref, head, &draft, person, &att); err != nil || !taken {
		return nil, "", err
	}
	in.Drafts = append(in.Drafts, draft)
	return &draft, att.Name, nil
}

// withDocument gives draft its document (see nextDocument). An attached document that cannot
// be taken leaves no new draft: the person and the clerks are told why, and taken is false.
func (a *Approver) withDocument(in *ledger.Intake, msg *intake.Message, ref Ref, head ledger.Draft, draft *ledger.Draft, person string, att *intake.Attachment) (taken bool, err error) {
	data, why, err := a.nextDocument(ref, head, *draft, att)
	if err != nil {
		return false, err
	}
	if why != "" {
		a.editedNotTaken(in, msg, ref, head, person, att.Name, why)
		return false, nil
	}
	if data == nil {
		return true, nil
	}
	sha, err := a.Ledger.PutBlob(data)
	if err != nil {
		return false, err
	}
	draft.DocName, draft.DocSHA256 = office.DocumentFileName(ref.Form.Code, ref.Period.String(), draft.Version, "docx"), sha
	return true, nil
}
