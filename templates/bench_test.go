package templates

import (
	"context"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/tonghop/tonghop/form"
)

// benchRows is the size of the large submission benchmarked: a work program of 5,000 tasks.
const benchRows = 5000

var bigOnce struct {
	sync.Once
	data []byte
}

// bigWorkbook is BM.04.01/KH filled with benchRows tasks and as many results, every cell typed.
func bigWorkbook(b testing.TB) []byte {
	bigOnce.Do(func() {
		f := builtin(b, "BM.04.01/KH")
		d := sampleData(f)
		for _, t := range f.Tables {
			rows := make([]form.Row, benchRows)
			for i := range rows {
				vals := map[string]string{}
				for _, c := range t.Columns {
					vals[c.Key] = validValue(c, i)
				}
				rows[i] = form.Row{Values: vals}
			}
			d.Tables[t.Key] = rows
		}
		data, err := Fill(generate(b, f), f, d) // not through fill: made once, kept here
		if err != nil {
			b.Fatalf("Fill(%s): %v", f.Code, err)
		}
		bigOnce.data = data
	})
	return bigOnce.data
}

// BenchmarkRead reads and validates a 10,000-row workbook (two tables of 5,000 rows); it reports
// rows per second and bytes allocated per row.
func BenchmarkRead(b *testing.B) {
	data := bigWorkbook(b)
	forms := allForms()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var rows int
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		rep, err := Read(data, forms, testSecret, Limits{})
		if err != nil || !rep.Valid() {
			b.Fatalf("Read: %v, %d errors: %+v", err, len(rep.Errors), first(rep.Errors))
		}
		rows = rep.Filled.RowCount()
	}
	runtime.ReadMemStats(&after)
	if rows != 2*benchRows {
		b.Fatalf("read %d rows, want %d", rows, 2*benchRows)
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(rows*b.N), "B/row")
}

// BenchmarkReadFile is BenchmarkRead on the workbook TONGHOP_BENCH_XLSX names (bench/checkpeers.sh
// gives it the work program re-saved by LibreOffice), its tag made with TONGHOP_TEMPLATE_KEY.
func BenchmarkReadFile(b *testing.B) {
	path := os.Getenv("TONGHOP_BENCH_XLSX")
	if path == "" {
		b.Skip("TONGHOP_BENCH_XLSX names no workbook")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	keys := Keys{Current: []byte(os.Getenv("TONGHOP_TEMPLATE_KEY"))}
	forms := allForms()
	b.ReportAllocs()
	var rows int
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		rep, err := ReadKeys(context.Background(), data, forms, keys, Limits{})
		if err != nil {
			b.Fatalf("Read: %v, %d errors: %+v", err, len(rep.Errors), first(rep.Errors))
		}
		rows = rep.Filled.RowCount()
	}
	runtime.ReadMemStats(&after)
	if rows == 0 {
		b.Fatal("no row read")
	}
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(rows*b.N), "B/row")
}

func first(ps []form.Problem) []form.Problem { return ps[:min(len(ps), 3)] }

// BenchmarkScanSheet reads the large work program's sheets with the single pass alone, on a
// workbook already opened lean (its sheets and shared strings streamed from the zip), shared
// strings included: what reading allocates per row, which is the values kept (the grid's
// strings, types and styles) and the shared strings' arena.
func BenchmarkScanSheet(b *testing.B) {
	data := bigWorkbook(b)
	lim := Limits{}.withDefaults()
	x, zr, lean, _, err := openRead(data, lim)
	if x == nil || lean == nil {
		b.Fatalf("not opened lean: %v", err)
	}
	defer x.Close()
	defer lean.close()
	idx := newPartIndex(zr)
	b.ReportAllocs()
	var rows int
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		bk := newBook(x, lim.MaxCells)
		bk.parts, bk.lean = idx, lean
		rows = 0
		for _, sheet := range bk.sheets {
			g, err := bk.scanSheet(sheet, 0)
			if err != nil {
				b.Fatalf("sheet %q: %v", sheet, err)
			}
			rows += len(g.rows)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(rows*b.N), "B/row")
}
