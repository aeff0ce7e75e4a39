package status

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// This file holds every text a civil servant reads; keep it in Vietnamese, NFC, with
// correct diacritics, and no codes. The table's cells must stay short, so that six or eight
// periods fit a terminal: there, and only there, lateness is "trễ 2n3g" and the submission
// counted "lần 2", both explained by the legend under the table; everywhere else (the state's
// Label, the workbooks) lateness is "quá hạn" with its length in words (DelayText).

const (
	labelOnTime    = "đúng hạn"
	labelLate      = "quá hạn"
	labelLateShort = "trễ " // in the table's cells only
	labelInvalid   = "không hợp lệ"
	labelMissing   = "chưa gửi"
	labelPending   = "chưa đến hạn"
	labelNotAsked  = "không được yêu cầu"
	cellNotAsked   = "—" // in the table's cells, explained by the legend

	// Issue 19, part V: where a file stands with the unit's supervisor.
	labelReviewPending  = "chờ ý kiến lãnh đạo phụ trách"
	labelReviewAgreed   = "đã được đồng ý"
	labelReviewReturned = "trả lại để sửa"

	labelUnitColumn = "Đơn vị"
	// labelInIssued introduces what the approved report counted, when it differs.
	labelInIssued = "đã duyệt: "
)

// Label returns the state's Vietnamese name: "đúng hạn", "quá hạn", "không hợp lệ",
// "chưa gửi", "chưa đến hạn", "không được yêu cầu".
func (s State) Label() string {
	switch s {
	case OnTime:
		return labelOnTime
	case Late:
		return labelLate
	case Invalid:
		return labelInvalid
	case Missing:
		return labelMissing
	case Pending:
		return labelPending
	case NotAsked:
		return labelNotAsked
	}
	return string(s)
}

// Label returns the cell's short text as printed in the status table: "đúng hạn", "trễ 2n3g",
// "không hợp lệ", "chưa gửi", "chưa đến hạn", followed by ", lần 2" when the submission
// counted is a later one (the unit's "lần gửi thứ 2"); "—" for a unit not asked.
func (c Cell) Label() string {
	text := c.State.Label()
	if c.State == NotAsked {
		return cellNotAsked
	}
	if c.State == Late {
		text = labelLateShort + LateLabel(c.Late)
	}
	if c.Version > 1 {
		text += ", lần " + strconv.Itoa(c.Version)
	}
	if l := c.Review.Label(); l != "" {
		text += ", " + l
	}
	return text
}

// Label names where a file stands with the unit's supervisor: "chờ ý kiến lãnh đạo phụ trách",
// "đã được đồng ý", "trả lại để sửa"; "" for none (and for a file replaced, which the newer one
// speaks for).
func (r Review) Label() string {
	switch r {
	case ReviewPending:
		return labelReviewPending
	case ReviewAgreed:
		return labelReviewAgreed
	case ReviewReturned:
		return labelReviewReturned
	}
	return ""
}

// Resubmission names a unit's n-th file for a period: "lần gửi thứ 2".
func Resubmission(n int) string { return "lần gửi thứ " + strconv.Itoa(n) }

// labelIn is the cell's text in the table for period p: Label, then what the approved report
// counted when it differs from the submission counted now ("đã duyệt: lần 3", "đã duyệt: chưa
// có"), and a file received after the approval that does not count ("lần 4 sau khi duyệt: chờ
// quyết định", "… không tính").
func (c Cell) labelIn(p Period) string {
	text := c.Label()
	if p.Issued != nil && c.Issued != c.Version {
		if c.Issued == 0 {
			text += "; " + labelInIssued + "chưa có"
		} else {
			text += "; " + labelInIssued + "lần " + strconv.Itoa(c.Issued)
		}
	}
	if c.AfterIssue > 0 {
		text += "; lần " + strconv.Itoa(c.AfterIssue) + " sau khi duyệt: " + c.AfterIssueDecision.Label()
	}
	return text
}

// Label names a decision on a file received after the approval: "chờ quyết định", "không
// tính", "đưa vào báo cáo thay thế".
func (d Decision) Label() string {
	switch d {
	case DecisionPending:
		return "chờ quyết định"
	case DecisionLeftOut:
		return "không tính"
	case DecisionTaken:
		return "đưa vào báo cáo thay thế"
	}
	return string(d)
}

// LabelAwaitingNumber is a period's report approved and waiting for the registry clerk's number
// (issue 20): "chờ cấp số".
const LabelAwaitingNumber = "báo cáo đã duyệt, chờ cấp số văn bản"

