package receive

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/templates"
)

// TestJudge_TemplateOfAnotherKey: a unit answers with a template signed with a key the office
// does not hold (its template.key was lost and made again, or the template is another office's).
// The unit is told plainly that the template is an old one or another office's, not that it
// altered a sheet it cannot see, and gets its current template for the same form and period,
// attached and stored, which reads back as the office's own.
func TestJudge_TemplateOfAnotherKey(t *testing.T) {
	o, cfg := testOffice(t)
	raw := officetest.Mail(officetest.UnitAddr("QLDN"), officetest.OfficeAddr, "old@kcn", "", "bc.xlsx",
		officetest.Workbook(t, cfg, "QLDN", []byte("khóa đã mất"), false))
	in, blobs := judgeMail(t, o, &fakeLedger{}, raw)
	if in.Mail.Outcome != ledger.OutcomeRejected || kinds(in.Outbox) != "rejection" {
		t.Fatalf("got outcome %q, outbox %q; want rejected, one error letter", in.Mail.Outcome, kinds(in.Outbox))
	}
	m := in.Outbox[0]
	for _, want := range []string{"tệp mẫu cũ hoặc tệp mẫu của cơ quan khác", "đề nghị dùng tệp mẫu mới gửi kèm"} {
		if !strings.Contains(m.Subject+"\n"+m.Body, want) {
			t.Errorf("letter: want %q in\n%s\n%s", want, m.Subject, m.Body)
		}
	}
	for _, not := range []string{"đã bị", "_tonghop", "trang tính"} {
		if strings.Contains(m.Body, not) {
			t.Errorf("letter: got %q in\n%s", not, m.Body)
		}
	}
	want := "BM.02.01-KH_2026-11_QLDN.xlsx"
	if len(m.Attachments) != 1 || m.Attachments[0].Name != want || !strings.Contains(m.Body, "“"+want+"” gửi kèm thư này") {
		t.Fatalf("attachments: got %+v, want %s, named in the letter", m.Attachments, want)
	}
	tpl := blobWithSHA(t, blobs, m.Attachments[0].SHA256)
	rep, err := templates.ReadKeys(context.Background(), tpl, o.Layouts(), o.TemplateKeys(), templates.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if id := rep.Filled.Ident; !id.TagOK || id.OldKey || id.Unit != "QLDN" || id.Form != "BM.02.01/KH" || id.Period != "2026-11" {
		t.Errorf("fresh template: got %+v, want the office's own BM.02.01/KH 2026-11 for QLDN", id)
	}
}

// TestJudge_TemplateOfPreviousKey: after a key change, with the old key kept
// (office.previous_template_keys_file), a workbook made from a template signed with it is
// accepted, and the receipt says to use the newest template next time.
func TestJudge_TemplateOfPreviousKey(t *testing.T) {
	o, cfg := testOffice(t)
	cfg.Office.PreviousTemplateKeys = []string{"khóa cũ"}
	raw := officetest.Mail(officetest.UnitAddr("QLDN"), officetest.OfficeAddr, "prev@kcn", "", "bc.xlsx",
		officetest.Workbook(t, cfg, "QLDN", []byte("khóa cũ"), false))
	in, _ := judgeMail(t, o, &fakeLedger{}, raw)
	if in.Mail.Outcome != ledger.OutcomeAccepted || kinds(in.Outbox) != "receipt" || len(in.Submissions) != 1 || !in.Submissions[0].Valid {
		t.Fatalf("got outcome %q, outbox %q; want accepted with a receipt", in.Mail.Outcome, kinds(in.Outbox))
	}
	if body := in.Outbox[0].Body; !strings.Contains(body, "tệp mẫu mới nhất") || len(in.Outbox[0].Attachments) != 0 {
		t.Errorf("receipt: want the warning to use the newest template, no attachment:\n%s", body)
	}
	cfg.Office.PreviousTemplateKeys = nil // the key dropped: the same file is another key's
	in, _ = judgeMail(t, o, &fakeLedger{}, raw)
	if in.Mail.Outcome != ledger.OutcomeRejected {
		t.Errorf("without the previous key: got outcome %q, want rejected", in.Mail.Outcome)
	}
}

// TestJudge_AlteredIdentGetsTemplate: a workbook whose identification was changed under the
// office's own key is told so, and gets its current template too.
func TestJudge_AlteredIdentGetsTemplate(t *testing.T) {
	o, cfg := testOffice(t)
	forged := officetest.ClaimOtherUnit(t, officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false), "QLDT")
	raw := officetest.Mail(officetest.UnitAddr("QLDN"), officetest.OfficeAddr, "forged@kcn", "", "bc.xlsx", forged)
	in, _ := judgeMail(t, o, &fakeLedger{}, raw)
	m := in.Outbox[0]
	if m.Kind != ledger.KindRejection || !strings.Contains(m.Body, "đã bị thay đổi") || strings.Contains(m.Body, "cơ quan khác") {
		t.Errorf("letter: want it to say the identification was changed:\n%s", m.Body)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].Name != "BM.02.01-KH_2026-11_QLDN.xlsx" {
		t.Errorf("attachments: got %+v, want the sender's own template", m.Attachments)
	}
}

func blobWithSHA(t *testing.T, blobs [][]byte, sha string) []byte {
	t.Helper()
	for _, b := range blobs {
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) == sha {
			return b
		}
	}
	t.Fatalf("no blob %s among the %d to store", sha, len(blobs))
	return nil
}
