package consolidate

import (
	"reflect"
	"testing"

	"github.com/tonghop/tonghop/form"
	"golang.org/x/text/unicode/norm"
)

func workProgram(t testing.TB) form.Form {
	t.Helper()
	f, ok := form.Builtins()["BM.04.01/KH"]
	if !ok {
		t.Fatal("no built-in BM.04.01/KH")
	}
	return f
}

func tasks(rows ...form.Row) map[string][]form.Row { return map[string][]form.Row{"tasks": rows} }

func task(line int, content string) form.Row {
	return form.Row{Line: line, Values: map[string]string{"content": content}}
}

func result(line int, content, status string) form.Row {
	return form.Row{Line: line, Values: map[string]string{"content": content, "status": status}}
}

func listSource(tables map[string][]form.Row) Source {
	return Source{Filled: form.Filled{Tables: tables}}
}

func TestBuild_Lists(t *testing.T) {
	current := map[string]Source{
		"B": listSource(tasks(task(7, "Xây dựng kế hoạch"), task(5, "Việc B5"))),
		"A": listSource(map[string][]form.Row{
			"tasks": {
				task(3, "xây dựng   KẾ HOẠCH "), // open task in A's previous tasks
				task(2, "Rà soát hồ sơ"),        // done last week
				task(2, "Thẩm định dự án"),      // still in progress last week
				task(4, "Báo cáo quý"),          // previous text was decomposed (NFD)
				task(6, "Việc mới"),
			},
			"results": {
				result(10, "Thẩm định dự án", "Hoàn thành"), // open in the previous results
				result(11, "Rà soát hồ sơ", "Hoàn thành"),   // already done then
			},
		}),
	}
	previous := map[string]Source{
		"A": listSource(map[string][]form.Row{
			"tasks": {task(1, "Xây dựng kế hoạch"), task(2, norm.NFD.String("Báo cáo quý"))},
			"results": {
				result(1, "Rà soát hồ sơ", "Hoàn thành"),
				result(2, "Thẩm định dự án", "Đang thực hiện"),
			},
		}),
		// C is not counted this week; its previous rows must not matter.
		"C": listSource(tasks(task(1, "Việc B5"))),
	}
	book := mustBuild(t, Input{Form: workProgram(t), Period: mustPeriod(t, "2026-W47"), Units: abc,
		Current: current, Previous: previous})
	if len(book.Lists) != 2 || book.Lists[0].Key != "tasks" || book.Lists[1].Key != "results" {
		t.Fatalf("got lists %+v, want tasks then results", book.Lists)
	}
	type mark struct {
		Unit    string
		Line    int
		Content string
		Carried bool
	}
	marks := func(lt ListTable) []mark {
		var out []mark
		for _, r := range lt.Rows {
			out = append(out, mark{r.Unit, r.Line, lt.Value(r, "content"), r.CarriedOver})
		}
		return out
	}
	wantTasks := []mark{
		{"A", 2, "Rà soát hồ sơ", false},
		{"A", 2, "Thẩm định dự án", true},
		{"A", 3, "xây dựng   KẾ HOẠCH ", true},
		{"A", 4, "Báo cáo quý", true},
		{"A", 6, "Việc mới", false},
		{"B", 5, "Việc B5", false},
		{"B", 7, "Xây dựng kế hoạch", false}, // B has no previous submission
	}
	if got := marks(book.Lists[0]); !reflect.DeepEqual(got, wantTasks) {
		t.Errorf("tasks:\ngot  %+v\nwant %+v", got, wantTasks)
	}
	wantResults := []mark{{"A", 10, "Thẩm định dự án", true}, {"A", 11, "Rà soát hồ sơ", false}}
	if got := marks(book.Lists[1]); !reflect.DeepEqual(got, wantResults) {
		t.Errorf("results:\ngot  %+v\nwant %+v", got, wantResults)
	}
	if got := book.Lists[0].Columns; len(got) != 6 || got[0].Key != "content" {
		t.Errorf("tasks columns: got %+v, want the form's six columns", got)
	}
}

