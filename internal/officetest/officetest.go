// Package officetest builds what tests of the daemon and of the binary feed a mailbox: units'
// mails with filled workbooks of the monthly report BM.02.01/KH. It is for tests only.
package officetest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/period"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/templates"
)

// Workbook returns unit's template of BM.02.01/KH for November 2026, signed with key and filled
// as a careful clerk would; with mistakes, subtotal 1 does not add up.
func Workbook(t testing.TB, cfg *config.Config, unit string, key []byte, mistakes bool) []byte {
	t.Helper()
	return WorkbookFor(t, cfg, unit, key, "2026-11", mistakes)
}

// WorkbookFor is Workbook for another month than 2026-11 ("2026-12"). The result is a fresh copy
// the caller may change.
func WorkbookFor(t testing.TB, cfg *config.Config, unit string, key []byte, month string, mistakes bool) []byte {
	t.Helper()
	p, err := period.Parse(month)
	if err != nil || p.Kind != period.Month {
		t.Fatalf("officetest: %q is not a month", month)
	}
	f, ok := cfg.Form("BM.02.01/KH")
	if !ok {
		t.Fatal("officetest: the configuration has no BM.02.01/KH")
	}
	meta := templates.Meta{Office: cfg.Office.Name, UnitCode: unit, UnitName: unit, Period: p.String(),
		PeriodLabel: p.Label(), ReplyTo: cfg.SMTP.From, Secret: key}
	out, err := books.get(f.Form, meta, mistakes)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// books holds the workbooks WorkbookFor made in this test process. Generating and filling one
// through excelize costs about a tenth of a second under the race detector, and the daemon's
// tests ask for the same few units' workbooks hundreds of times. The bytes depend on nothing
// but the form, the meta and mistakes (templates.Generate and Fill take no clock and no
// randomness: two calls give equal bytes), so they are keyed by all three.
var books = bookCache{m: map[string][]byte{}}

type bookCache struct {
	mu sync.Mutex
	m  map[string][]byte
}

// get returns a copy of the cached workbook, making it first if need be.
func (c *bookCache) get(f form.Form, meta templates.Meta, mistakes bool) ([]byte, error) {
	k, err := json.Marshal(struct {
		Form     form.Form
		Meta     templates.Meta
		Mistakes bool
	}{f, meta, mistakes})
	if err != nil {
		return nil, fmt.Errorf("officetest: workbook key: %w", err)
	}
	c.mu.Lock()
	b, ok := c.m[string(k)]
	c.mu.Unlock()
	if !ok {
		if b, err = filledWorkbook(f, meta, mistakes); err != nil {
			return nil, err
		}
		c.mu.Lock()
		c.m[string(k)] = b
		c.mu.Unlock()
	}
	return bytes.Clone(b), nil
}

// filledWorkbook generates the template of meta and fills it as a careful clerk would; with
// mistakes, subtotal 1 does not add up.
func filledWorkbook(f form.Form, meta templates.Meta, mistakes bool) ([]byte, error) {
	var tpl bytes.Buffer
	if err := templates.Generate(&tpl, f, meta, nil); err != nil {
		return nil, err
	}
	data := form.Filled{Indicators: map[string]map[string]map[string]string{"kcn": {}}, Narrative: map[string]string{}}
	for _, row := range f.Indicators[0].Rows {
		data.Indicators["kcn"][row.Code] = map[string]string{"period": "2"}
	}
	data.Indicators["kcn"]["1"]["period"] = "4" // 1.1 + 1.2
	if mistakes {
		data.Indicators["kcn"]["1"]["period"] = "7"
	}
	for _, s := range f.Narrative {
		data.Narrative[s.Key] = "Nội dung " + s.Title
	}
	return templates.Fill(tpl.Bytes(), f, data)
}

// Mail builds a message from from to to with Message-ID <id>; headers are extra header lines
// ("Auto-Submitted: auto-replied\r\n"), name and data an optional attachment. It is the mail
// as sent: Delivered adds what the office's MX writes on top.
func Mail(from, to, id, headers, name string, data []byte) []byte {
	if name == "" {
		return mailWith(from, to, id, headers)
	}
	return mailWith(from, to, id, headers, File{Name: name, Data: data})
}

// File is an attachment of MailFiles.
type File struct {
	Name string
	Data []byte
}

// MailFiles builds a message like Mail with several attachments.
func MailFiles(from, to, id string, files ...File) []byte {
	return mailWith(from, to, id, "", files...)
}

func mailWith(from, to, id, headers string, files ...File) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nMessage-ID: <%s>\r\nDate: Mon, 16 Nov 2026 08:00:00 +0700\r\n%s", from, to, id, headers)
	fmt.Fprintf(&b, "Subject: =?UTF-8?B?%s?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n",
		base64.StdEncoding.EncodeToString([]byte("Báo cáo tháng 11")))
	fmt.Fprintf(&b, "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGửi Văn phòng.\r\n")
	for _, f := range files {
		fmt.Fprintf(&b, "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"%s\"\r\n", f.Name)
		fmt.Fprintf(&b, "Content-Transfer-Encoding: base64\r\n\r\n%s\r\n", base64.StdEncoding.EncodeToString(f.Data))
	}
	b.WriteString("--b1--\r\n")
	return b.Bytes()
}

