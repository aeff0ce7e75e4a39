package templates

import (
	"context"
	"errors"
	"testing"

	"github.com/tonghop/tonghop/internal/officeapps"

	"github.com/tonghop/tonghop/xlsconv"
)

// TestReadAny_LegacyXLS saves every filled form as Excel 97–2003 with Gnumeric, as an old office
// computer would, and reads it back through the converter: the same data, and a warning.
func TestReadAny_LegacyXLS(t *testing.T) {
	t.Parallel()
	ssconvert := officeapps.Ssconvert(t)
	conv, err := xlsconv.New(ssconvert)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range builtinCodes() {
		t.Run(code, func(t *testing.T) {
			f := builtin(t, code)
			want := sampleData(f)
			xls := officeapps.SaveAsXLS(t, ssconvert, fill(t, generate(t, f), f, want))
			if _, err := Read(xls, allForms(), testSecret, Limits{}); !errors.Is(err, ErrLegacy) {
				t.Fatalf("Read without converter: got %v, want ErrLegacy", err)
			}
			rep, xlsx, err := ReadAny(context.Background(), xls, allForms(), Keys{Current: testSecret}, Limits{}, conv)
			if err != nil {
				t.Fatalf("ReadAny: %v (%+v)", err, rep.Errors)
			}
			if len(rep.Errors) != 0 || len(rep.Warnings) == 0 || rep.Warnings[0].Code != CodeConvertedXLS {
				t.Errorf("got errors %v, warnings %v; want none and %s first", problemKeys(rep.Errors), problemKeys(rep.Warnings), CodeConvertedXLS)
			}
			if rep.Filled.Ident.Form != code || !rep.Filled.Ident.TagOK {
				t.Errorf("ident: got %+v, want %s with its tag", rep.Filled.Ident, code)
			}
			for _, d := range diffFilled(rep.Filled, want) {
				t.Error(d)
			}
			if len(xlsx) < 4 || string(xlsx[:2]) != "PK" {
				t.Error("ReadAny did not return the converted .xlsx")
			}
		})
	}
}
