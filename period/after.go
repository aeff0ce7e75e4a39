package period

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// An after-rule counts working days from an event: "5 working days after issue of
// BM.04.01/KH" (the assignment follows the program), "3 working days after period end",
// "2 working days after deadline of BM.02.01/KH" (a consolidated draft). In Vietnamese:
// "5 ngày làm việc sau khi ban hành BM.04.01/KH", "3 ngày làm việc sau khi kết thúc kỳ",
// "trong 2 ngày làm việc kể từ hạn nộp BM.02.01/KH". The deadline is the end of the last of
// those working days (17:00 by default) unless a time is given.

// Event is what an after-rule counts from. Form is set for deadline and issue events, which
// refer to another form's report for the same period.
type Event struct {
	Kind EventKind
	Form string
}

// EventKind names an event.
type EventKind string

// The events a rule may count from.
const (
	EventPeriodStart EventKind = "period start" // the period's first day
	EventPeriodEnd   EventKind = "period end"   // the period's last day
	EventDeadline    EventKind = "deadline of"  // another form's deadline for the same period
	EventIssue       EventKind = "issue of"     // the issue (ban hành) of another form's report for the same period
)

// String returns the event as a rule writes it: "period end", "issue of BM.04.01/KH".
func (e Event) String() string {
	if e.Form == "" {
		return string(e.Kind)
	}
	return string(e.Kind) + " " + e.Form
}

// ErrEventUnknown is returned for the deadline of a rule counted from another form's deadline
// or issue: only the caller knows when that happened (see Policy.Place).
var ErrEventUnknown = errors.New("the rule counts from another form's event, which the caller must give")

// isAfterRule tells "5 working days after …" (folded words) from the other rules.
func isAfterRule(words []string) bool {
	if len(words) > 0 && (words[0] == "within" || words[0] == "trong") {
		words = words[1:]
	}
	return len(words) > 2 && strings.Trim(words[0], "0123456789") == "" &&
		(words[1] == "working" || words[1] == "ngay" && words[2] == "lam")
}

// eventWords maps the folded words naming an event (without a form) to its kind.
var eventWords = map[string]EventKind{
	"period start": EventPeriodStart, "start": EventPeriodStart, "the period start": EventPeriodStart,
	"bat dau ky": EventPeriodStart, "dau ky": EventPeriodStart,
	"period end": EventPeriodEnd, "end": EventPeriodEnd, "the period end": EventPeriodEnd,
	"ket thuc ky": EventPeriodEnd, "het ky": EventPeriodEnd, "cuoi ky": EventPeriodEnd,
	"deadline of": EventDeadline, "the deadline of": EventDeadline, "han nop": EventDeadline, "han cua": EventDeadline,
	"issue of": EventIssue, "the issue of": EventIssue, "ban hanh": EventIssue, "phat hanh": EventIssue,
}

// parseAfter reads "[within] N working days after EVENT"; words are folded, orig the same
// words as written.
func (r *Rule) parseAfter(words, orig []string) error {
	if words[0] == "within" || words[0] == "trong" {
		words, orig = words[1:], orig[1:]
	}
	n, err := strconv.Atoi(words[0])
	if err != nil || n < 1 || n > 366 {
		return fmt.Errorf("%q: the number of working days must be 1–366", words[0])
	}
	skip := 3 // "N working days" or "N ngay lam viec"
	if words[1] == "ngay" {
		skip = 4
	}
	switch strings.Join(words[1:min(skip, len(words))], " ") {
	case "working days", "working day", "ngay lam viec":
	default:
		return fmt.Errorf("expected \"%d working days after …\" or \"%d ngày làm việc sau …\"", n, n)
	}
	words, orig = words[skip:], orig[skip:]
	for len(words) > 0 && afterFillers[words[0]] {
		words, orig = words[1:], orig[1:]
	}
	ev, err := parseEvent(words, orig)
	if err != nil {
		return err
	}
	r.form, r.after, r.event = formAfter, n, ev
	return nil
}

// afterFillers are the words between the count and the event: "after", "of", "sau khi", "kể từ".
var afterFillers = map[string]bool{"after": true, "of": true, "from": true, "sau": true, "khi": true, "ke": true, "tu": true}

func parseEvent(words, orig []string) (Event, error) {
	if kind, ok := eventWords[strings.Join(words, " ")]; ok && kind != EventDeadline && kind != EventIssue {
		return Event{Kind: kind}, nil
	}
	for cut := len(words) - 1; cut >= 1; cut-- {
		kind, ok := eventWords[strings.Join(words[:cut], " ")]
		if ok && (kind == EventDeadline || kind == EventIssue) && len(words)-cut == 1 {
			return Event{Kind: kind, Form: orig[cut]}, nil
		}
	}
	return Event{}, errors.New(`the event must be "period start", "period end", "deadline of FORM" or "issue of FORM" ` +
		`(in Vietnamese "bắt đầu kỳ", "kết thúc kỳ", "hạn nộp FORM", "ban hành FORM"), FORM being a form code`)
}

// Event returns the event an after-rule counts from; ok is false for other rules.
func (r Rule) Event() (Event, bool) {
	return r.event, r.form == formAfter
}

// After returns the deadline of an after-rule whose event happened at t: the end of the
// N-th working day after t's date (or r's time on that day). For other rules it returns t.
func (r Rule) After(t time.Time, cal Calendar) time.Time {
	if r.form != formAfter {
		return t
	}
	at := cal.hours()[3]
	if r.hasTime {
		at = r.at
	}
	return at.On(cal.AddWorkingDays(t, r.after), cal.loc())
}
