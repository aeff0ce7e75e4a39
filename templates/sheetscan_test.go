package templates

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelizeGrid reads a sheet the way load did before the single pass: excelize's row iterator,
// then the types and styles by a second scan of the part (full sheets only).
func excelizeGrid(x *excelize.File, idx *partIndex, sheet string, limit, budget int) (*grid, int, error) {
	b := newBook(x, budget)
	b.parts = idx
	g, err := b.loadExcelize(&grid{sheet: sheet}, limit)
	if err == nil && limit == 0 {
		_ = idx.scanAttrs(sheet, g.setAttr)
		g.attrsRead = true
	}
	return g, b.budget, err
}

// compareScan reads every sheet of data with scanSheet and with excelize, in full and the head,
// and fails on any difference of values, types, styles, cells spent or error. It returns how many
// readings the single pass made and how many it left to excelize.
func compareScan(t *testing.T, name string, data []byte) (fast, bailed int) {
	t.Helper()
	lim := Limits{}.withDefaults()
	x, zr, _, _ := openBook(data, lim)
	if x == nil {
		return 0, 0
	}
	defer x.Close()
	// The pass reads what Read opens: the parts streamed from the zip when it opens lean.
	rx, _, lean, _, _ := openRead(data, lim)
	if rx == nil {
		t.Fatalf("%s: opened in full but not for reading", name)
	}
	defer rx.Close()
	defer lean.close()
	if lean != nil {
		leanOpened++
	}
	idx := newPartIndex(zr)
	// The shared strings are read once for the workbook, as Read reads them once for all its
	// sheets; each reading then starts from a book of its own, with the whole cell budget.
	sb := newBook(rx, lim.MaxCells)
	sb.parts, sb.lean = idx, lean
	sb.sharedStrings()
	for _, sheet := range x.GetSheetList() {
		for _, limit := range []int{0, headRows} {
			b := newBook(rx, lim.MaxCells)
			b.parts, b.lean = idx, lean
			b.shared, b.sharedRead = sb.shared, sb.sharedRead
			got, err := b.scanSheet(sheet, limit)
			if errors.Is(err, errBail) {
				bailed++
				continue
			}
			fast++
			want, wantBudget, wantErr := excelizeGrid(x, idx, sheet, limit, lim.MaxCells)
			if (err == nil) != (wantErr == nil) {
				t.Errorf("%s %q limit %d: error %v, excelize %v", name, sheet, limit, err, wantErr)
				continue
			}
			if err != nil {
				continue
			}
			if limit > 0 { // the head never had types and styles
				for i := range got.rows {
					got.rows[i].attrs = nil
				}
				got.attrsRead = false
			}
			if !reflect.DeepEqual(got.rows, want.rows) {
				t.Errorf("%s %q limit %d:\n got %+v\nwant %+v", name, sheet, limit, head(got.rows), head(want.rows))
			}
			if b.budget != wantBudget {
				t.Errorf("%s %q limit %d: budget %d left, excelize %d", name, sheet, limit, b.budget, wantBudget)
			}
		}
	}
	return fast, bailed
}

// mediumRows is the size of the work program the comparison tests read: a fifth of the
// benchmarks', and enough for what a large submission proves there (see checkStreamed).
const mediumRows = 1000

var mediumOnce struct {
	sync.Once
	data []byte
}

// mediumWorkbook is BM.04.01/KH filled with mediumRows tasks and as many results: a large
// submission to the comparison tests, made once and checked to be streamed and kept as a large
// one is.
func mediumWorkbook(t *testing.T) []byte {
	mediumOnce.Do(func() {
		data := workProgram(t, mediumRows)
		checkStreamed(t, data, mediumRows)
		mediumOnce.data = data
	})
	if mediumOnce.data == nil {
		t.Fatal("no medium work program: its making failed in the test that first asked for it")
	}
	return mediumOnce.data
}

