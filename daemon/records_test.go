package daemon

import (
	"context"
	"os"
	"testing"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

func TestCheckRecords(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	e.append(t, mail("qldn@kcn.example", "ok@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false)))
	if err := e.d.Step(ctx); err != nil {
		t.Fatal(err)
	}
	key := ledger.RecordsDamagedNoticeKey("2026-11-16")

	t.Run("Intact", func(t *testing.T) {
		if err := e.d.CheckRecords(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := e.ledger.OutMail(ctx, key); err == nil {
			t.Error("a notice was queued for intact records")
		}
		if c := e.d.LastRecordsCheck(); c == nil || c.Problems != 0 || !c.At.Equal(e.clock.Now()) {
			t.Errorf("LastRecordsCheck: got %+v, want none found now", c)
		}
	})

	t.Run("BlobMissing", func(t *testing.T) {
		subs, err := e.ledger.Submissions(ctx, "BM.02.01/KH", "2026-11")
		if err != nil || len(subs) != 1 {
			t.Fatalf("submissions: got %d (%v), want 1", len(subs), err)
		}
		if err := os.Remove(e.ledger.BlobPath(subs[0].FileSHA256)); err != nil {
			t.Fatal(err)
		}
		before := e.deliveredTo(officetest.Clerk)
		for range 2 { // a restart the same day tells the clerks once
			if err := e.d.CheckRecords(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if c := e.d.LastRecordsCheck(); c == nil || c.Problems != 1 {
			t.Errorf("LastRecordsCheck: got %+v, want 1 problem", c)
		}
		m, err := e.ledger.OutMail(ctx, key)
		if err != nil {
			t.Fatalf("notice %s: %v", key, err)
		}
		if m.Kind != ledger.KindNotice || len(m.To) != 1 || m.To[0] != officetest.Clerk {
			t.Errorf("notice: got kind %s to %v, want a notice to %s", m.Kind, m.To, officetest.Clerk)
		}
		if err := e.d.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if got := e.deliveredTo(officetest.Clerk) - before; got != 1 {
			t.Errorf("notices delivered to the clerk: got %d, want 1", got)
		}
		n, err := e.ledger.CountEvents(ctx, ledger.ActionRecordsDamaged, "system", e.clock.Now().AddDate(0, 0, -1))
		if err != nil || n != 1 {
			t.Errorf("records.damaged events: got %d (%v), want 1", n, err)
		}
	})
}
