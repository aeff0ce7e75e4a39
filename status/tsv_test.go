package status

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// tsvRow is one parsed WriteTSV record.
type tsvRow struct {
	unit, form, period string
	cell               Cell
}

// parseTSV reads WriteTSV output back: the check that it is machine-readable.
func parseTSV(t *testing.T, data []byte) []tsvRow {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || sc.Text() != TSVHeader {
		t.Fatalf("first line: got %q, want %q", sc.Text(), TSVHeader)
	}
	var rows []tsvRow
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 12 {
			t.Fatalf("line %q: got %d fields, want 12", sc.Text(), len(f))
		}
		c := Cell{State: State(f[3]), Version: atoi(t, f[4]), Versions: atoi(t, f[5]),
			FirstValid: parseTime(t, TSVTimeLayout, f[6]), Counted: parseTime(t, TSVTimeLayout, f[7]),
			Late: time.Duration(atoi(t, f[8])) * time.Second}
		for _, r := range strings.Split(f[9], ";") {
			if r == "" {
				continue
			}
			kind, rest, ok1 := strings.Cut(r, "#")
			n, sent, ok2 := strings.Cut(rest, "@")
			if !ok1 || !ok2 {
				t.Fatalf("reminder %q: got no kind#N@time, want one", r)
			}
			c.Reminders = append(c.Reminders, Reminder{Form: f[1], Unit: f[0], Period: f[2], Kind: kind,
				N: atoi(t, n), SentAt: parseTime(t, TSVReminderLayout, sent)})
		}
		if f[10] != "" {
			c.Issued = atoi(t, f[10])
		}
		if v, d, ok := strings.Cut(f[11], ":"); ok {
			c.AfterIssue, c.AfterIssueDecision = atoi(t, strings.TrimPrefix(v, "v")), Decision(d)
		}
		rows = append(rows, tsvRow{unit: f[0], form: f[1], period: f[2], cell: c})
	}
	return rows
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("number %q: %v", s, err)
	}
	return n
}

func parseTime(t *testing.T, layout, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	v, err := time.Parse(layout, s)
	if err != nil {
		t.Fatalf("time %q: %v", s, err)
	}
	return v
}

func TestMatrix_WriteTSV(t *testing.T) {
	m := sampleMatrix()
	var buf bytes.Buffer
	if err := m.WriteTSV(&buf, ict); err != nil {
		t.Fatalf("WriteTSV: got error %v, want nil", err)
	}
	t.Log("\n" + buf.String())
	rows := parseTSV(t, buf.Bytes())
	if want := len(m.Units) * len(m.Periods); len(rows) != want {
		t.Fatalf("records: got %d, want %d", len(rows), want)
	}
	i := 0
	for u, unit := range m.Units {
		for p, per := range m.Periods {
			got, want := rows[i], m.Cells[u][p]
			i++
			if got.unit != unit.Code || got.form != per.Form || got.period != per.Period {
				t.Errorf("record %d: got %s/%s/%s, want %s/%s/%s", i, got.unit, got.form, got.period, unit.Code, per.Form, per.Period)
			}
			// The sample's reminders are sent on whole minutes and copy no one (TSV omits Cc),
			// so the cell must come back whole.
			if !equalCell(got.cell, want) {
				t.Errorf("record %s %s: got %+v, want %+v", unit.Code, per.Period, got.cell, want)
			}
		}
	}
	if !strings.Contains(buf.String(), "TTDV\tBM.04.01/KH\t2026-W46\tmissing\t0\t0\t\t\t") ||
		!strings.Contains(buf.String(), "nag#1@2026-11-13T09:00+07:00") {
		t.Errorf("got no TTDV missing record with its nag in:\n%s", buf.String())
	}
}

func TestMatrix_WriteTSV_Sanitises(t *testing.T) {
	nfd := norm.NFD.String("PHƯỜNG\t1\n")
	m := Build([]Unit{{Code: nfd}}, []Period{{Form: "F", Period: "2026-11", Deadline: deadline}}, nil, nil, deadline)
	var buf bytes.Buffer
	if err := m.WriteTSV(&buf, nil); err != nil {
		t.Fatalf("WriteTSV: got error %v, want nil", err)
	}
	rows := parseTSV(t, buf.Bytes())
	if len(rows) != 1 || rows[0].unit != "PHƯỜNG 1 " {
		t.Errorf("records: got %+v, want one for %q", rows, "PHƯỜNG 1 ")
	}
	var text bytes.Buffer
	if err := m.WriteText(&text, nil); err != nil {
		t.Fatalf("WriteText: got error %v, want nil", err)
	}
	checkAligned(t, strings.Split(text.String(), "\n"))
}
