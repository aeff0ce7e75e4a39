// Command bigbook consolidates a generated period of many units and writes the consolidated
// workbook, for measuring reportbook.Write on large offices (bench/consolidate.sh).
//
// Each unit sends a work program (BM.04.01/KH) of -rows list rows, half tasks and half
// results, half of them carried over from the previous week; with -form BM.02.01/KH or KT-XH
// it sends indicator figures and narrative instead.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"syscall"
	"time"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/reportbook"
	"github.com/tonghop/tonghop/status"
)

var office = time.FixedZone("ICT", 7*3600)

func main() {
	units := flag.Int("units", 1000, "units reporting")
	rows := flag.Int("rows", 200, "list rows per unit, shared evenly by the form's list tables")
	code := flag.String("form", "BM.04.01/KH", "built-in form")
	out := flag.String("o", "bigbook.xlsx", "output file")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	memProfile := flag.String("memprofile", "", "write an allocation profile to this file")
	ledgerDir := flag.String("ledger", "", "read the submissions from a SQLite ledger in this directory (filled first if empty)")
	fillOnly := flag.Bool("fill", false, "with -ledger: fill the ledger and stop")
	flag.Parse()
	if *cpuProfile != "" {
		pf, err := os.Create(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(pf); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		runtime.MemProfileRate = 64 << 10
		defer writeHeap(*memProfile)
	}
	f, ok := form.Builtins()[*code]
	if !ok {
		log.Fatalf("no built-in form %s", *code)
	}
	p, _ := period.Parse("2026-W47")
	if !f.Period.Has("week") {
		p, _ = period.Parse("2026-11")
	}
	if *ledgerDir != "" {
		if err := fromLedger(*ledgerDir, f, p, *units, *rows, *out, *fillOnly); err != nil {
			log.Fatal(err)
		}
		return
	}
	start := time.Now()
	in := lazyInput(input(f, p, *units, 0), *rows)
	book, err := consolidate.Build(in)
	if err != nil {
		log.Fatal(err)
	}
	st := matrix(in)
	built := time.Since(start)
	if err := write(*out, book, st, p); err != nil {
		log.Fatal(err)
	}
	info, err := os.Stat(*out)
	if err != nil {
		log.Fatal(err)
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Fprintf(os.Stderr, "%d units × %d rows: book built in %.2fs, workbook of %d bytes written in %.2fs; CPU %.2fs, peak RSS %d MB\n",
		*units, *rows, built.Seconds(), info.Size(), (time.Since(start) - built).Seconds(), cpuSeconds(ru), ru.Maxrss/1024)
}

func write(name string, book consolidate.Book, st status.Matrix, p period.Period) error {
	file, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(file)
	meta := reportbook.Meta{Office: "Ban Quản lý các khu công nghiệp tỉnh X", Desk: "Văn phòng",
		PeriodLabel: p.Label(), Draft: 1, BuiltAt: time.Now(), Location: office, LedgerState: "bench"}
	if err := reportbook.Write(w, book, st, meta); err != nil {
		file.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

// input generates the units' submissions for p and, for carried-over tasks, the week before.
func input(f form.Form, p period.Period, units, rows int) consolidate.Input {
	in := consolidate.Input{Form: f, Period: p, Current: map[string]consolidate.Source{},
		Previous: map[string]consolidate.Source{}}
	received := p.End(office).Add(-time.Hour)
	for u := range units {
		code := fmt.Sprintf("DV%04d", u+1)
		in.Units = append(in.Units, consolidate.Unit{Code: code, Name: "Phòng nghiệp vụ số " + strconv.Itoa(u+1)})
		cur, prev := filled(f, code, rows)
		in.Current[code] = consolidate.Source{Unit: code, Version: 1, ReceivedAt: received,
			FileName: form.Slug(f.Code) + "_" + code + ".xlsx", SHA256: fmt.Sprintf("%064x", u),
			MessageID: "<" + code + "@kcn.example.vn>", Filled: cur}
		in.Previous[code] = consolidate.Source{Filled: prev}
	}
	return in
}

// lazyInput gives in's sources (made without rows) a Load that makes each unit's
// submission when consolidate.Build comes to it, as report.ConsolidationInput reads each
// unit's from the ledger: the generated rows of a thousand units are not held at once.
func lazyInput(in consolidate.Input, rows int) consolidate.Input {
	for code, src := range in.Current {
		src.Load = func() (form.Filled, error) {
			cur, _ := filled(in.Form, code, rows)
			return cur, nil
		}
		in.Current[code] = src
	}
	for code, src := range in.Previous {
		src.Load = func() (form.Filled, error) {
			_, prev := filled(in.Form, code, rows)
			return prev, nil
		}
		in.Previous[code] = src
	}
	return in
}

// filled is one unit's submission and the previous week's.
func filled(f form.Form, unit string, rows int) (cur, prev form.Filled) {
	cur = form.Filled{Tables: map[string][]form.Row{}, Indicators: map[string]map[string]map[string]string{},
		Narrative: map[string]string{}}
	prev = form.Filled{Tables: map[string][]form.Row{}}
	perTable := rows
	if len(f.Tables) > 0 {
		perTable = (rows + len(f.Tables) - 1) / len(f.Tables)
	}
	for _, t := range f.Tables {
		for i := range perTable {
			values := map[string]string{}
			for _, c := range t.Columns {
				values[c.Key] = value(c, unit, i)
			}
			cur.Tables[t.Key] = append(cur.Tables[t.Key], form.Row{Line: 10 + i, Values: values})
			if i%2 == 0 {
				prev.Tables[t.Key] = append(prev.Tables[t.Key], form.Row{Line: 10 + i, Values: values})
			}
		}
	}
	for _, t := range f.Indicators {
		cells := map[string]map[string]string{}
		for i, ind := range t.Rows {
			v := strconv.Itoa(i + 1)
			cells[ind.Code] = map[string]string{"plan": v + "00", "period": v, "ytd": v}
		}
		cur.Indicators[t.Key] = cells
	}
	for _, s := range f.Narrative {
		cur.Narrative[s.Key] = s.Title + " của đơn vị " + unit + ": tổ chức thực hiện đúng kế hoạch.\n" +
			"Tiếp tục rà soát, đôn đốc các doanh nghiệp trong khu công nghiệp."
	}
	return cur, prev
}

// value is a plausible value of a column.
func value(c form.Column, unit string, i int) string {
	switch c.Type {
	case form.Date:
		return fmt.Sprintf("2026-11-%02d", 23+i%5)
	case form.Choice:
		return c.Choices[i%len(c.Choices)]
	case form.Integer, form.Decimal, form.Percent:
		return strconv.Itoa(i)
	}
	if c.Key == "content" {
		return fmt.Sprintf("Nhiệm vụ số %d của %s: rà soát, tổng hợp hồ sơ dự án đầu tư trong khu công nghiệp", i+1, unit)
	}
	return "Phòng Quy hoạch - Xây dựng; Văn phòng"
}

// cpuSeconds is the process's user and system time so far.
func cpuSeconds(ru syscall.Rusage) float64 {
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// matrix is the period's status: every unit on time.
func matrix(in consolidate.Input) status.Matrix {
	units := make([]status.Unit, 0, len(in.Units))
	subs := make([]status.Submission, 0, len(in.Units))
	for _, u := range in.Units {
		units = append(units, status.Unit{Code: u.Code, Name: u.Name})
		src := in.Current[u.Code]
		subs = append(subs, status.Submission{Form: in.Form.Code, Unit: u.Code, Period: in.Period.String(),
			Version: 1, Valid: true, ReceivedAt: src.ReceivedAt})
	}
	periods := []status.Period{{Form: in.Form.Code, Period: in.Period.String(), Deadline: in.Period.End(office)}}
	return status.Build(units, periods, subs, nil, in.Period.End(office).Add(time.Hour))
}

// writeHeap writes the allocation profile (all allocations since the start: -sample_index=alloc_space).
func writeHeap(name string) {
	pf, err := os.Create(name)
	if err != nil {
		log.Fatal(err)
	}
	defer pf.Close()
	if err := pprof.Lookup("allocs").WriteTo(pf, 0); err != nil {
		log.Fatal(err)
	}
}
