package templates

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/tonghop/tonghop/form"
)

// diffFilled lists how got differs from want in data (identification is checked separately).
func diffFilled(got, want form.Filled) []string {
	var out []string
	if !reflect.DeepEqual(got.Header, want.Header) {
		out = append(out, fmt.Sprintf("header: got %v, want %v", got.Header, want.Header))
	}
	for key, rows := range want.Tables {
		g := got.Tables[key]
		if len(g) != len(rows) {
			out = append(out, fmt.Sprintf("table %s: got %d rows, want %d", key, len(g), len(rows)))
			continue
		}
		for i := range rows {
			if !reflect.DeepEqual(g[i], rows[i]) {
				out = append(out, fmt.Sprintf("table %s row %d: got %+v, want %+v", key, i, g[i], rows[i]))
			}
		}
	}
	if !reflect.DeepEqual(got.Indicators, want.Indicators) {
		out = append(out, fmt.Sprintf("indicators: got %v, want %v", got.Indicators, want.Indicators))
	}
	if !reflect.DeepEqual(got.Narrative, want.Narrative) {
		out = append(out, fmt.Sprintf("narrative: got %q, want %q", got.Narrative, want.Narrative))
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	for _, code := range builtinCodes() {
		t.Run(code, func(t *testing.T) {
			t.Parallel()
			f := builtin(t, code)
			want := sampleData(f)
			rep := read(t, fill(t, generate(t, f), f, want))
			if len(rep.Errors) != 0 || len(rep.Warnings) != 0 {
				t.Fatalf("got errors %+v and warnings %+v, want none", rep.Errors, rep.Warnings)
			}
			for _, d := range diffFilled(rep.Filled, want) {
				t.Error(d)
			}
			id := rep.Filled.Ident
			wantID := form.Ident{Form: f.Code, FormVersion: f.Version, Unit: "PKH", Period: "2026-11", TagOK: true}
			if id != wantID {
				t.Errorf("ident: got %+v, want %+v", id, wantID)
			}
		})
	}
}

// TestRoundTrip_FillTwice checks that a second Fill appends after the rows already there, and
// that rows beyond the formatted ones keep the column formats (dates stay dates).
func TestRoundTrip_FillTwice(t *testing.T) {
	f := builtin(t, "BM.04.02/KH")
	f.Tables[0].FreeRows = 2
	first := sampleData(f)
	wb := fill(t, generate(t, f), f, first)
	wb = fill(t, wb, f, first)
	rep := read(t, wb)
	if len(rep.Errors) != 0 || len(rep.Warnings) != 0 {
		t.Fatalf("got errors %+v and warnings %+v, want none", rep.Errors, rep.Warnings)
	}
	rows := rep.Filled.Tables["assignments"]
	if len(rows) != 6 {
		t.Fatalf("got %d rows, want 6", len(rows))
	}
	for i, r := range rows {
		if r.Line != HeaderRow+1+i {
			t.Errorf("row %d: got line %d, want %d", i, r.Line, HeaderRow+1+i)
		}
		if want := first.Tables["assignments"][i%3].Values; !reflect.DeepEqual(r.Values, want) {
			t.Errorf("row %d: got %v, want %v", i, r.Values, want)
		}
	}
}

// TestGenerate_Prefill checks that prefilled rows are in the template and read back.
func TestGenerate_Prefill(t *testing.T) {
	f := builtin(t, "BM.04.01/KH")
	pre := form.Filled{Tables: map[string][]form.Row{"results": {
		{Values: map[string]string{"content": "Tổng hợp báo cáo tháng 10"}},
	}}}
	var buf bytes.Buffer
	if err := Generate(&buf, f, testMeta(), &pre); err != nil {
		t.Fatal(err)
	}
	rep := read(t, buf.Bytes())
	rows := rep.Filled.Tables["results"]
	if len(rows) != 1 || rows[0].Values["content"] != "Tổng hợp báo cáo tháng 10" || rows[0].Line != HeaderRow+1 {
		t.Errorf("got results %+v, want the prefilled row on line %d", rows, HeaderRow+1)
	}
}

// TestRead_Concurrent reads workbooks from several goroutines, as the daemon may; run with -race.
func TestRead_Concurrent(t *testing.T) {
	f := builtin(t, "BM.02.01/KH")
	wb := fill(t, generate(t, f), f, sampleData(f))
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			rep, err := Read(wb, allForms(), testSecret, Limits{})
			if err == nil && len(rep.Errors) > 0 {
				err = fmt.Errorf("got errors %+v", rep.Errors)
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestFill_UnknownKeys(t *testing.T) {
	f := builtin(t, "BM.02.01/KH")
	tpl := generate(t, f)
	tests := []struct {
		name string
		data form.Filled
	}{
		{"Table", form.Filled{Tables: map[string][]form.Row{"tasks": {{Values: map[string]string{"content": "x"}}}}}},
		{"IndicatorTable", form.Filled{Indicators: map[string]map[string]map[string]string{"ktxh": {"1": {"plan": "1"}}}}},
		{"IndicatorCode", form.Filled{Indicators: map[string]map[string]map[string]string{"kcn": {"9.9": {"plan": "1"}}}}},
		{"Section", form.Filled{Narrative: map[string]string{"summary": "x"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Fill(tpl, f, tc.data); err == nil {
				t.Error("got no error, want one naming the unknown key")
			}
		})
	}
}