// checkStreamed fails unless data opens lean with its shared strings and each sheet of at
// least rows rows (its tables) streamed from the zip through more than two windows, and unless
// its largest sheet keeps more than maxSlab cells: more than one slab holds, and more than the
// slabs smaller than maxSlab hold together (64+128+…+2048 = 4032), so its rows are cut from
// several slabs, at least one of them maxSlab long.
func checkStreamed(t testing.TB, data []byte, rows int) {
	lim := Limits{}.withDefaults()
	x, zr, lean, _, err := openRead(data, lim)
	if x == nil || lean == nil {
		t.Fatalf("the medium work program is not opened lean: %v", err)
	}
	defer x.Close()
	defer lean.close()
	idx := newPartIndex(zr)
	long := func(name string) bool {
		f := lean.files[name]
		return f != nil && f.UncompressedSize64 > 2*windowSize
	}
	if !long(sharedStringsPart) {
		t.Fatalf("the medium work program's shared strings are not streamed through more than two windows")
	}
	bk := newBook(x, lim.MaxCells)
	bk.parts, bk.lean = idx, lean
	var tables, most int
	for _, sheet := range bk.sheets {
		g, err := bk.scanSheet(sheet, 0)
		if err != nil {
			t.Fatalf("the medium work program's sheet %q: %v", sheet, err)
		}
		if len(g.rows) < rows {
			continue
		}
		tables++
		if !long(idx.sheets[sheet]) {
			t.Fatalf("the medium work program's sheet %q is not streamed through more than two windows", sheet)
		}
		cells := 0
		for _, r := range g.rows {
			cells += len(r.cells)
		}
		most = max(most, cells)
	}
	if tables != 2 || most <= maxSlab {
		t.Fatalf("the medium work program has %d sheets of %d rows or more, want 2; its largest keeps %d cells, want more than %d", tables, rows, most, maxSlab)
	}
}

// leanOpened counts the workbooks compareScan saw opened lean.
var leanOpened int

func head(rows []gridRow) []gridRow { return rows[:min(len(rows), 5)] }

// TestScanSheetMatchesExcelize reads every workbook of the tests' corpus (and of the directory
// TONGHOP_XLSX_CORPUS names, if any), every built-in form, generated empty and filled, and the
// medium work program, with the single pass and with excelize, and compares them.
func TestScanSheetMatchesExcelize(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*"))
	if dir := os.Getenv("TONGHOP_XLSX_CORPUS"); dir != "" { // a larger corpus kept outside the repository
		more, _ := filepath.Glob(filepath.Join(dir, "*"))
		files = append(files, more...)
	}
	var fast, bailed int
	leanOpened = 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, b := compareScan(t, filepath.Base(path), data)
		fast, bailed = fast+f, bailed+b
	}
	for _, code := range builtinCodes() {
		f := builtin(t, code)
		tpl := generate(t, f)
		n, _ := compareScan(t, code+" template", tpl)
		m, _ := compareScan(t, code+" filled", fill(t, tpl, f, sampleData(f)))
		if n == 0 || m == 0 {
			t.Errorf("%s: the single pass read no sheet of the generated workbook", code)
		}
		fast += n + m
	}
	medium, _ := compareScan(t, "medium", mediumWorkbook(t))
	if medium == 0 {
		t.Error("the single pass left the medium work program to excelize")
	}
	t.Logf("%d sheet readings compared, %d left to excelize; %d workbooks opened lean", fast+medium, bailed, leanOpened)
}