// issueNote says when the period's report was approved, and which draft: "báo cáo đã duyệt
// ngày 20/11/2026, theo dự thảo lần 2"; a replacement is "báo cáo đã duyệt lần 2 …".
func issueNote(is *Issue, loc *time.Location) string {
	what := "báo cáo đã duyệt"
	if is.Number > 1 {
		what += " lần " + strconv.Itoa(is.Number)
	}
	return fmt.Sprintf("%s ngày %s, theo dự thảo lần %d", what, FormatDate(inZone(is.At, loc)), is.Version)
}

// LateLabel writes a delay briefly for the status table's cells, as DelayOf rounds it and
// Delay.Parts cuts it: "2n3g" (2 days 3 hours; "n" ngày, "g" giờ), "5g20ph" under a day, "45ph"
// (phút) under an hour; a delay of a few seconds reads "1ph", never "0ph". Everywhere else a
// delay is written in words, by DelayText.
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
	return fmt.Sprintf("Tình hình gửi báo cáo — biểu mẫu %s — tính đến %s",
		strings.Join(forms, ", "), FormatDateTime(now))
}

// rateLine describes one period's rates: "Tháng 11/2026: thời hạn gửi 17:00 ngày 18/11/2026,
// thứ Tư; chưa đến hạn. Tỷ lệ báo cáo 3/4 (75%), đúng hạn 2/4 (50%)."
func rateLine(name string, p Period, r Rate, now time.Time, loc *time.Location) string {
	var notes []string
	if p.hasDeadline() {
		notes = append(notes, "thời hạn gửi "+FormatDeadline(inZone(p.Deadline, loc)))
	}
	switch {
	case p.Issued != nil:
		notes = append(notes, issueNote(p.Issued, loc))
		if p.Correcting {
			notes = append(notes, "đang điều chỉnh báo cáo")
		}
	case p.AwaitingNumber:
		notes = append(notes, LabelAwaitingNumber)
	case p.Closed:
		notes = append(notes, "đã chốt số liệu")
	case !p.Overdue(now):
		notes = append(notes, "chưa đến hạn")
	}
	if len(notes) > 0 {
		name += ": " + strings.Join(notes, "; ") + "."
	} else {
		name += "."
	}
	return fmt.Sprintf("%s Tỷ lệ báo cáo %d/%d (%s), đúng hạn %d/%d (%s).", name,
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

// legend explains the cell texts under the table. The table says "trễ", never "quá hạn": one
// word for lateness in one table.
var legend = []string{
	"Chú thích:",
	"  đúng hạn             lần gửi hợp lệ đầu tiên đến trước hoặc đúng thời hạn",
	"  trễ 2n3g             lần gửi hợp lệ đầu tiên đến sau thời hạn 2 ngày 3 giờ (n: ngày, g: giờ, ph: phút)",
	"  lần 2                số liệu được tính là của lần gửi thứ 2, đơn vị đã gửi lại tệp đã sửa",
	"  không hợp lệ         đơn vị mới gửi tệp không hợp lệ",
	"  chưa gửi             đã qua thời hạn mà chưa có lần gửi hợp lệ",
	"  chưa đến hạn         chưa có lần gửi hợp lệ, chưa đến thời hạn",
	"  đã duyệt: lần 3      báo cáo đã duyệt tính lần gửi thứ 3 của đơn vị, ghi khi khác lần gửi đang được tính",
	"  lần 4 sau khi duyệt  lần gửi thứ 4 đến sau khi báo cáo được duyệt: chờ quyết định, không tính hoặc đưa vào báo cáo thay thế",
	"Tỷ lệ tính trên tất cả đơn vị phải gửi, kể cả đơn vị chưa đến hạn.",
}

// legendNotAsked explains the dash of a unit not asked, under a table that has one.
const legendNotAsked = "  —                    đơn vị không được yêu cầu gửi báo cáo kỳ này, không tính vào tỷ lệ"

// NoPeriodsLine says that a form has no period opened yet, so its matrix is empty.
func NoPeriodsLine(form string) string {
	return "Biểu mẫu " + form + ": chưa có kỳ báo cáo nào được mở."
}

// legend is the legend under the matrix's table: the dash of a unit not asked is explained
// only where a table shows one.
func (m Matrix) legend() []string {
	for _, row := range m.Cells {
		if slices.ContainsFunc(row, func(c Cell) bool { return c.State == NotAsked }) {
			last := len(legend) - 1
			return append(append(slices.Clone(legend[:last]), legendNotAsked), legend[last])
		}
	}
	return legend
}
