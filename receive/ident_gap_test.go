package receive

import (
	"context"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// TestJudge_TagClearedOtherUnit: a workbook edited to claim another unit, its tag cleared, is
// never taken as that unit's report. From a person who may send any unit's report it is
// rejected (the tag does not match); from a unit it stays the sender's, rejected too. No
// receipt goes out and no valid submission is recorded.
func TestJudge_TagClearedOtherUnit(t *testing.T) {
	o, cfg := testOffice(t)
	forged := officetest.ClaimOtherUnit(t, officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false), "QLDT")
	tests := []struct {
		name, from string
		unit       string // of the recorded submission
		errors     string
	}{
		{"ByClerkForAnyUnit", officetest.Clerk, "QLDT", "tag_mismatch"},
		{"ByUnit", officetest.UnitAddr("QLDN"), "QLDN", "tag_mismatch,wrong_unit"},
		{"ByOtherUnitClaimed", officetest.UnitAddr("QLDT"), "QLDT", "tag_mismatch"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := officetest.Mail(tc.from, officetest.OfficeAddr, "forged@kcn", "", "bc.xlsx", forged)
			in, _ := judgeMail(t, o, &fakeLedger{}, raw)
			if in.Mail.Outcome != ledger.OutcomeRejected || strings.Contains(kinds(in.Outbox), "receipt") {
				t.Errorf("got outcome %q, outbox %q; want rejected without a receipt", in.Mail.Outcome, kinds(in.Outbox))
			}
			if len(in.Submissions) != 1 {
				t.Fatalf("submissions: got %d, want 1", len(in.Submissions))
			}
			sub := in.Submissions[0]
			if sub.Valid || sub.Unit != tc.unit || !strings.Contains(string(sub.Problems), `"tag_mismatch"`) {
				t.Errorf("submission: unit %q valid %v problems %s; want unit %s, invalid, tag_mismatch",
					sub.Unit, sub.Valid, sub.Problems, tc.unit)
			}
			msg := parse(t, raw)
			att := msg.Spreadsheets()[0]
			v, err := testJudge(o, NoLedger{}).Workbook(context.Background(), o.SenderOf(msg.From.Addr), att, msg.Subject)
			if err != nil {
				t.Fatal(err)
			}
			if got := codes(v.Errors); got != tc.errors || v.Filled.Ident.TagOK {
				t.Errorf("errors: got %q (tag ok %v), want %q", got, v.Filled.Ident.TagOK, tc.errors)
			}
		})
	}
}
