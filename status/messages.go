package status

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// This file holds every text a civil servant reads; keep it in Vietnamese, NFC, with
// correct diacritics. The short cell labels must stay short: they are table cells.

const (
	labelOnTime  = "đúng hạn"
	labelLate    = "trễ "
	labelInvalid = "không hợp lệ"
	labelMissing = "chưa nộp"
	labelPending = "chưa đến hạn"

	labelUnitColumn = "Đơn vị"
	labelIssued     = "BH" // ban hành: the issued report
	dateLayout      = "02/01/2006 15:04"
)

// Label returns the state's Vietnamese name: "đúng hạn", "trễ hạn", "không hợp lệ",
// "chưa nộp", "chưa đến hạn".
func (s State) Label() string {
	switch s {
	case OnTime:
		return labelOnTime
	case Late:
		return "trễ hạn"
	case Invalid:
		return labelInvalid
	case Missing:
		return labelMissing
	case Pending:
		return labelPending
	}
	return string(s)
}

// Label returns the cell's short Vietnamese text as printed in the status table:
// "đúng hạn", "trễ 2n3g", "không hợp lệ", "chưa nộp", "chưa đến hạn", followed by " v2"
// when the version counted is a later one.
func (c Cell) Label() string {
	text := c.State.Label()
	if c.State == Late {
		text = labelLate + LateLabel(c.Late)
	}
	if c.Version > 1 {
		text += " v" + strconv.Itoa(c.Version)
	}
	return text
}

// labelIn is the cell's text in the table for period p: Label, then what the issued report
// counted when it differs from the version counted now ("BH v3", "BH: không có"), and a file
// received after the issue that does not count ("+v4 sau BH chờ QĐ", "+v4 sau BH không tính").
func (c Cell) labelIn(p Period) string {
	text := c.Label()
	if p.Issued != nil && c.Issued != c.Version {
		if c.Issued == 0 {
			text += " · " + labelIssued + ": không có"
		} else {
			text += " · " + labelIssued + " v" + strconv.Itoa(c.Issued)
		}
	}
	if c.AfterIssue > 0 {
		text += " · +v" + strconv.Itoa(c.AfterIssue) + " sau " + labelIssued + " " + c.AfterIssueDecision.Label()
	}
	return text
}

// Label names a decision on a file received after the issue, briefly: "chờ QĐ", "không tính",
// "đưa vào".
func (d Decision) Label() string {
	switch d {
	case DecisionPending:
		return "chờ QĐ"
	case DecisionLeftOut:
		return "không tính"
	case DecisionTaken:
		return "đưa vào"
	}
	return string(d)
}

// issueNote says when the period's report was issued, and which consolidated version.
func issueNote(is *Issue, loc *time.Location) string {
	what := "ban hành"
	if is.Number > 1 {
		what = "ban hành lần " + strconv.Itoa(is.Number)
	}
	return fmt.Sprintf("%s %s (bản tổng hợp lần %d)", what, inZone(is.At, loc).Format("02/01/2006"), is.Version)
}

// LateLabel writes a delay briefly, as DelayOf rounds it and Delay.Parts cuts it: "2n3g" (2
// days 3 hours; "n" ngày, "g" giờ), "5g20ph" under a day, "45ph" (phút) under an hour; a delay
// of a few seconds reads "1ph", never "0ph".
func LateLabel(d time.Duration) string {
	var b strings.Builder
	for _, p := range DelayOf(d).Parts() {
		b.WriteString(strconv.Itoa(p.N))
		b.WriteString([...]string{UnitDay: "n", UnitHour: "g", UnitMinute: "ph"}[p.Unit])
	}
	return b.String()
}

// titleLine is the first line of the text report.
func titleLine(forms []string, now time.Time) string {
	return fmt.Sprintf("Tình hình nộp báo cáo — biểu mẫu %s — tính đến %s",
		strings.Join(forms, ", "), now.Format(dateLayout))
}

// rateLine describes one period's rates: "2026-11 (hạn 18/11/2026 17:00, chưa đến hạn):
// Tỉ lệ báo cáo: 3/4 (75%) · đúng hạn: 2/4 (50%)".
func rateLine(name string, p Period, r Rate, now time.Time, loc *time.Location) string {
	var notes []string
	if p.hasDeadline() {
		notes = append(notes, "hạn "+inZone(p.Deadline, loc).Format(dateLayout))
	}
	switch {
	case p.Issued != nil:
		notes = append(notes, issueNote(p.Issued, loc))
		if p.Correcting {
			notes = append(notes, "đang điều chỉnh")
		}
	case p.Closed:
		notes = append(notes, "đã đóng")
	case !p.Overdue(now):
		notes = append(notes, "chưa đến hạn")
	}
	if len(notes) > 0 {
		name += " (" + strings.Join(notes, ", ") + ")"
	}
	return fmt.Sprintf("%s: Tỉ lệ báo cáo: %d/%d (%s) · đúng hạn: %d/%d (%s)", name,
		r.Reported, r.Expected, percentText(r.ReportingRate()),
		r.OnTime, r.Expected, percentText(r.OnTimeRate()))
}

// percentText writes a percentage the Vietnamese way: "75%", "66,7%".
func percentText(x float64) string {
	x = math.Round(x*10) / 10
	if x == math.Trunc(x) {
		return strconv.Itoa(int(x)) + "%"
	}
	return strings.Replace(strconv.FormatFloat(x, 'f', 1, 64), ".", ",", 1) + "%"
}

// legend explains the cell texts under the table.
var legend = []string{
	"Chú thích:",
	"  đúng hạn      bản hợp lệ đầu tiên đến trước hoặc đúng hạn",
	"  trễ 2n3g      bản hợp lệ đầu tiên đến trễ 2 ngày 3 giờ (n: ngày, g: giờ, ph: phút)",
	"  v2            bản được tính là bản thứ 2 (đơn vị đã gửi lại bản sửa)",
	"  không hợp lệ  đơn vị chỉ mới gửi bản không hợp lệ",
	"  chưa nộp      đã quá hạn mà chưa có bản hợp lệ",
	"  chưa đến hạn  chưa có bản hợp lệ, chưa đến hạn",
	"  BH v3         báo cáo đã ban hành tính bản thứ 3 của đơn vị (ghi khi khác bản đang được tính)",
	"  +v4 sau BH    bản gửi sau khi ban hành: chờ QĐ (Văn phòng chưa quyết định) hoặc không tính",
	"Tỉ lệ tính trên tất cả đơn vị phải nộp, kể cả đơn vị chưa đến hạn.",
}

// NoPeriodsLine says that a form has no period opened yet, so its matrix is empty.
func NoPeriodsLine(form string) string {
	return "Biểu mẫu " + form + ": chưa có kỳ báo cáo nào được mở."
}
