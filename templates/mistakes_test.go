package templates

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/form"
)

// TestRead_Mistakes fills templates with the mistakes units make and checks that exactly the
// expected problems are found, at the right cells.
func TestRead_Mistakes(t *testing.T) {
	const (
		prog  = "Chương trình"
		prev  = "Kết quả kỳ trước"
		ind   = "Chỉ tiêu"
		narr  = "Nội dung báo cáo"
		assig = "Phân công"
	)
	tests := []struct {
		name     string
		form     string
		mutate   func(d *form.Filled)
		errors   []string // code|sheet|cell|field
		warnings []string
		check    func(t *testing.T, rep *form.Report)
	}{{
		name: "BadDate", form: "BM.04.01/KH",
		mutate: func(d *form.Filled) { d.Tables["tasks"][0].Values["deadline"] = "31/2/2026" },
		errors: []string{"not_a_date|" + prog + "|F5|deadline"},
		check: func(t *testing.T, rep *form.Report) {
			want := "Ô F5, cột “Thời gian hoàn thành”: “31/2/2026” không phải là ngày hợp lệ; đề nghị nhập ngày theo dạng ngày/tháng/năm, ví dụ 18/11/2026."
			if got := rep.Errors[0].Message; got != want {
				t.Errorf("message: got %q, want %q", got, want)
			}
		},
	}, {
		name: "DateAsText", form: "BM.04.01/KH",
		mutate: func(d *form.Filled) { d.Tables["tasks"][1].Values["deadline"] = "18/11/2026" },
		check:  wantTableValue("tasks", 1, "deadline", "2026-11-18"),
	}, {
		name: "DateTwoDigitYear", form: "BM.04.01/KH",
		mutate:   func(d *form.Filled) { d.Tables["tasks"][1].Values["deadline"] = "5/1/27" },
		warnings: []string{"date_reformatted|" + prog + "|F6|deadline"},
		check:    wantTableValue("tasks", 1, "deadline", "2027-01-05"),
	}, {
		name: "MissingRequired", form: "BM.04.01/KH",
		mutate: func(d *form.Filled) { delete(d.Tables["tasks"][1].Values, "person") },
		errors: []string{"required|" + prog + "|E6|person"},
	}, {
		name: "BadChoice", form: "BM.04.01/KH",
		mutate: func(d *form.Filled) { d.Tables["tasks"][2].Values["level"] = "Giám đốc" },
		errors: []string{"bad_choice|" + prog + "|G7|level"},
	}, {
		name: "ChoiceCaseAndSpaces", form: "BM.04.01/KH",
		mutate: func(d *form.Filled) { d.Tables["results"][0].Values["status"] = "  hoàn   THÀNH " },
		check:  wantTableValue("results", 0, "status", "Hoàn thành"),
	}, {
		name: "TooLong", form: "BM.04.01/KH",
		mutate: func(d *form.Filled) { d.Tables["tasks"][0].Values["content"] = strings.Repeat("ắ", 2001) },
		errors: []string{"too_long|" + prog + "|B5|content"},
	}, {
		name: "MinRows", form: "BM.04.01/KH",
		mutate: func(d *form.Filled) { delete(d.Tables, "tasks") },
		errors: []string{"min_rows|" + prog + "||tasks"},
	}, {
		name: "SecondTable", form: "BM.04.01/KH",
		mutate: func(d *form.Filled) { delete(d.Tables["results"][2].Values, "status") },
		errors: []string{"required|" + prev + "|C7|status"},
	}, {
		name: "BadEmail", form: "BM.04.02/KH",
		mutate: func(d *form.Filled) { d.Tables["assignments"][0].Values["email"] = "canbo@" },
		errors: []string{"bad_email|" + assig + "|D5|email"},
	}, {
		name: "SubtotalMismatch", form: "BM.02.01/KH",
		mutate: func(d *form.Filled) { d.Indicators["kcn"]["1"]["plan"] = "99" },
		errors: []string{"subtotal_mismatch|" + ind + "|D5|1"},
	}, {
		name: "TextInNumberCleaned", form: "BM.02.01/KH",
		mutate:   func(d *form.Filled) { d.Indicators["kcn"]["4"]["plan"] = "1.234,5" },
		warnings: []string{"number_reformatted|" + ind + "|D10|4"},
		check:    wantIndicator("kcn", "4", "plan", "1234.5"),
	}, {
		name: "TextInNumber", form: "BM.02.01/KH",
		mutate: func(d *form.Filled) { d.Indicators["kcn"]["3"]["plan"] = "khoảng 5" },
		errors: []string{"not_a_number|" + ind + "|D9|3"},
	}, {
		name: "RequiredIndicator", form: "BM.02.01/KH",
		mutate: func(d *form.Filled) { delete(d.Indicators["kcn"]["2"], "period") },
		errors: []string{"required|" + ind + "|E8|2"},
	}, {
		name: "BelowMin", form: "BM.02.01/KH",
		mutate: func(d *form.Filled) { d.Indicators["kcn"]["5"]["ytd"] = "-5" },
		errors: []string{"below_min|" + ind + "|F11|5"},
	}, {
		name: "PercentAsText", form: "BM.02.01/KH",
		mutate: func(d *form.Filled) { d.Indicators["kcn"]["6"]["pct_plan"] = "85%" },
		check:  wantIndicator("kcn", "6", "pct_plan", "85"),
	}, {
		name: "InvalidChildSkipsSubtotal", form: "BM.02.01/KH",
		mutate: func(d *form.Filled) { d.Indicators["kcn"]["1.1"]["period"] = "nhiều" },
		errors: []string{"not_a_number|" + ind + "|E6|1.1"},
	}, {
		name: "NarrativeRequired", form: "KT-XH",
		mutate: func(d *form.Filled) { delete(d.Narrative, "direction") },
		errors: []string{"required|" + narr + "|B10|direction"},
	}, {
		name: "HeaderEmail", form: "KT-XH",
		mutate:   func(d *form.Filled) { d.Header[HeaderEmail] = "huong at kcn" },
		warnings: []string{"header_invalid|" + CoverSheet + "|B14|email"},
	}, {
		name: "LegacyEncodings", form: "BM.04.01/KH",
		mutate: func(d *form.Filled) {
			d.Tables["tasks"][0].Values["content"] = "Rµ so¸t hå s¬ dù ¸n ®Çu t\u00ad" // TCVN3, .VnTime
			d.Tables["tasks"][1].Values["lead"] = "Phoøng Keá hoaïch - Toång hôïp"     // VNI-Times
			d.Tables["results"][0].Values["status"] = "Hoµn thµnh"
		},
		warnings: []string{"legacy_encoding|" + prog + "|B5|", "legacy_encoding|" + prog + "|C6|"},
		check: func(t *testing.T, rep *form.Report) {
			for _, w := range []struct{ table, col, want string }{
				{"tasks", "content", "Rà soát hồ sơ dự án đầu tư"},
				{"results", "status", "Hoàn thành"},
			} {
				wantTableValue(w.table, 0, w.col, w.want)(t, rep)
			}
			wantTableValue("tasks", 1, "lead", "Phòng Kế hoạch - Tổng hợp")(t, rep)
		},
	}, {
		name: "HeaderDate", form: "BM.04.01/KH",
		mutate:   func(d *form.Filled) { d.Header[HeaderDate] = "30/02/2026" },
		warnings: []string{"header_invalid|" + CoverSheet + "|B15|date"},
	}, {
		name: "HeaderDateTyped", form: "BM.04.01/KH",
		mutate:   func(d *form.Filled) { d.Header[HeaderDate] = "20/11/26" },
		warnings: []string{"date_reformatted|" + CoverSheet + "|B15|date"},
		check: func(t *testing.T, rep *form.Report) {
			if got := rep.Filled.Header[HeaderDate]; got != "2026-11-20" {
				t.Errorf("report date: got %q, want 2026-11-20", got)
			}
		},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := builtin(t, tc.form)
			data := sampleData(f)
			tc.mutate(&data)
			rep := read(t, fill(t, generate(t, f), f, data))
			for _, p := range append(rep.Errors, rep.Warnings...) {
				t.Logf("%s %s!%s: %s", p.Code, p.Sheet, p.Cell, p.Message)
			}
			if got := problemKeys(rep.Errors); !reflect.DeepEqual(got, sorted(tc.errors)) {
				t.Errorf("errors: got %q, want %q\n%+v", got, tc.errors, rep.Errors)
			}
			if got := problemKeys(rep.Warnings); !reflect.DeepEqual(got, sorted(tc.warnings)) {
				t.Errorf("warnings: got %q, want %q\n%+v", got, tc.warnings, rep.Warnings)
			}
			for _, p := range append(rep.Errors, rep.Warnings...) {
				if p.Message == "" || !strings.Contains(p.Message, " ") {
					t.Errorf("problem %+v has no message", p)
				}
			}
			if tc.check != nil {
				tc.check(t, rep)
			}
		})
	}
}

func sorted(s []string) []string {
	if s == nil {
		return nil
	}
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

func wantTableValue(table string, row int, col, want string) func(*testing.T, *form.Report) {
	return func(t *testing.T, rep *form.Report) {
		t.Helper()
		rows := rep.Filled.Tables[table]
		if row >= len(rows) {
			t.Fatalf("table %s: got %d rows, want more than %d", table, len(rows), row)
		}
		if got := rows[row].Values[col]; got != want {
			t.Errorf("%s[%d].%s: got %q, want %q", table, row, col, got, want)
		}
	}
}

func wantIndicator(table, code, col, want string) func(*testing.T, *form.Report) {
	return func(t *testing.T, rep *form.Report) {
		t.Helper()
		if got := rep.Filled.Indicators[table][code][col]; got != want {
			t.Errorf("%s %s.%s: got %q, want %q", table, code, col, got, want)
		}
	}
}
