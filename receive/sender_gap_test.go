package receive

import (
	"context"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
)

// TestJudge_SenderEdges covers who a mail's workbook may be taken from: a person sending a file
// that names no unit is told so, a unit sending a form it does not report on is refused, only
// those who may send reports are answered about an oversized mail, and mail from either of
// tonghop's own addresses is never answered.
func TestJudge_SenderEdges(t *testing.T) {
	ctx := context.Background()
	t.Run("PersonFileWithoutUnit", func(t *testing.T) {
		o, cfg := testOffice(t)
		lost := officetest.StripIdent(t, officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false))
		msg := parse(t, officetest.Mail(officetest.Clerk, officetest.OfficeAddr, "c@kcn", "", "bc.xlsx", lost))
		v, err := testJudge(o, NoLedger{}).Workbook(ctx, o.SenderOf(officetest.Clerk), msg.Spreadsheets()[0], msg.Subject)
		if err != nil {
			t.Fatal(err)
		}
		if got := codes(v.Errors); got != letters.CodeUnitUnknown || v.Submission.Unit != "" {
			t.Errorf("got errors %q, unit %q; want only %s and no unit", got, v.Submission.Unit, letters.CodeUnitUnknown)
		}
	})
	t.Run("FormOfOtherUnits", func(t *testing.T) {
		_, path := officetest.OfficeWith(t, testKey, officetest.Options{Forms: strings.Replace(officetest.FormsDefault,
			`period = "month"`, "period = \"month\"\nunits = [\"QLDT\"]", 1)})
		cfg, err := config.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		o, err := office.Compile(cfg, []byte(testKey))
		if err != nil {
			t.Fatal(err)
		}
		qldn, _ := cfg.Unit("QLDN")
		v, err := testJudge(o, NoLedger{}).Workbook(ctx, office.Sender{Unit: &qldn},
			attachmentOf(t, officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false)), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := codes(v.Errors); got != "form_not_for_unit" || v.Submission.Valid {
			t.Errorf("got errors %q valid %v, want form_not_for_unit", got, v.Submission.Valid)
		}
	})
	t.Run("OversizeFromApprover", func(t *testing.T) {
		o, _ := testOffice(t)
		header := officetest.Mail(officetest.Approver, officetest.OfficeAddr, "big@kcn", "", "", nil)
		in, err := testJudge(o, NoLedger{}).Oversize(ctx, header, 50<<20, "abc")
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Outbox) != 0 || in.Mail.Outcome != ledger.OutcomeQuarantined {
			t.Errorf("got outcome %q outbox %q, want quarantined and no answer", in.Mail.Outcome, kinds(in.Outbox))
		}
	})
	for _, own := range []string{"SMTPFrom", "MailboxUser"} {
		t.Run("OwnAddress"+own, func(t *testing.T) {
			o, _ := testOffice(t)
			// Two addresses, as when tonghop sends from one mailbox and reads another.
			if own == "SMTPFrom" {
				o.Mailbox.User = "hopthu@kcn.example"
			} else {
				o.SMTP.From = "guidi@kcn.example"
			}
			msg := parse(t, officetest.Mail(officetest.OfficeAddr, officetest.OfficeAddr, "own@kcn", "", "", nil))
			if IgnoreReason(o, msg) == "" {
				t.Errorf("mail from tonghop's own %s address: got it handled, want it never answered", own)
			}
		})
	}
}

// attachmentOf is a workbook as an attachment of a mail.
func attachmentOf(t *testing.T, data []byte) intake.Attachment {
	t.Helper()
	return parse(t, officetest.Mail(officetest.UnitAddr("QLDN"), officetest.OfficeAddr, "a@kcn", "", "bc.xlsx", data)).Spreadsheets()[0]
}
