package letters

import (
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/period"
)

// TestRequestTexts: every text of a one-off request is held to Lint, names the request as
// people read it and never by its key; Lint itself catches the key.
func TestRequestTexts(t *testing.T) {
	label := period.Period{Kind: period.Once, Year: 2026, N: 3}.Label()
	if !strings.HasPrefix(label, oneOffLabel) {
		t.Fatalf("period label %q does not begin with %q: openingWhy no longer sees requests", label, oneOffLabel)
	}
	full := RequestLabel(label, " Số liệu lao động ", "6 tháng đầu năm 2026")
	if want := "Yêu cầu đột xuất số 03/2026: Số liệu lao động (6 tháng đầu năm 2026)"; full != want {
		t.Errorf("RequestLabel = %q, want %q", full, want)
	}
	if got := RequestLabel(label, "", ""); got != label {
		t.Errorf("RequestLabel without title = %q", got)
	}
	req := Request{FormCode: "BM.02.01/KH", FormTitle: "Báo cáo số liệu", Period: full,
		Deadline: time.Date(2026, 7, 10, 17, 0, 0, 0, period.DefaultLocation())}
	tpl := TemplateLetter(Template{Office: Office{Name: "Ban Quản lý các khu công nghiệp", Desk: "Văn phòng"}, Unit: "Phòng Quản lý doanh nghiệp",
		Request: req, FileName: "BM.02.01-KH_2026-R03_QLDN.xlsx"})
	rem := ReminderLetter(Reminder{Office: Office{Name: "Ban Quản lý các khu công nghiệp"}, Unit: "Phòng Quản lý doanh nghiệp",
		Request: req, Now: req.Deadline.Add(-48 * time.Hour)})
	nag := NagLetter(Nag{Office: Office{Name: "Ban Quản lý các khu công nghiệp"}, Unit: "Phòng Quản lý doanh nghiệp",
		Request: req, Now: req.Deadline.Add(72 * time.Hour)})
	texts := []string{full, RequestNote("Số liệu lao động"), RequestNote(""),
		ProblemNoRequest(label).Message, ProblemNotAsked(full).Message, tpl.Subject + "\n\n" + tpl.Body,
		rem.Subject + "\n\n" + rem.Body, nag.Subject + "\n\n" + nag.Body}
	for _, text := range texts {
		if f := Lint(text); len(f) > 0 {
			t.Errorf("%q: %v", text, f)
		}
	}
	if strings.Contains(tpl.Body, "định kỳ") || !strings.Contains(tpl.Body, "Báo cáo số liệu theo yêu cầu đột xuất số 03/2026: Số liệu lao động (6 tháng đầu năm 2026)") ||
		!strings.Contains(tpl.Subject, "Báo cáo số liệu theo yêu cầu đột xuất số 03/2026: Số liệu lao động – hạn") {
		t.Errorf("a request's template letter reads as a periodic one:\n%s", tpl.Body)
	}
	if f := Lint("Báo cáo kỳ 2026-R03."); len(f) == 0 {
		t.Error("Lint lets a request's key through")
	}
}
