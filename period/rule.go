package period

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Rule is a deadline rule read from the configuration, such as "thu 15:00" or "day 20"; see
// the package documentation for the grammar. The zero Rule is empty and has no deadline.
// Rules are comparable: ParseRule(r.String()) == r.
type Rule struct {
	form     ruleForm
	weekday  time.Weekday // formWeekday
	day      int          // formMonthDay, formDate: 1–31
	month    int          // formDate: 1–12
	nextYear bool         // formDate: the date falls in the year after the period's
	at       Clock        // time of day, when hasTime
	hasTime  bool
	session  Session // the end of the morning or afternoon session; never with hasTime
	after    int     // formAfter: working days after the event
	event    Event   // formAfter
}

type ruleForm int

const (
	formNone ruleForm = iota
	formWeekday
	formMonthDay
	formDate
	formLastWorkingDay
	formAfter // N working days after an event
)

// Session is the half of the working day a deadline closes: "chiều thứ Sáu" is due at the end
// of Friday afternoon, "sáng thứ Hai" at the end of Monday morning, by the office's hours.
type Session int

// The sessions a rule may name.
const (
	SessionNone Session = iota
	SessionMorning
	SessionAfternoon
)

// String returns "morning", "afternoon" or "".
func (s Session) String() string {
	switch s {
	case SessionMorning:
		return "morning"
	case SessionAfternoon:
		return "afternoon"
	}
	return ""
}

const expectedRule = `expected a weekday and time ("thu 15:00", "trước 15h thứ Năm", "chiều thứ Sáu", "sáng thứ Hai"), ` +
	`a day of the month ("day 20", "ngày 20", "trước ngày 20", "cuối tháng"), ` +
	`a date ("15/06", "trước ngày 29/5", "ngày 15 tháng 11", "cuối năm", "10/01 next year"), ` +
	`"last working day" or "5 working days after period end" ` +
	`(or after period start, deadline of FORM, issue of FORM), each optionally followed by a time such as 17:00`

// ParseRule reads a deadline rule, ignoring case, extra spaces and Vietnamese diacritics. The
// phrases offices write ("trước ngày 20", "chiều thứ Sáu", "cuối năm") are rewritten to the
// canonical grammar first (phrases.go). Every refusal ends with the forms accepted.
func ParseRule(s string) (Rule, error) {
	r, err := parseRule(s)
	if err != nil {
		if !strings.Contains(err.Error(), expectedRule) {
			err = fmt.Errorf("%w; %s", err, expectedRule)
		}
		return Rule{}, fmt.Errorf("%q: %w", s, err)
	}
	return r, nil
}

func parseRule(s string) (Rule, error) {
	words := strings.Fields(fold(s))
	if len(words) == 0 {
		return Rule{}, errors.New("empty deadline rule: " + expectedRule)
	}
	// Folding keeps word boundaries, so the original words line up with the folded ones; a form
	// code in "issue of BM.04.01/KH" is taken from them, with its case. Phrases are not read
	// there: they would shift the words.
	if isAfterRule(words) {
		r, rest, err := takeTime(words)
		if err != nil {
			return Rule{}, err
		}
		if err := r.parseAfter(rest, strings.Fields(s)[:len(rest)]); err != nil {
			return Rule{}, err
		}
		return r, nil
	}
	ph := readPhrase(words)
	if len(ph.words) == 0 {
		return Rule{}, errors.New("a day is missing")
	}
	r, rest, err := takeTime(ph.words)
	if err != nil {
		return Rule{}, err
	}
	if err := r.parseDay(rest); err != nil {
		return Rule{}, err
	}
	return ph.apply(r)
}

// fold lowers case and strips Vietnamese diacritics, so "Thứ Năm" and "thu nam" read alike.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// takeTime removes a trailing time of day, with an optional "at", "lúc", "before" or "trước"
// in front of it.
func takeTime(words []string) (Rule, []string, error) {
	last := words[len(words)-1]
	if !looksLikeClock(last) {
		return Rule{}, words, nil
	}
	c, ok := parseClock(last)
	if !ok {
		return Rule{}, nil, fmt.Errorf("time %q must be HH:MM between 00:00 and 23:59, such as 17:00", last)
	}
	rest := words[:len(words)-1]
	if n := len(rest); n > 1 && timeFillers[rest[n-1]] {
		rest = rest[:n-1]
	}
	return Rule{at: c, hasTime: true}, rest, nil
}

// timeFillers are the words that may stand between the day and the time: "thứ 5 lúc 15h".
var timeFillers = map[string]bool{"at": true, "luc": true, "before": true, "truoc": true}

// looksLikeClock tells a time ("15:00", "15h", "25:00") from a number or a weekday word.
func looksLikeClock(w string) bool {
	if strings.Contains(w, ":") {
		return true
	}
	i := strings.IndexAny(w, "hg")
	return i > 0 && w[0] >= '0' && w[0] <= '9'
}

