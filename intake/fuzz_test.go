package intake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds the corpus mails and mutations to parse (not Parse, whose
// recover would hide panics) and checks the invariants callers rely on.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.eml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add(attachmentsMail(3, 10))
	f.Add(nestedMail(4))
	f.Add(mailWithAttachment("bc.zip", zipOf(f, zipFile{name: "inner.zip", data: zipOf(f, zipFile{name: "a.xlsx", data: fakeXLSX})})))
	if dat, err := os.ReadFile("../tnef/testdata/ukr_exchange_online.dat"); err == nil {
		f.Add(mailWithAttachment("winmail.dat", dat))
	}
	f.Add(buildMail("<p>a&amp;b</p>", "From: a@b.vn", "Content-Type: text/html; name*0*=utf-8''%C3; name*1=x"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		lim := Limits{MaxParts: 20, MaxDepth: 5, MaxAttachmentBytes: 1 << 16, MaxTotalBytes: 1 << 17}
		msg, err := parse(raw, lim)
		if err != nil {
			return
		}
		if _, err := ParseHeader(raw); err != nil {
			t.Errorf("ParseHeader failed on a message Parse read: %v", err)
		}
		var kept int64
		for _, a := range msg.Attachments {
			kept += int64(len(a.Data))
		}
		if kept > lim.MaxTotalBytes {
			t.Errorf("attachments keep %d bytes, over the budget of %d", kept, lim.MaxTotalBytes)
		}
		for _, s := range []string{msg.Subject, msg.Text, msg.From.Name, msg.From.Addr, msg.MessageID} {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8 in %q", s)
			}
		}
		if strings.ContainsAny(msg.Subject, "\r\n") {
			t.Errorf("Subject %q has a line break", msg.Subject)
		}
		for _, a := range msg.Attachments {
			if !utf8.ValidString(a.Name) {
				t.Errorf("invalid UTF-8 in attachment name %q", a.Name)
			}
			if a.TooLarge && a.Data != nil || !a.TooLarge && int64(len(a.Data)) != a.Size {
				t.Errorf("attachment TooLarge %v with %d bytes, Size %d", a.TooLarge, len(a.Data), a.Size)
			}
			_ = a.Kind()
		}
		_ = msg.IsAutomatic()
		_ = msg.Spreadsheets()
	})
}