// StripIdent removes every trace of a workbook's identification, as some converters do: the
// hidden sheet, the TONGHOP_* defined names and the line on the cover.
func StripIdent(t testing.TB, data []byte) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.DeleteSheet(templates.IdentSheet); err != nil {
		t.Fatal(err)
	}
	for _, n := range x.GetDefinedName() {
		if strings.HasPrefix(n.Name, "TONGHOP_") {
			if err := x.DeleteDefinedName(&excelize.DefinedName{Name: n.Name, Scope: n.Scope}); err != nil {
				t.Fatal(err)
			}
		}
	}
	cells, err := x.SearchSheet(templates.CoverSheet, "^"+templates.IdentPrefix+`\|`, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		if err := x.SetCellStr(templates.CoverSheet, c, ""); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// WaitFor polls cond every 50 ms until it holds, failing the test after limit: for tests that
// watch another process or a daemon's goroutines, which give no event to wait on.
func WaitFor(t testing.TB, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", limit, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Delivered is a raw message as the test office's MX delivers it: its Authentication-Results
// for the From domain (AuthPass) and its Received field on top. A message without a readable
// From, or whose header already holds Authentication-Results (a test of authentication itself),
// is returned as it is.
func Delivered(raw []byte) []byte {
	hdr, err := intake.ParseHeader(raw)
	head, _, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	if err != nil || hdr.From.Addr == "" || bytes.Contains(head, []byte("Authentication-Results")) {
		return raw
	}
	return append([]byte(AuthPass(hdr.From.Addr)), raw...)
}

// ClaimOtherUnit edits QLDN's signed workbook to claim unit: the hidden sheet's unit and the
// cover line changed, and the tag cleared rather than recomputed (the sender has no key).
func ClaimOtherUnit(t testing.TB, data []byte, unit string) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(templates.IdentSheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		if len(row) < 2 {
			continue
		}
		var value string
		switch row[0] {
		case "unit":
			value = unit
		case "tag":
			value = ""
		default:
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(2, i+1)
		if err := x.SetCellStr(templates.IdentSheet, cell, value); err != nil {
			t.Fatal(err)
		}
	}
	cells, err := x.SearchSheet(templates.CoverSheet, "^"+templates.IdentPrefix+`\|`, true)
	if err != nil || len(cells) != 1 {
		t.Fatalf("ident line on the cover: %v, %v", cells, err)
	}
	line, _ := x.GetCellValue(templates.CoverSheet, cells[0])
	if err := x.SetCellStr(templates.CoverSheet, cells[0], strings.Replace(line, "|QLDN|", "|"+unit+"|", 1)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
