package templates

import (
	"cmp"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

func hasProblem(ps []form.Problem, code string) bool {
	for _, p := range ps {
		if p.Code == code {
			return true
		}
	}
	return false
}

func TestRead_TagMismatch(t *testing.T) {
	f := builtin(t, "BM.02.01/KH")
	filled := fill(t, generate(t, f), f, sampleData(f))
	tests := []struct {
		name     string
		data     []byte
		secret   []byte
		wantUnit string
		want     string // the one error, about the whole file (never the hidden sheet); "": tag_mismatch
	}{
		{name: "UnitEdited", secret: testSecret, wantUnit: "VP", data: edit(t, filled, func(x *excelize.File) error {
			return x.SetCellStr(IdentSheet, "B3", "VP")
		})},
		{name: "PeriodEdited", secret: testSecret, wantUnit: "PKH", data: edit(t, filled, func(x *excelize.File) error {
			return x.SetCellStr(IdentSheet, "B4", "2026-10")
		})},
		{name: "TagEdited", secret: testSecret, wantUnit: "PKH", data: edit(t, filled, func(x *excelize.File) error {
			return x.SetCellStr(IdentSheet, "B5", "00")
		})},
		{name: "OtherSecret", secret: []byte("khác"), wantUnit: "PKH", data: filled, want: "template_other_key|||"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Read(tc.data, allForms(), tc.secret, Limits{})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			id := rep.Filled.Ident
			if id.TagOK || id.Guessed || id.Unit != tc.wantUnit {
				t.Errorf("ident: got %+v, want TagOK=false Guessed=false Unit=%s", id, tc.wantUnit)
			}
			want := cmp.Or(tc.want, "tag_mismatch|||")
			if got := problemKeys(rep.Errors); !reflect.DeepEqual(got, []string{want}) {
				t.Errorf("errors: got %q, want only %s", got, want)
			}
		})
	}
}

// TestRead_Guessed covers workbooks that lost their identification: the hidden sheet (dropped by
// a converter) but not the defined names, then the names too, then also the cover line; the data
// must read the same either way.
func TestRead_Guessed(t *testing.T) {
	for _, code := range builtinCodes() {
		t.Run(code, func(t *testing.T) {
			t.Parallel()
			f := builtin(t, code)
			want := sampleData(f)
			filled := fill(t, generate(t, f), f, want)
			noSheet := edit(t, filled, func(x *excelize.File) error { return x.DeleteSheet(IdentSheet) })
			rep := read(t, noSheet)
			wantID := form.Ident{Form: f.Code, FormVersion: f.Version, Unit: "PKH", Period: "2026-11", TagOK: true}
			if rep.Filled.Ident != wantID || len(rep.Warnings) != 0 || len(rep.Errors) != 0 {
				t.Errorf("from names: got ident %+v, warnings %v, errors %v; want %+v and no problem",
					rep.Filled.Ident, problemKeys(rep.Warnings), problemKeys(rep.Errors), wantID)
			}
			noHidden := edit(t, noSheet, deleteIdentNames)
			rep = read(t, noHidden)
			wantID = form.Ident{Form: f.Code, FormVersion: f.Version, Unit: "PKH", Period: "2026-11", Guessed: true}
			if rep.Filled.Ident != wantID {
				t.Errorf("from cover: got ident %+v, want %+v", rep.Filled.Ident, wantID)
			}
			checkGuessed(t, rep, want)

			noIdent := edit(t, noHidden, func(x *excelize.File) error {
				cells, err := x.SearchSheet(CoverSheet, "^"+IdentPrefix+`\|`, true)
				if err != nil || len(cells) != 1 {
					t.Fatalf("ident line on cover: got %v, %v", cells, err)
				}
				return x.SetCellStr(CoverSheet, cells[0], "")
			})
			rep = read(t, noIdent)
			wantID = form.Ident{Form: f.Code, FormVersion: f.Version, Guessed: true}
			if rep.Filled.Ident != wantID {
				t.Errorf("from layout: got ident %+v, want %+v", rep.Filled.Ident, wantID)
			}
			checkGuessed(t, rep, want)
		})
	}
}

// deleteIdentNames removes the defined names repeating the identification.
func deleteIdentNames(x *excelize.File) error {
	for _, n := range x.GetDefinedName() {
		if strings.HasPrefix(n.Name, identNamePrefix) {
			if err := x.DeleteDefinedName(&excelize.DefinedName{Name: n.Name, Scope: n.Scope}); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkGuessed(t *testing.T, rep *form.Report, want form.Filled) {
	t.Helper()
	if len(rep.Errors) != 0 {
		t.Errorf("got errors %+v, want none", rep.Errors)
	}
	if got := problemKeys(rep.Warnings); len(got) != 1 || !hasProblem(rep.Warnings, CodeIdentGuessed) {
		t.Errorf("warnings: got %q, want one ident_guessed", got)
	}
	for _, d := range diffFilled(rep.Filled, want) {
		t.Error(d)
	}
}

func TestRead_UnknownForm(t *testing.T) {
	f := builtin(t, "BM.04.02/KH")
	tpl := generate(t, f)
	others := []form.Form{builtin(t, "BM.02.01/KH")}
	t.Run("OtherForms", func(t *testing.T) {
		rep, err := Read(tpl, others, testSecret, Limits{})
		if !errors.Is(err, ErrUnknownForm) {
			t.Fatalf("got err %v, want ErrUnknownForm", err)
		}
		if len(rep.Errors) != 1 || rep.Errors[0].Code != CodeUnknownForm || rep.Errors[0].Message == "" {
			t.Errorf("got errors %+v, want one unknown_form with a message", rep.Errors)
		}
	})
	t.Run("NoIdentNoLayout", func(t *testing.T) {
		x := excelize.NewFile()
		defer x.Close()
		if err := x.SetCellStr("Sheet1", "A1", "Bảng kê"); err != nil {
			t.Fatal(err)
		}
		buf, err := x.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Read(buf.Bytes(), allForms(), testSecret, Limits{}); !errors.Is(err, ErrUnknownForm) {
			t.Errorf("got err %v, want ErrUnknownForm", err)
		}
	})
}

func TestRead_OldVersion(t *testing.T) {
	f := builtin(t, "BM.04.02/KH")
	old := f
	f.Version = 2
	data := sampleData(f)
	rep, err := Read(fill(t, generate(t, old), old, data), []form.Form{f}, testSecret, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 0 || !hasProblem(rep.Warnings, CodeOldVersion) {
		t.Errorf("got errors %+v, warnings %+v; want only old_version", rep.Errors, rep.Warnings)
	}
	if rep.Filled.Ident.FormVersion != 1 || !rep.Filled.Ident.TagOK {
		t.Errorf("got ident %+v, want version 1 with a good tag", rep.Filled.Ident)
	}
}