// FuzzScanSheet feeds arbitrary worksheet and shared strings parts to the single pass and, when
// it reads them, checks it reads them as excelize does.
func FuzzScanSheet(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>1.5</v></c></row><row r="4"><c t="inlineStr"><is><t>a&amp;b</t></is></c><c><f>A1</f><v></v></c></row></sheetData></worksheet>`),
		[]byte(`<sst><si><t>x</t></si><si><r><t>y</t></r><r><rPr/><t xml:space="preserve"> z</t></r><rPh><t>p</t></rPh></si></sst>`))
	f.Add([]byte(`<?xml version="1.0"?><x:worksheet xmlns:x="u"><x:dimension ref="A1"/><x:sheetData><x:row r="2" spans="1:2"><x:c r="B2" t="b"><x:v>1</x:v></x:c></x:row></x:sheetData><x:row r="9"/></x:worksheet>`),
		[]byte(`<sst/>`))
	base := fuzzBase(f)
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		x, err := excelize.OpenReader(bytes.NewReader(base))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		x.Pkg.Store("xl/worksheets/sheet1.xml", sheet)
		x.Pkg.Store(sharedStringsPart, sst)
		x.SharedStrings = nil
		idx := &partIndex{sheets: map[string]string{"Sheet1": "xl/worksheets/sheet1.xml"}}
		b := newBook(x, 5000)
		b.parts = idx
		got, err := b.scanSheet("Sheet1", 0)
		// Streamed from a zip through a small window (a lean opening), the pass reads the same.
		sb := newBook(x, 5000)
		sb.parts, sb.lean = idx, zipStreamed(t, sheet, sst, 1+len(sheet)%97)
		sgot, serr := sb.scanSheet("Sheet1", 0)
		if fmt.Sprint(serr) != fmt.Sprint(err) || sb.budget != b.budget || err == nil && !reflect.DeepEqual(sgot.rows, got.rows) {
			t.Fatalf("streamed: %v, budget %d, %+v\nwhole: %v, budget %d, %+v", serr, sb.budget, sgot, err, b.budget, got)
		}
		if errors.Is(err, errBail) {
			return
		}
		want := &grid{sheet: "Sheet1"}
		wb := newBook(x, 5000)
		want, wantErr := wb.loadExcelize(want, 0)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("error %v, excelize %v", err, wantErr)
		}
		if err != nil {
			return
		}
		_ = scanAttrsFrom(bytes.NewReader(sheet), want.setAttr)
		if !reflect.DeepEqual(got.rows, want.rows) {
			t.Fatalf("\n got %+v\nwant %+v", got.rows, want.rows)
		}
		if b.budget != wb.budget {
			t.Fatalf("budget %d left, excelize %d", b.budget, wb.budget)
		}
	})
}

// zipStreamed is what a lean opening streams: a sheet and the shared strings, from a zip, through
// a window of window bytes.
func zipStreamed(t *testing.T, sheet, sst []byte, window int) *streamed {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range map[string][]byte{"xl/worksheets/sheet1.xml": sheet, sharedStringsPart: sst} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	l := &streamed{files: map[string]*zip.File{}, window: window}
	for _, f := range zr.File {
		l.files[f.Name] = f
	}
	return l
}

// fuzzBase is a workbook of one sheet whose parts the fuzz replaces.
func fuzzBase(t testing.TB) []byte {
	x := excelize.NewFile()
	defer x.Close()
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzCheckPart checks the structural check's tokenizer against encoding/xml's on arbitrary
// parts, as a worksheet and as the shared strings: where it does not leave the part to
// encoding/xml, it must count the same elements and the same text, and cut the same.
func FuzzCheckPart(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData><row r="1"><c t="s"><v>0</v></c><c t="inlineStr"><is><t>ab&#xA;c</t></is></c></row><row><c><v>1</v></c></row></sheetData></worksheet>`), false)
	f.Add([]byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si><si><r><t>y</t></r><rPh><t>p</t></rPh></si></sst>`), true)
	f.Fuzz(func(t *testing.T, part []byte, shared bool) {
		name := "xl/worksheets/sheet1.xml"
		if shared {
			name = sharedStringsPart
		}
		var zbuf bytes.Buffer
		zw := zip.NewWriter(&zbuf)
		w, _ := zw.Create(name)
		w.Write(part)
		zw.Close()
		zr, err := zip.NewReader(bytes.NewReader(zbuf.Bytes()), int64(zbuf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		file := zr.File[0]
		fast := newTextBudget(1000, 10)
		fast.shared = []int32{3, 12}
		n, err := checkPartFast(file, 50, !shared, fast.part(file))
		if errors.Is(err, errBail) {
			return
		}
		slow := newTextBudget(1000, 10)
		slow.shared = []int32{3, 12}
		wantN, wantErr := checkPart(file, 50, !shared, slow.part(file))
		if (err == nil) != (wantErr == nil) || err == nil && n != wantN {
			t.Fatalf("count %d, error %v; encoding/xml: %d, %v", n, err, wantN, wantErr)
		}
		if fast.total != slow.total || !reflect.DeepEqual(fast.shared, slow.shared) || !reflect.DeepEqual(cutsOf(fast), cutsOf(slow)) {
			t.Fatalf("text %d %v %v; encoding/xml: %d %v %v", fast.total, fast.shared, cutsOf(fast), slow.total, slow.shared, cutsOf(slow))
		}
	})
}

func cutsOf(b *textBudget) map[string][]textCut {
	out := map[string][]textCut{}
	for name, pc := range b.cuts {
		out[name] = pc.cuts
	}
	return out
}

// TestReadLeanMatchesFull reads every workbook of the corpora (the tests', TONGHOP_XLSX_CORPUS's,
// the built-in forms generated empty and filled, the medium work program) as Read does, opened
// lean, and opened in full as before: the reports and errors must be the same. It is not
// parallel: it switches readLean, which every Read consults.
func TestReadLeanMatchesFull(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*"))
	if dir := os.Getenv("TONGHOP_XLSX_CORPUS"); dir != "" {
		more, _ := filepath.Glob(filepath.Join(dir, "*"))
		files = append(files, more...)
	}
	books := map[string][]byte{"medium": mediumWorkbook(t)}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		books[filepath.Base(path)] = data
	}
	for _, code := range builtinCodes() {
		f := builtin(t, code)
		tpl := generate(t, f)
		books[code+" template"], books[code+" filled"] = tpl, fill(t, tpl, f, sampleData(f))
	}
	forms := allForms()
	for name, data := range books {
		got, gotErr := Read(data, forms, testSecret, Limits{})
		readLean = false
		want, wantErr := Read(data, forms, testSecret, Limits{})
		readLean = true
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: lean %v %+v\nfull %v %+v", name, gotErr, got.Errors, wantErr, want.Errors)
		}
	}
}
