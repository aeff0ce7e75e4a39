package review

import (
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/templates"
)

// editedFile takes the first workbook a supervisor attached to the comments returning a unit's
// file (their own, not one inside a forwarded message), cleaned as units' files are
// (templates.Sanitize: values only, no macros, links or formulas), and stores it, for the
// unit's letter; ok is false when there is none or it cannot be cleaned (the words alone go).
func (rv *Reviewer) editedFile(msg *intake.Message) (ledger.Attachment, bool) {
	for _, a := range msg.Spreadsheets() {
		if a.Forwarded || a.TooLarge || len(a.Data) == 0 {
			continue
		}
		clean, _, err := templates.Sanitize(a.Data, templates.Limits{})
		if err != nil {
			rv.log().Warn("supervisor's workbook not passed on", "file", a.Name, "err", err)
			return ledger.Attachment{}, false
		}
		sha, err := rv.Ledger.PutBlob(clean)
		if err != nil {
			rv.log().Warn("supervisor's workbook not stored", "file", a.Name, "err", err)
			return ledger.Attachment{}, false
		}
		return ledger.Attachment{Name: a.Name, ContentType: mailer.ContentTypeXLSX, SHA256: sha}, true
	}
	return ledger.Attachment{}, false
}