// parseDay reads the words that say which day; they are folded and the time is gone.
func (r *Rule) parseDay(words []string) error {
	text := strings.Join(words, " ")
	if wd, ok := weekdayWords[text]; ok {
		r.form, r.weekday = formWeekday, wd
		return nil
	}
	switch text {
	case "last working day", "ngay lam viec cuoi cung", "ngay lam viec cuoi":
		r.form = formLastWorkingDay
		return nil
	}
	if len(words) > 0 && (words[0] == "day" || words[0] == "ngay") {
		words = words[1:]
	}
	if len(words) == 0 {
		return fmt.Errorf("a day is missing: %s", expectedRule)
	}
	if strings.Contains(words[0], "/") {
		return r.parseDate(words)
	}
	return r.parseMonthDay(words)
}

func (r *Rule) parseMonthDay(words []string) error {
	day, err := strconv.Atoi(words[0])
	if err != nil || len(words[0]) > 2 {
		return fmt.Errorf("%q is not a day: %s", words[0], expectedRule)
	}
	if day < 1 || day > 31 {
		return fmt.Errorf("day must be 1–31, got %d", day)
	}
	switch strings.Join(words[1:], " ") {
	case "", "of last month", "of the last month", "of the period's last month", "of last month of quarter",
		"of the last month of the quarter", "of the quarter's last month", "of last month of period",
		"thang cuoi", "cua thang cuoi", "thang cuoi quy", "cua thang cuoi quy", "cua thang cuoi ky":
	default:
		return fmt.Errorf("unexpected %q after the day: write \"day %d\" or \"day %d 17:00\"",
			strings.Join(words[1:], " "), day, day)
	}
	r.form, r.day = formMonthDay, day
	return nil
}

func (r *Rule) parseDate(words []string) error {
	dayText, monthText, _ := strings.Cut(words[0], "/")
	day, errDay := strconv.Atoi(dayText)
	month, errMonth := strconv.Atoi(monthText)
	if errDay != nil || errMonth != nil || len(dayText) > 2 || len(monthText) > 2 {
		return fmt.Errorf("date %q must be written DD/MM, such as 15/06", words[0])
	}
	if month < 1 || month > 12 {
		return fmt.Errorf("date %q: month must be 1–12", words[0])
	}
	// 29/02 is allowed and moves to 28/02 in common years.
	if limit := daysIn(2024, month); day < 1 || day > limit {
		return fmt.Errorf("date %q: day must be 1–%d in month %d", words[0], limit, month)
	}
	switch strings.Join(words[1:], " ") {
	case "":
	case "next year", "of next year", "nam sau", "cua nam sau":
		r.nextYear = true
	default:
		return fmt.Errorf("unexpected %q after the date: write \"%s\" or \"%s next year\"",
			strings.Join(words[1:], " "), words[0], words[0])
	}
	r.form, r.day, r.month = formDate, day, month
	return nil
}

// daysIn returns the number of days of a month.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// weekdayWords maps folded weekday names, English and Vietnamese, to weekdays. "thu" alone is
// the English Thursday, and "thu 5" (thứ 5 without diacritics) is Thursday too.
var weekdayWords = func() map[string]time.Weekday {
	m := map[string]time.Weekday{
		"chu nhat": time.Sunday, "cn": time.Sunday,
		"thu hai": time.Monday, "thu ba": time.Tuesday, "thu tu": time.Wednesday,
		"thu nam": time.Thursday, "thu sau": time.Friday, "thu bay": time.Saturday,
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		m[name], m[name[:3]] = d, d
		if d != time.Sunday {
			number := strconv.Itoa(int(d) + 1) // Vietnamese count Monday as "thứ 2"
			m["thu "+number], m["t"+number] = d, d
		}
	}
	m["tues"], m["thur"], m["thurs"] = time.Tuesday, time.Thursday, time.Thursday
	return m
}()

// String returns the canonical form of the rule, which ParseRule reads back to the same Rule:
// "thu 15:00", "day 18", "15/06 17:00", "10/01 next year", "last working day".
func (r Rule) String() string {
	var s string
	switch r.form {
	case formNone:
		return ""
	case formWeekday:
		s = strings.ToLower(r.weekday.String()[:3])
	case formMonthDay:
		s = fmt.Sprintf("day %d", r.day)
	case formDate:
		s = fmt.Sprintf("%02d/%02d", r.day, r.month)
		if r.nextYear {
			s += " next year"
		}
	case formLastWorkingDay:
		s = "last working day"
	case formAfter:
		s = fmt.Sprintf("%d working days after %s", r.after, r.event)
		if r.after == 1 {
			s = "1 working day after " + r.event.String()
		}
	}
	if r.hasTime {
		s += " " + r.at.String()
	}
	if r.session != SessionNone {
		s += " " + r.session.String()
	}
	return s
}

// IsZero reports whether r is the empty Rule.
func (r Rule) IsZero() bool {
	return r.form == formNone
}

// MarshalText implements encoding.TextMarshaler with the canonical form.
func (r Rule) MarshalText() ([]byte, error) {
	return []byte(r.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseRule, so rules decode from TOML.
func (r *Rule) UnmarshalText(b []byte) error {
	v, err := ParseRule(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
