package status

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// TSVHeader is the first line WriteTSV writes: the names of its tab-separated columns.
const TSVHeader = "unit\tform\tperiod\tstate\tversion\tversions\tfirst_valid\tcounted\tlate_seconds\treminders" +
	"\tissued_version\tafter_issue"

// Time layouts of the TSV output: instants of arrival to the second, reminders to the minute
// as the mailer schedules them.
const (
	TSVTimeLayout     = time.RFC3339
	TSVReminderLayout = "2006-01-02T15:04Z07:00"
)

// WriteTSV writes the matrix for programs: the TSVHeader line, then one line per unit and
// period (units in order, periods in order within a unit) with the unit code, form, period,
// state (the State constant's value), version counted, number of files, first valid and
// counted arrival (TSVTimeLayout, empty when none), the delay in whole seconds (Cell.Late)
// and the reminders as "reminder#1@2026-11-18T15:00+07:00;nag#2@…" in time order; for an
// issued period the unit's version the report in force counted (0: none; empty when the period
// was never issued) and a file received after the issue that does not count, as "v4:pending"
// or "v4:left_out" (empty when none). Times are
// written in loc; nil keeps each time's own location. Tabs and line breaks inside codes are
// replaced by spaces so every record stays on one line.
func (m Matrix) WriteTSV(w io.Writer, loc *time.Location) error {
	if _, err := io.WriteString(w, TSVHeader+"\n"); err != nil {
		return fmt.Errorf("write status tsv: %w", err)
	}
	return m.WriteTSVRecords(w, loc)
}

// WriteTSVRecords is WriteTSV without the header line, for a stream of several matrices (one
// per form) under one header.
func (m Matrix) WriteTSVRecords(w io.Writer, loc *time.Location) error {
	bw := bufio.NewWriter(w)
	for u, unit := range m.Units {
		for p, per := range m.Periods {
			bw.WriteString(tsvRecord(unit, per, m.Cells[u][p], loc) + "\n")
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write status tsv: %w", err)
	}
	return nil
}

func tsvRecord(unit Unit, p Period, c Cell, loc *time.Location) string {
	return strings.Join([]string{
		printable(unit.Code),
		printable(p.Form),
		printable(p.Period),
		string(c.State),
		strconv.Itoa(c.Version),
		strconv.Itoa(c.Versions),
		tsvTime(c.FirstValid, loc),
		tsvTime(c.Counted, loc),
		strconv.FormatInt(int64(c.Late/time.Second), 10),
		tsvReminders(c.Reminders, loc),
		tsvIssued(p, c),
		tsvAfterIssue(c),
	}, "\t")
}

func tsvTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return inZone(t, loc).Format(TSVTimeLayout)
}

func tsvReminders(reminders []Reminder, loc *time.Location) string {
	parts := make([]string, len(reminders))
	for i, r := range reminders {
		parts[i] = printable(r.Kind) + "#" + strconv.Itoa(r.N) + "@" + inZone(r.SentAt, loc).Format(TSVReminderLayout)
	}
	return strings.Join(parts, ";")
}

func tsvIssued(p Period, c Cell) string {
	if p.Issued == nil {
		return ""
	}
	return strconv.Itoa(c.Issued)
}

func tsvAfterIssue(c Cell) string {
	if c.AfterIssue == 0 {
		return ""
	}
	return "v" + strconv.Itoa(c.AfterIssue) + ":" + printable(string(c.AfterIssueDecision))
}
