package period

import (
	"errors"
	"fmt"
	"strings"
)

// The deadline phrases offices write in their rules of procedure, read by rewriting them to the
// canonical grammar (folded words: lower case, no diacritics):
//
//	trước ngày 20 [hằng tháng]          day 19: "before the 20th" is due the day before
//	trước ngày 15 tháng cuối quý        day 14
//	trước ngày 29/5, trước ngày 29 tháng 5   28/05
//	trước ngày 10/01 năm sau            09/01 next year
//	trước 17h ngày 20                   day 20 17:00: a time given, the day itself
//	trước 15h thứ Năm, thứ Năm trước 15h     thu 15:00
//	chiều thứ Sáu, sáng thứ Hai         fri afternoon, mon morning: the end of that session
//	cuối tháng, cuối quý                day 31 (the month's last day)
//	cuối năm                            31/12
//	ngày 15 tháng 6                     15/06
//
// Fillers are dropped anywhere: "chậm nhất (là)", "vào", "buổi", "hằng/hàng tuần|tháng|quý|năm",
// "mỗi tuần|tháng", "của năm báo cáo"; a trailing ' or , of a word too ("15h00'"). "Trước 08/7"
// (a date without "ngày", as the emulation bloc's plan writes it) is "trước ngày 08/7".

// phrase is a rule's words rewritten to the canonical grammar, with what the rewriting took
// out: "trước ngày" (the day before) and a session.
type phrase struct {
	words     []string
	dayBefore bool
	session   Session
}

// readPhrase rewrites folded words; what it cannot read is left for the canonical grammar to
// refuse, with the accepted forms.
func readPhrase(words []string) phrase {
	var ph phrase
	ph.words = dropFillers(words)
	ph.takeSession()
	if w := ph.words; len(w) > 1 && w[0] == "truoc" {
		switch {
		case looksLikeClock(w[1]): // "trước 15h thứ Năm": the time of that day
			ph.words = append(append([]string{}, w[2:]...), w[1])
		case w[1] == "ngay":
			ph.dayBefore, ph.words = true, w[1:]
		case isDayMonth(w[1]): // "Trước 08/7", as plans write it: "trước ngày 08/7"
			ph.dayBefore, ph.words = true, append([]string{"ngay"}, w[1:]...)
		}
	}
	if w := ph.words; len(w) >= 2 && w[0] == "cuoi" {
		switch w[1] {
		case "thang", "quy", "ky":
			ph.words = append([]string{"day", "31"}, w[2:]...)
		case "nam":
			ph.words = append([]string{"31/12"}, w[2:]...)
		}
	}
	ph.words = joinDayMonth(ph.words)
	return ph
}

// dropFillers removes the words that add nothing to the day: "chậm nhất là vào ngày 20 hằng
// tháng" is "ngày 20".
func dropFillers(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := strings.TrimRight(words[i], "',")
		next := ""
		if i+1 < len(words) {
			next = strings.TrimRight(words[i+1], "',")
		}
		switch {
		case w == "":
		case w == "cham" && next == "nhat":
			i++
			if i+1 < len(words) && words[i+1] == "la" {
				i++
			}
		case w == "vao" || w == "buoi":
		case w == "cua" && strings.Join(words[i+1:min(i+4, len(words))], " ") == "nam bao cao":
			i += 3 // "của năm báo cáo": the period's own year, as without it
		case (w == "hang" || w == "moi") && everyWords[next]:
			i++
		default:
			out = append(out, w)
		}
	}
	return out
}

// everyWords follow "hằng", "hàng" or "mỗi" in "hằng tháng", "mỗi tuần".
var everyWords = map[string]bool{"tuan": true, "thang": true, "quy": true, "nam": true, "ngay": true}

// takeSession takes "sáng"/"chiều" in front ("chiều thứ Sáu") or the canonical "morning" /
// "afternoon" at the end ("fri afternoon").
func (ph *phrase) takeSession() {
	w := ph.words
	if len(w) == 0 {
		return
	}
	switch w[0] {
	case "sang":
		ph.session, ph.words = SessionMorning, w[1:]
		return
	case "chieu":
		ph.session, ph.words = SessionAfternoon, w[1:]
		return
	}
	switch w[len(w)-1] {
	case "morning":
		ph.session, ph.words = SessionMorning, w[:len(w)-1]
	case "afternoon":
		ph.session, ph.words = SessionAfternoon, w[:len(w)-1]
	}
}

// joinDayMonth writes "ngày 15 tháng 6" as "ngày 15/6"; "tháng cuối quý" is left alone.
func joinDayMonth(words []string) []string {
	for i := 1; i+1 < len(words); i++ {
		if words[i] == "thang" && isNumber(words[i-1]) && isNumber(words[i+1]) {
			out := append(append([]string{}, words[:i-1]...), words[i-1]+"/"+words[i+1])
			return append(out, words[i+2:]...)
		}
	}
	return words
}

// isDayMonth reports whether w is a day and month such as "08/7".
func isDayMonth(w string) bool {
	d, m, ok := strings.Cut(w, "/")
	return ok && isNumber(d) && isNumber(m)
}

func isNumber(w string) bool {
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// apply sets on r what the rewriting took out.
func (ph phrase) apply(r Rule) (Rule, error) {
	if ph.session != SessionNone {
		if r.hasTime {
			return Rule{}, errors.New(`a session and a time exclude each other: write "fri afternoon" or "fri 17:00"`)
		}
		r.session = ph.session
	}
	if !ph.dayBefore {
		return r, nil
	}
	switch r.form {
	case formMonthDay:
		if r.day == 1 {
			return Rule{}, errors.New(`"trước ngày 1" is the last day of the month before: ` +
				`write that day, or "cuối tháng" for the month's own last day`)
		}
		r.day--
	case formDate:
		return r.dayBeforeDate()
	default:
		return Rule{}, fmt.Errorf("%q: \"trước ngày\" needs a day of the month or a date", r)
	}
	return r, nil
}

// dayBeforeDate moves a date rule one day back: "trước ngày 01/03" is 29/02 (28/02 in common
// years), "trước ngày 01/01 năm sau" is 31/12 of the period's year.
func (r Rule) dayBeforeDate() (Rule, error) {
	if r.day > 1 {
		r.day--
		return r, nil
	}
	if r.month == 1 {
		if !r.nextYear {
			return Rule{}, errors.New(`"trước ngày 01/01" falls in the year before the period's: write "31/12" for the end of the period's own year`)
		}
		r.nextYear, r.month, r.day = false, 12, 31
		return r, nil
	}
	r.month--
	r.day = daysIn(2024, r.month) // a leap year: 29/02 stays 29/02 where February has it
	return r, nil
}

// sessionEnd is the end of the session, by the office's hours.
func (c Calendar) sessionEnd(s Session) Clock {
	if s == SessionMorning {
		return c.hours()[1]
	}
	return c.hours()[3]
}
