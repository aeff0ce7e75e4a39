package ask

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

// TestAsker_DigestCountsHeldNotices: notices the hourly limits held back are counted in the
// clerks' next digest, even on a day with no late unit, and each only once.
func TestAsker_DigestCountsHeldNotices(t *testing.T) {
	a := newAsker(t)
	ctx := context.Background()
	now := a.now()
	a.Now = func() time.Time { return now }
	hold := func(action ledger.Action, n int, at time.Time) {
		t.Helper()
		for range n {
			if err := a.Ledger.Record(ctx, ledger.Event{At: at, Actor: "x@other.example", Action: action, Object: "mail:abc"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	digest := func(day string) (ledger.OutMail, error) {
		t.Helper()
		if err := a.Schedule(ctx); err != nil {
			t.Fatal(err)
		}
		return a.Ledger.OutMail(ctx, "digest:"+day)
	}
	if _, err := digest("2026-11-16"); err == nil {
		t.Fatal("a digest with nothing to say: got one, want none")
	}
	hold(ledger.ActionNoticeHeldUnknownSender, 95, now.Add(-time.Hour))
	hold(ledger.ActionNoticeHeldAfterClose, 1, now.Add(-time.Hour))
	now = now.Add(time.Minute)
	d, err := digest("2026-11-16")
	if err != nil {
		t.Fatalf("digest: %v", err)
	}
	for _, want := range []string{"95 thư khác từ địa chỉ chưa đăng ký đã được chuyển vào thư mục cách ly: xem thư mục “" +
		a.Office.Mailbox.Quarantine + "”", "1 báo cáo khác gửi sau khi đã chốt số liệu", "Thư đến chưa được thông báo riêng"} {
		if !strings.Contains(d.Subject+"\n"+d.Body, want) {
			t.Errorf("digest: want %q in\n%s\n%s", want, d.Subject, d.Body)
		}
	}
	if d.Kind != ledger.KindDigest || len(d.To) == 0 || strings.Contains(d.Body, "không kèm báo cáo") {
		t.Errorf("digest: got kind %q to %v, want the clerks' digest without unit messages:\n%s", d.Kind, d.To, d.Body)
	}
	hold(ledger.ActionNoticeHeldUnitMessage, 2, now.Add(time.Hour))
	now = now.Add(24 * time.Hour)
	d, err = digest("2026-11-17")
	if err != nil {
		t.Fatalf("next day's digest: %v", err)
	}
	if !strings.Contains(d.Body, "2 thư khác của đơn vị không kèm báo cáo") || strings.Contains(d.Body, "95 thư") {
		t.Errorf("next day's digest: want only what was held since the last one:\n%s", d.Body)
	}
}
