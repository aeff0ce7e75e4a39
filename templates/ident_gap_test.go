package templates

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestRead_TagCleared: a workbook whose unit was edited and whose tag was cleared rather than
// changed (the cell emptied, the row deleted, the defined name emptied or removed, or something
// that is not hexadecimal) still has an identification, and a failed one: it reads as the unit
// it claims with TagOK false and the tag_mismatch error, never as a guess from the cover or the
// layout, which would let the claimed unit through with a mere warning.
func TestRead_TagCleared(t *testing.T) {
	f := builtin(t, "BM.02.01/KH")
	filled := fill(t, generate(t, f), f, sampleData(f))
	sheetUnit := func(x *excelize.File) error { return x.SetCellStr(IdentSheet, "B3", "VP") }
	coverUnit := func(x *excelize.File) error {
		cells, err := x.SearchSheet(CoverSheet, "^"+IdentPrefix+`\|`, true)
		if err != nil || len(cells) != 1 {
			t.Fatalf("ident line on cover: got %v, %v", cells, err)
		}
		return x.SetCellStr(CoverSheet, cells[0], IdentPrefix+"|"+f.Code+"|1|VP|2026-11")
	}
	setName := func(key, value string) func(x *excelize.File) error {
		return func(x *excelize.File) error {
			name := identNamePrefix + key
			if err := x.DeleteDefinedName(&excelize.DefinedName{Name: name}); err != nil {
				return err
			}
			return x.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: `"` + value + `"`})
		}
	}
	dropName := func(key string) func(x *excelize.File) error {
		return func(x *excelize.File) error {
			return x.DeleteDefinedName(&excelize.DefinedName{Name: identNamePrefix + key})
		}
	}
	dropSheet := func(x *excelize.File) error { return x.DeleteSheet(IdentSheet) }
	tests := []struct {
		name     string
		edits    []func(x *excelize.File) error
		wantUnit string
	}{
		{"SheetTagEmptied", []func(*excelize.File) error{sheetUnit, func(x *excelize.File) error {
			return x.SetCellStr(IdentSheet, "B5", "")
		}}, "VP"},
		{"SheetTagRowEmptied", []func(*excelize.File) error{sheetUnit, func(x *excelize.File) error {
			if err := x.SetCellStr(IdentSheet, "A5", ""); err != nil {
				return err
			}
			return x.SetCellStr(IdentSheet, "B5", "")
		}}, "VP"},
		{"SheetTagEmptiedCoverEdited", []func(*excelize.File) error{sheetUnit, coverUnit, func(x *excelize.File) error {
			return x.SetCellStr(IdentSheet, "B5", "")
		}}, "VP"},
		{"SheetTagBlank", []func(*excelize.File) error{sheetUnit, func(x *excelize.File) error {
			return x.SetCellStr(IdentSheet, "B5", "   ")
		}}, "VP"},
		{"SheetTagNotHex", []func(*excelize.File) error{sheetUnit, func(x *excelize.File) error {
			return x.SetCellStr(IdentSheet, "B5", "zz")
		}}, "VP"},
		{"SheetTagEmptiedUnitKept", []func(*excelize.File) error{func(x *excelize.File) error {
			return x.SetCellStr(IdentSheet, "B5", "")
		}}, "PKH"},
		{"NameTagEmptied", []func(*excelize.File) error{dropSheet, coverUnit, setName("UNIT", "VP"), setName("TAG", "")}, "VP"},
		{"NameTagDropped", []func(*excelize.File) error{dropSheet, coverUnit, setName("UNIT", "VP"), dropName("TAG")}, "VP"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := edit(t, filled, func(x *excelize.File) error {
				for _, e := range tc.edits {
					if err := e(x); err != nil {
						return err
					}
				}
				return nil
			})
			rep, err := Read(data, allForms(), testSecret, Limits{})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			id := rep.Filled.Ident
			if id.TagOK || id.Guessed || id.Unit != tc.wantUnit {
				t.Errorf("ident: got %+v, want unit %s, TagOK=false, Guessed=false", id, tc.wantUnit)
			}
			if !hasProblem(rep.Errors, CodeTagMismatch) {
				t.Errorf("errors: got %q, want tag_mismatch", problemKeys(rep.Errors))
			}
			if hasProblem(rep.Warnings, CodeIdentGuessed) {
				t.Errorf("warnings: got %q, want no ident_guessed", problemKeys(rep.Warnings))
			}
		})
	}
}
