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
	f.Add(buildMail("<p>a&amp;b</p>", "From: a@b.vn", "Content-Type: text/html; name*0*=utf-8''%C3; name*1=x"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		msg, err := parse(raw, Limits{MaxParts: 20, MaxDepth: 5, MaxAttachmentBytes: 1 << 16, MaxTotalBytes: 1 << 17})
		if err != nil {
			return
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