func TestBuild_Narrative(t *testing.T) {
	f := form.Builtins()["BM.02.01/KH"]
	narrative := func(kv ...string) Source {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return Source{Filled: form.Filled{Narrative: m}}
	}
	in := Input{Form: f, Period: mustPeriod(t, "2026-11"), Units: abc, Current: map[string]Source{
		"B": narrative("results", "Kết quả B\n  dòng 2  ", "direction", "Hướng B"),
		"A": narrative("results", "Kết quả A", "highlights", " \n\t", "unknown", "bỏ qua"),
	}}
	book := mustBuild(t, in)
	if len(book.Narrative) != len(f.Narrative) {
		t.Fatalf("got %d sections, want %d", len(book.Narrative), len(f.Narrative))
	}
	got := map[string][]NarrativeEntry{}
	for i, s := range book.Narrative {
		if s.Key != f.Narrative[i].Key || s.Title != f.Narrative[i].Title {
			t.Errorf("section %d: got %q %q, want %q %q", i, s.Key, s.Title, f.Narrative[i].Key, f.Narrative[i].Title)
		}
		got[s.Key] = s.Entries
	}
	want := map[string][]NarrativeEntry{
		"results":   {{"A", "Phòng A", "Kết quả A"}, {"B", "Phòng B", "Kết quả B\n  dòng 2  "}},
		"direction": {{"B", "Phòng B", "Hướng B"}},
	}
	for _, s := range f.Narrative {
		if !reflect.DeepEqual(got[s.Key], want[s.Key]) {
			t.Errorf("%s: got %+v, want %+v", s.Key, got[s.Key], want[s.Key])
		}
	}
}

func TestBuild_Units(t *testing.T) {
	units := []Unit{{Code: "A", Name: "Phòng A"}, {Code: "B", Name: "Phòng B"}, {Code: "C", Name: "Phòng C"}, {Code: "A", Name: "Phòng A lặp"}}
	in := Input{Form: indicatorForm("month", form.Indicator{Code: "1"}), Period: mustPeriod(t, "2026-01"), Units: units,
		Current: map[string]Source{"B": periodOnly("1", "2"), "X": periodOnly("1", "100"), "W": periodOnly("1", "100")}}
	in.Current["B"] = Source{Version: 3, FileName: "b.xlsx", Filled: in.Current["B"].Filled}
	book := mustBuild(t, in)
	if want := []Unit{{Code: "A", Name: "Phòng A"}, {Code: "C", Name: "Phòng C"}}; !reflect.DeepEqual(book.Missing, want) {
		t.Errorf("Missing: got %+v, want %+v", book.Missing, want)
	}
	checkValue(t, "Period", row(t, book, "1").Period, val(2))
	wantWarnings := []Warning{
		{"A", WarnDuplicateUnit, "Mã đơn vị A được khai báo nhiều lần trong danh sách đơn vị; chỉ tính một lần."},
		{"W", WarnUnexpectedUnit, "Đơn vị W không có trong danh sách đơn vị phải báo cáo; báo cáo của đơn vị này không được tổng hợp."},
		{"X", WarnUnexpectedUnit, "Đơn vị X không có trong danh sách đơn vị phải báo cáo; báo cáo của đơn vị này không được tổng hợp."},
	}
	if !reflect.DeepEqual(book.Warnings, wantWarnings) {
		t.Errorf("Warnings:\ngot  %+v\nwant %+v", book.Warnings, wantWarnings)
	}
	if len(book.Provenance) != 1 || book.Provenance[0].Unit != "B" || book.Provenance[0].Version != 3 || book.Provenance[0].FileName != "b.xlsx" {
		t.Errorf("Provenance: got %+v, want B's source named B", book.Provenance)
	}
}

func TestBuild_Errors(t *testing.T) {
	tests := []struct {
		name string
		in   Input
	}{
		{"InvalidPeriod", Input{Form: indicatorForm("month"), Period: periodOf("month", 2026, 13)}},
		{"KindMismatch", Input{Form: indicatorForm("month"), Period: periodOf("week", 2026, 3)}},
		{"BadFormKind", Input{Form: indicatorForm("fortnight"), Period: periodOf("month", 2026, 3)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Build(tt.in); err == nil {
				t.Errorf("got no error, want one")
			}
		})
	}
}

func TestBuild_Deterministic(t *testing.T) {
	in := benchInput(t, 30, 5)
	first := mustBuild(t, in)
	for i := range 5 {
		if again := mustBuild(t, in); !reflect.DeepEqual(first, again) {
			t.Fatalf("build %d differs from the first", i+2)
		}
	}
}
