package status

import "time"

// Unit is a unit expected to report (phòng ban, đơn vị), identified by its code.
type Unit struct{ Code, Name string }

// Period is one reporting period of one form with its deadline for units. Period is the
// canonical text of the period ("2026-W47", "2026-11"), Label its name as people read it
// ("Tháng 11/2026", "Tuần 48 (23/11 – 29/11/2026)"; empty: Period is shown). Closed means the office has stopped
// waiting for the period (it was consolidated): a unit with nothing valid is then missing even
// if the deadline has not passed. A zero Deadline means none is known: every valid file is on
// time and a unit with nothing valid is pending until the period is closed.
type Period struct {
	Form, Period string
	Label        string
	Deadline     time.Time
	Closed       bool
	// Issued is the report in force when the period's report was issued (nil: never issued);
	// Correcting says it is being corrected, a replacement to come.
	Issued     *Issue
	Correcting bool
	// AwaitingNumber says the report is approved and waits for the registry clerk's number
	// (issue 20): not issued yet.
	AwaitingNumber bool
	// Units are the codes of the units asked for the period, when not every unit is: a one-off
	// request asks some. nil: every unit.
	Units []string
	// Extended holds the units whose deadline was moved for this period (issue 22): their
	// lateness counts from it.
	Extended map[string]time.Time
}

// DeadlineOf is unit's deadline for the period: its extension, else the period's.
func (p Period) DeadlineOf(unit string) time.Time {
	if d, ok := p.Extended[unit]; ok {
		return d
	}
	return p.Deadline
}

// Issue is the issued report of a period: when, which consolidated version, and what it
// counted (unit code → the unit's version).
type Issue struct {
	Number  int // 1 for the first issue, 2 and up for replacements
	Version int
	At      time.Time
	Basis   map[string]int
}

// Decision is the Planning Office's decision on a file received after the issue.
type Decision string

// Decisions on a file received after the issue.
const (
	DecisionPending Decision = "pending"  // not decided: not counted
	DecisionTaken   Decision = "taken"    // taken into a corrected report: counted
	DecisionLeftOut Decision = "left_out" // left out: never counted
)

// Submission is one file a unit sent for a period, as recorded in the ledger. Valid tells
// whether it passed validation; Version numbers the unit's files for the period from 1.
type Submission struct {
	Form, Unit, Period string
	Version            int
	Valid              bool
	ReceivedAt         time.Time
	// Decision is set for a file received after the period's report was issued: it counts only
	// once taken in.
	Decision Decision
	// Review is where a file held for the unit's supervisor stands (issue 19, part V): it counts
	// only once agreed. "" for a file nobody had to agree to.
	Review Review
}

// Review is where a unit's file stands with the leader who supervises the unit.
type Review string

// Where a file held for the unit's supervisor stands.
const (
	ReviewPending    Review = "pending"    // waits for the supervisor's view: not counted
	ReviewAgreed     Review = "agreed"     // the supervisor agreed: counted
	ReviewReturned   Review = "returned"   // returned to the unit to correct: not counted
	ReviewSuperseded Review = "superseded" // replaced by a newer file before a view: not counted
)

// Reminder is one reminder sent to a unit about a period: Kind is "reminder" (before the
// deadline) or "nag" (after it), N counts them per kind, Cc lists who was copied (for example
// the supervising deputy).
type Reminder struct {
	Form, Unit, Period string
	Kind               string
	N                  int
	SentAt             time.Time
	Cc                 []string
}

// State is where a unit stands for a period.
type State string

// The states of a cell.
const (
	OnTime  State = "on_time"
	Late    State = "late"
	Invalid State = "invalid" // only invalid files so far
	Missing State = "missing" // nothing valid and the deadline has passed
	Pending State = "pending" // nothing valid yet, deadline not reached
	// NotAsked: the unit was not asked for the period (a one-off request to other units); it is
	// left out of the rates.
	NotAsked State = "not_asked"
)

// Reported reports whether the state counts as reported in the rates: a valid file arrived.
func (s State) Reported() bool { return s == OnTime || s == Late }

// Cell is the status of one unit for one period.
type Cell struct {
	State      State
	Version    int           // the version counted: the latest valid one (0 when none)
	Versions   int           // how many files the unit sent for this period (valid or not)
	FirstValid time.Time     // arrival of the first valid version: timeliness is judged on it
	Counted    time.Time     // arrival of the version counted
	Late       time.Duration // FirstValid - Deadline when Late; for Missing/Invalid after the deadline: now - Deadline
	Reminders  []Reminder    // sent to this unit for this period, in time order
	// Issued is the unit's version the report in force counted (0: not in it, or never issued).
	Issued int
	// AfterIssue is the latest valid version received after the issue and not counted, with its
	// decision (pending or left out); 0 when none.
	AfterIssue         int
	AfterIssueDecision Decision
	// Review is where the unit's latest file held for its supervisor stands; "" when none is.
	// Version is then the agreed file counted (0: none yet), while the state says when the unit
	// sent its file.
	Review Review
}

// Rate counts one period's units for the reporting rates. Expected is every unit asked,
// including those still pending while the period is open, so the rates of an open period
// grow towards their final value instead of starting at 100% with the first file.
// Reported counts units with a valid file (on time or late); Missing and Invalid units are
// not reported. OnTime counts units whose first valid file came by the deadline.
type Rate struct{ Expected, Reported, OnTime int }

// ReportingRate returns Reported/Expected in percent; 0 when no unit is expected.
func (r Rate) ReportingRate() float64 { return percent(r.Reported, r.Expected) }

// OnTimeRate returns OnTime/Expected in percent; 0 when no unit is expected.
func (r Rate) OnTimeRate() float64 { return percent(r.OnTime, r.Expected) }

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

// Matrix is the status of every expected unit for every period: Cells[u][p] belongs to
// Units[u] and Periods[p], Rates[p] to Periods[p]. Now is the instant the matrix was built
// for; the renderers print it so a reader knows how fresh "missing" is.
type Matrix struct {
	Units   []Unit
	Periods []Period
	Cells   [][]Cell // [unit][period]
	Rates   []Rate   // per period
	Now     time.Time
}
