package mailer

import (
	"bytes"
	"mime"
	"net/mail"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// encodedWord finds one RFC 2047 encoded word.
var encodedWord = regexp.MustCompile(`=\?[^?\s]+\?[qQbB]\?[^?\s]*\?=`)

// pieces decodes each encoded word of a header value on its own, as a reader that does not join
// adjacent words shows them.
func pieces(t *testing.T, value string) []string {
	t.Helper()
	var out []string
	for _, w := range encodedWord.FindAllString(value, -1) {
		if len(w) > maxWordLen {
			t.Errorf("encoded word %q: %d characters, want at most %d", w, len(w), maxWordLen)
		}
		s, err := new(mime.WordDecoder).Decode(w)
		if err != nil {
			t.Fatalf("decode %q: %v", w, err)
		}
		out = append(out, s)
	}
	return out
}

// checkCutBetweenWords: the encoded words of value decode to want, and every one but the last
// ends with the space that follows its last word, so no word is cut in two.
func checkCutBetweenWords(t *testing.T, field, value, want string) {
	t.Helper()
	ps := pieces(t, value)
	if len(ps) < 2 {
		t.Fatalf("%s: got %d encoded words in %q, want a text long enough to need several", field, len(ps), value)
	}
	if got := strings.Join(ps, ""); got != want {
		t.Errorf("%s: the words decode to %q, want %q", field, got, want)
	}
	for _, p := range ps[:len(ps)-1] {
		if !strings.HasSuffix(p, " ") {
			t.Errorf("%s: encoded word %q ends inside a word, want it to end after a space (all: %q)", field, p, ps)
		}
	}
}

// TestCompose_EncodedWordsBetweenWords: the office's name in From, a unit's and a leader's in To
// and Cc, and a long subject are each cut into encoded words between words only (never "t" |
// "ỉnh"), and a standard reader (net/mail) reads each back whole.
func TestCompose_EncodedWordsBetweenWords(t *testing.T) {
	cfg := testConfig(25, TLSNone)
	cfg.FromName = "Văn phòng Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh"
	m := testMessage("words/1")
	m.To = []string{"Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh và các sở ngành liên quan <vp@ubnd.example>", "qldn@bqlkcn.example"}
	m.Cc = []string{"Phó Trưởng Ban phụ trách khối doanh nghiệp Trần Thị Bình <binh@bqlkcn.example>"}
	m.Subject = "[BM.02.01/KH] Đề nghị gửi Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 – hạn 18/11/2026"
	raw, err := Compose(cfg, m)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	h := msg.Header
	checkCutBetweenWords(t, "From", h.Get("From"), cfg.FromName)
	checkCutBetweenWords(t, "To", h.Get("To"), "Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh và các sở ngành liên quan")
	checkCutBetweenWords(t, "Cc", h.Get("Cc"), "Phó Trưởng Ban phụ trách khối doanh nghiệp Trần Thị Bình")
	checkCutBetweenWords(t, "Subject", h.Get("Subject"), m.Subject)

	from, err := h.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Name != cfg.FromName || from[0].Address != cfg.From {
		t.Errorf("From: got %v (%v), want %q <%s>", from, err, cfg.FromName, cfg.From)
	}
	to, err := h.AddressList("To")
	if err != nil || len(to) != 2 || to[0].Address != "vp@ubnd.example" || to[1].Name != "" || to[1].Address != "qldn@bqlkcn.example" {
		t.Errorf("To: got %v (%v), want the named office and the bare address", to, err)
	}
	if got, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject")); err != nil || got != m.Subject {
		t.Errorf("Subject: got %q (%v), want %q", got, err, m.Subject)
	}
	checkLineLengths(t, raw)
}

// TestCompose_DateKeepsZone: the Date field is written in the zone of the time given (the
// office's, from the outbox), not converted to the machine's.
func TestCompose_DateKeepsZone(t *testing.T) {
	m := testMessage("date/1")
	m.Date = time.Date(2026, 11, 16, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	raw, err := Compose(testConfig(25, TLSNone), m)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got := msg.Header.Get("Date"); got != "Mon, 16 Nov 2026 09:30:00 +0700" {
		t.Errorf("Date: got %q, want Mon, 16 Nov 2026 09:30:00 +0700", got)
	}
}

func TestEncodeText(t *testing.T) {
	long := strings.Repeat("Nghiêng", 20) // one word longer than an encoded word
	tests := []struct {
		name, in string
		plain    bool // written as is
	}{
		{name: "ASCII", in: "Re: [BM.02.01/KH] Bao cao", plain: true},
		{name: "LooksEncoded", in: "=?UTF-8?q?x?= is not a word"},
		{name: "Vietnamese", in: "Đề nghị gửi báo cáo"},
		{name: "DoubleSpace", in: "tỉnh  Bắc Ninh"},
		{name: "LongWord", in: long},
		{name: "Specials", in: `Ý kiến "Duyệt" (lần 2), số 3_4=5?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := encodeText(tt.in)
			if (got == tt.in) != tt.plain {
				t.Errorf("encodeText(%q) = %q, want written as is: %v", tt.in, got, tt.plain)
			}
			if back, err := new(mime.WordDecoder).DecodeHeader(got); err != nil || back != tt.in {
				t.Errorf("decoded: got %q (%v), want %q", back, err, tt.in)
			}
			pieces(t, got) // each word within the limit
		})
	}
}

func TestEncodePhrase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyen Van A", "Nguyen Van A"},
		{"Nguyen, A.", `"Nguyen, A."`},
		{`Say "hi"`, `"Say \"hi\""`},
		{"Hoa", "Hoa"},
		{"Nguyễn Thị Hoa", "=?UTF-8?q?Nguy=E1=BB=85n_Th=E1=BB=8B_Hoa?="},
	}
	for _, tt := range tests {
		if got := encodePhrase(tt.in); got != tt.want {
			t.Errorf("encodePhrase(%q) = %q, want %q", tt.in, got, tt.want)
		}
		a, err := mail.ParseAddress(encodePhrase(tt.in) + " <a@b.example>")
		if err != nil || a.Name != tt.in {
			t.Errorf("%q read back: got %v (%v), want the name", tt.in, a, err)
		}
	}
}

// FuzzEncodeText: whatever a subject holds, once made one clean line (headerText), its encoded
// words read back to it, each within the length RFC 2047 allows.
func FuzzEncodeText(f *testing.F) {
	for _, s := range []string{"", "a", "Đề nghị gửi báo cáo tháng 11/2026 – hạn 18/11/2026", "=?x?q?y?=", strings.Repeat("ỉ", 40), "a  b "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = headerText(s)
		if !utf8.ValidString(s) {
			return
		}
		got := encodeText(s)
		back, err := new(mime.WordDecoder).DecodeHeader(got)
		if err != nil || back != s {
			t.Fatalf("encodeText(%q) = %q reads back as %q (%v)", s, got, back, err)
		}
		for _, w := range encodedWord.FindAllString(got, -1) {
			if len(w) > maxWordLen {
				t.Fatalf("encoded word %q is %d characters", w, len(w))
			}
		}
	})
}
