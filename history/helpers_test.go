package history

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

var testKey = []byte("khóa mẫu của văn phòng")

var testUnits = []Unit{{"QLDN", "Phòng Quản lý doanh nghiệp"}, {"QLDT", "Phòng Quản lý đầu tư"}, {"QHXD", "Phòng Quy hoạch - Xây dựng"}}

func mustPeriod(t testing.TB, s string) period.Period {
	t.Helper()
	p, err := period.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// testBook is the opening workbook of the monthly report BM.02.01/KH for an office taking over
// at November 2026.
func testBook(t testing.TB) Book {
	return Book{Office: "Ban Quản lý các khu công nghiệp tỉnh (thử)", Form: form.Builtins()["BM.02.01/KH"],
		Units: testUnits, Current: mustPeriod(t, "2026-11")}
}

// catalog knows the forms of b only.
func catalog(b Book) Catalog {
	return func(code string) (form.Form, []Unit, bool) {
		if code != b.Form.Code {
			return form.Form{}, nil, false
		}
		return b.Form, b.Units, true
	}
}

func writeBook(t testing.TB, b Book, key []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteOpening(&buf, b, key); err != nil {
		t.Fatalf("WriteOpening: %v", err)
	}
	return buf.Bytes()
}

func fill(t testing.TB, data []byte, entries ...Entry) []byte {
	t.Helper()
	out, err := FillOpening(data, entries)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// entry is a figure of table "kcn" of November 2025 unless the period is given.
func entry(unit, code string, p period.Period, v any) Entry {
	return Entry{Table: "kcn", Unit: unit, Code: code, Period: p, Value: v}
}

// edit changes a workbook as a person would in Excel.
func edit(t testing.TB, data []byte, change func(x *excelize.File) error) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := change(x); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// unitTemplate is a unit's template of the same form: not an opening workbook.
func unitTemplate(t testing.TB, b Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	m := templates.Meta{Office: b.Office, UnitCode: "QLDN", UnitName: "Phòng Quản lý doanh nghiệp", Period: "2026-11",
		PeriodLabel: "Tháng 11/2026", Secret: testKey}
	if err := templates.Generate(&buf, b.Form, m, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
