package templates

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

var testSecret = []byte("bí mật thử nghiệm")

func testMeta() Meta {
	return Meta{
		Office:      "Ban Quản lý các khu công nghiệp tỉnh Thái Nguyên",
		UnitCode:    "PKH",
		UnitName:    "Phòng Kế hoạch - Tổng hợp",
		Period:      "2026-11",
		PeriodLabel: "Tháng 11/2026",
		Deadline:    time.Date(2026, 11, 18, 17, 0, 0, 0, time.FixedZone("ICT", 7*3600)),
		ReplyTo:     "baocao@kcn.thainguyen.gov.vn",
		Secret:      testSecret,
	}
}

func builtin(t testing.TB, code string) form.Form {
	t.Helper()
	f, ok := form.Builtins()[code]
	if !ok {
		t.Fatalf("no built-in form %q", code)
	}
	return f
}

func builtinCodes() []string {
	var codes []string
	for c := range form.Builtins() {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

func allForms() []form.Form {
	var out []form.Form
	for _, c := range builtinCodes() {
		out = append(out, form.Builtins()[c])
	}
	return out
}

// templateCache keeps generated templates by form definition: generating is deterministic and
// most tests start from the same few templates.
var templateCache sync.Map

func generate(t testing.TB, f form.Form) []byte {
	t.Helper()
	key, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if tpl, ok := templateCache.Load(string(key)); ok {
		return tpl.([]byte)
	}
	var buf bytes.Buffer
	if err := Generate(&buf, f, testMeta(), nil); err != nil {
		t.Fatalf("Generate(%s): %v", f.Code, err)
	}
	templateCache.Store(string(key), buf.Bytes())
	return buf.Bytes()
}

// fillCache keeps filled workbooks by template, form definition and data: filling is
// deterministic and many tests fill the same templates with the same sample data. Each caller
// gets its own copy.
var fillCache sync.Map

func fill(t testing.TB, tpl []byte, f form.Form, data form.Filled) []byte {
	t.Helper()
	key, err := json.Marshal(struct {
		Template []byte
		Form     form.Form
		Data     form.Filled
	}{tpl, f, data})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(key)
	if out, ok := fillCache.Load(sum); ok {
		return bytes.Clone(out.([]byte))
	}
	out, err := Fill(tpl, f, data)
	if err != nil {
		t.Fatalf("Fill(%s): %v", f.Code, err)
	}
	fillCache.Store(sum, out)
	return bytes.Clone(out)
}

func read(t testing.TB, data []byte) *form.Report {
	t.Helper()
	rep, err := Read(data, allForms(), testSecret, Limits{})
	if err != nil {
		t.Fatalf("Read: %v (problems %+v)", err, rep.Errors)
	}
	return rep
}

// validValue is a correct value of column c for row i, as Read normalises it.
func validValue(c form.Column, i int) string {
	switch c.Type {
	case form.Date:
		return fmt.Sprintf("2026-11-%02d", 20+i%8)
	case form.Choice:
		return c.Choices[i%len(c.Choices)]
	case form.Email:
		return fmt.Sprintf("canbo%d@kcn.thainguyen.gov.vn", i+1)
	case form.Phone:
		return "0912345678"
	case form.Integer:
		return strconv.Itoa(10 + i)
	case form.Decimal:
		return strconv.FormatFloat(1234.5+float64(i), 'f', -1, 64)
	case form.Percent:
		return "85.5"
	}
	return fmt.Sprintf("%s số %d: nội dung có dấu tiếng Việt", c.Title, i+1)
}

// sampleData is a complete, valid submission of f: three rows per table, every indicator value
// (subtotals equal to their children), every section, the preparer's details.
func sampleData(f form.Form) form.Filled {
	d := form.Filled{
		Header: map[string]string{HeaderPreparer: "Nguyễn Thị Hương", HeaderPhone: "0912345678", HeaderEmail: "huong.nt@kcn.thainguyen.gov.vn",
			HeaderDate: "2026-11-17", HeaderSigner: "Trần Văn Bình"},
		Tables:     map[string][]form.Row{},
		Indicators: map[string]map[string]map[string]string{},
		Narrative:  map[string]string{},
	}
	for _, t := range f.Tables {
		var rows []form.Row
		for i := range 3 {
			vals := map[string]string{}
			for _, c := range t.Columns {
				vals[c.Key] = validValue(c, i)
			}
			rows = append(rows, form.Row{Line: HeaderRow + 1 + i, Values: vals})
		}
		d.Tables[t.Key] = rows
	}
	for _, it := range f.Indicators {
		d.Indicators[it.Key] = sampleIndicators(it)
	}
	for _, s := range f.Narrative {
		d.Narrative[s.Key] = s.Title + ":\nĐã hoàn thành các nhiệm vụ trọng tâm; còn một số tồn tại."
	}
	return d
}

func sampleIndicators(it form.IndicatorTable) map[string]map[string]string {
	vals := map[string]map[string]string{}
	for i, ind := range it.Rows {
		row := map[string]string{}
		for _, c := range it.Columns {
			row[c.Key] = validValue(c, i)
		}
		vals[ind.Code] = row
	}
	// Subtotals equal the sum of their children.
	for _, ind := range it.Rows {
		if len(ind.Children) == 0 {
			continue
		}
		for _, c := range it.Columns {
			if c.Type != form.Integer && c.Type != form.Decimal {
				continue
			}
			sum := 0.0
			for _, ch := range ind.Children {
				v, _ := strconv.ParseFloat(vals[ch][c.Key], 64)
				sum += v
			}
			vals[ind.Code][c.Key] = formatNumber(sum)
		}
	}
	return vals
}

// problemKey is a problem without its message, for comparing sets.
func problemKeys(ps []form.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.Join([]string{p.Code, p.Sheet, p.Cell, p.Field}, "|"))
	}
	sort.Strings(out)
	return out
}

// edit opens a workbook, lets fn change it with excelize and returns the saved bytes.
func edit(t testing.TB, data []byte, fn func(x *excelize.File) error) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer x.Close()
	if err := fn(x); err != nil {
		t.Fatalf("edit: %v", err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatalf("write: %v", err)
	}
	return buf.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}
