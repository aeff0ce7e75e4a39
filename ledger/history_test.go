package ledger

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fig is a test figure of unit QLDN, table "kcn", column "period".
func fig(period, code, value string) ImportedFigure {
	return ImportedFigure{Form: testForm, Unit: "QLDN", Period: period, Table: "kcn", Code: code, Column: "period", Value: value}
}

func testImport(t *testing.T, l *Ledger, kind ImportKind, name string, at time.Time) Import {
	t.Helper()
	return Import{At: at, Kind: kind, FileName: name, FileSHA256: mustPut(t, l, name), By: "tonghop import (test)"}
}

// inForce reads the figures in force as "period/code=value@file".
func inForce(t *testing.T, l *Ledger, asOf time.Time) []string {
	t.Helper()
	figs, err := l.ImportedFigures(context.Background(), testForm, []string{"2026-01", "2026-02", "2026-03"}, asOf)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range figs {
		out = append(out, f.Period+"/"+f.Code+"="+f.Value+"@"+f.Import.FileName)
	}
	return out
}

func TestRecordImport_LatestImportWins(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "ledger")
	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	first := testImport(t, l, ImportOpening, "so-lieu-dau-ky.xlsx", t0)
	res, err := l.RecordImport(ctx, first, []ImportedFigure{fig("2026-01", "1", "5"), fig("2026-02", "1", "6")})
	if err != nil || res.Figures != 2 || res.Replaced != 0 || res.Import.ID == 0 {
		t.Fatalf("first import = %+v, %v; want 2 figures, none replaced", res, err)
	}
	second := testImport(t, l, ImportPastWorkbook, "QLDN_2026-02.xlsx", t0.Add(time.Hour))
	res, err = l.RecordImport(ctx, second, []ImportedFigure{fig("2026-02", "1", "7"), fig("2026-03", "1", "8"),
		{Form: "KT-XH", Unit: "QLDN", Period: "2026-02", Table: "ktxh", Code: "1", Column: "period", Value: "9"}})
	if err != nil || res.Figures != 3 || res.Replaced != 1 || res.Changed != 1 {
		t.Fatalf("second import = %+v, %v; want 3 figures, 1 replaced with a new value", res, err)
	}
	// Closed and opened again: what is in force was written to the file.
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if l, err = Open(ctx, dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	want := []string{"2026-01/1=5@so-lieu-dau-ky.xlsx", "2026-02/1=7@QLDN_2026-02.xlsx", "2026-03/1=8@QLDN_2026-02.xlsx"}
	if got := inForce(t, l, time.Time{}); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("in force: got %v, want %v", got, want)
	}
	t.Run("AsOf", func(t *testing.T) {
		want := []string{"2026-01/1=5@so-lieu-dau-ky.xlsx", "2026-02/1=6@so-lieu-dau-ky.xlsx"}
		if got := inForce(t, l, t0.Add(30*time.Minute)); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("as of before the second import: got %v, want %v", got, want)
		}
	})
	t.Run("SameAgain", func(t *testing.T) {
		again := testImport(t, l, ImportPastWorkbook, "QLDN_2026-02.xlsx", t0.Add(2*time.Hour))
		res, err := l.RecordImport(ctx, again, []ImportedFigure{fig("2026-02", "1", "7"), fig("2026-03", "1", "8")})
		if err != nil || res.Replaced != 2 || res.Changed != 0 {
			t.Fatalf("same file again = %+v, %v; want 2 replaced, none changed", res, err)
		}
	})
	t.Run("Audited", func(t *testing.T) {
		evs, err := l.Events(ctx, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		var details []string
		for _, e := range evs {
			if e.Action == ActionHistoryImported {
				details = append(details, e.Object+" "+e.Detail)
			}
		}
		// The second import touched two forms: one event each.
		if len(details) != 4 || !strings.Contains(details[1], "form:"+testForm+"/history") ||
			!strings.Contains(details[1], "figures=2 replaced=1 changed=1") || !strings.Contains(details[2], "form:KT-XH/history") {
			t.Errorf("events: got %q, want one per form and import, with what was replaced", details)
		}
	})
	imps, err := l.Imports(ctx)
	if err != nil || len(imps) != 3 || imps[0].Kind != ImportOpening || !imps[1].At.Equal(t0.Add(time.Hour)) {
		t.Errorf("Imports = %+v, %v; want the three imports in order", imps, err)
	}
}

func TestRecordImport_Refuses(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	good := testImport(t, l, ImportOpening, "a.xlsx", t0)
	figures := []ImportedFigure{fig("2026-01", "1", "5")}
	tests := []struct {
		name    string
		imp     func(Import) Import
		figures []ImportedFigure
	}{
		{"MissingBlob", func(i Import) Import { i.FileSHA256 = sha256Hex("never stored"); return i }, figures},
		{"UnknownKind", func(i Import) Import { i.Kind = "guess"; return i }, figures},
		{"NoTime", func(i Import) Import { i.At = time.Time{}; return i }, figures},
		{"NoFigures", func(i Import) Import { return i }, nil},
		{"BlankValue", func(i Import) Import { return i }, []ImportedFigure{fig("2026-01", "1", " ")}},
		{"NoUnit", func(i Import) Import { return i }, []ImportedFigure{{Form: testForm, Period: "2026-01", Table: "kcn", Code: "1", Column: "period", Value: "1"}}},
		{"Twice", func(i Import) Import { return i }, []ImportedFigure{fig("2026-01", "1", "5"), fig("2026-01", "1", "6")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := l.RecordImport(ctx, tt.imp(good), tt.figures); err == nil {
				t.Errorf("RecordImport accepted it")
			}
		})
	}
	if imps, err := l.Imports(ctx); err != nil || len(imps) != 0 {
		t.Errorf("after refusals: %d imports, %v; want none", len(imps), err)
	}
}

func TestRecordImport_AppendOnly(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if _, err := l.RecordImport(ctx, testImport(t, l, ImportOpening, "a.xlsx", t0), []ImportedFigure{fig("2026-01", "1", "5")}); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, l.Dir())
	for _, stmt := range []string{
		`UPDATE history_figures SET value = '6'`, `DELETE FROM history_figures`,
		`UPDATE history_imports SET file_name = 'x'`, `DELETE FROM history_imports`,
	} {
		if _, err := db.ExecContext(ctx, stmt); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: got %v, want a refusal", stmt, err)
		}
	}
}
