package intake

import (
	"errors"
	"strings"
	"testing"
)

// buildMail builds a raw message from header lines and a body, CRLF-terminated.
func buildMail(body string, header ...string) []byte {
	return []byte(strings.Join(header, "\r\n") + "\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n"))
}

func TestParse_VietnameseAndLegacyCharsets(t *testing.T) {
	tests := []struct {
		name     string
		raw      []byte
		subject  string
		text     string
		fromName string
		attName  string
	}{
		{
			name: "windows-1258 Outlook: encoded subject, QP body with combining marks",
			raw: buildMail("K=EDnh g=FD=D2i V=E3n pho=CCng", "From: =?windows-1258?Q?Pho=CCng_T=E0i_ch=EDnh?= <TaiChinh@SoKHCN.gov.vn>",
				"Subject: =?windows-1258?Q?B=E1o_c=E1o_=F0a=F2t?=", "MIME-Version: 1.0",
				"Content-Type: text/plain; charset=windows-1258", "Content-Transfer-Encoding: quoted-printable"),
			subject: "Báo cáo đạt", text: "Kính gửi Văn phòng", fromName: "Phòng Tài chính",
		},
		{
			name: "RFC 2231 UTF-8 file name in NFD (macOS) becomes NFC",
			raw: buildMail("--b\nContent-Type: text/plain; charset=utf-8\n\nĐã gửi\n--b\n"+
				"Content-Type: application/octet-stream\n"+
				"Content-Disposition: attachment; filename*=utf-8''Ba%CC%81o%20ca%CC%81o%20tha%CC%81ng%205.xlsx\n"+
				"Content-Transfer-Encoding: base64\n\nUEsDBA==\n--b--\n",
				"From: a@b.vn", "Subject: =?UTF-8?B?QsOhbyBjw6FvIHRow6FuZyA1?=", "Content-Type: multipart/mixed; boundary=b"),
			subject: "Báo cáo tháng 5", text: "Đã gửi", attName: "Báo cáo tháng 5.xlsx",
		},
		{
			name:    "gb2312 subject",
			raw:     buildMail("x", "From: a@b.cn", "Subject: =?gb2312?B?sai45g==?="),
			subject: "报告", text: "x",
		},
		{
			name:    "iso-8859-1 8-bit body",
			raw:     buildMail("Caf\xe9", "From: a@b.fr", "Subject: menu", "Content-Type: text/plain; charset=iso-8859-1", "Content-Transfer-Encoding: 8bit"),
			subject: "menu", text: "Café",
		},
		{
			name:    "undeclared 8-bit windows-1258 is read as windows-1258",
			raw:     buildMail("B\xe1o c\xe1o", "From: a@b.vn", "Subject: B\xe1o c\xe1o"),
			subject: "Báo cáo", text: "Báo cáo",
		},
		{
			name:    "raw UTF-8 header (RFC 6532), folded subject collapsed",
			raw:     buildMail("ok", "From: \"Nguyễn Văn A\" <A@B.VN>", "Subject: Báo cáo\r\n\t tuần  12"),
			subject: "Báo cáo tuần 12", text: "ok", fromName: "Nguyễn Văn A",
		},
		{
			name:    "unknown charset falls back instead of failing",
			raw:     buildMail("plain words", "From: a@b.vn", "Subject: =?x-unknown?Q?abc?=", "Content-Type: text/plain; charset=x-unknown"),
			subject: "abc", text: "plain words",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, err := Parse(tt.raw, Limits{})
			if err != nil {
				t.Fatalf("Parse: got error %v, want nil", err)
			}
			if msg.Subject != tt.subject {
				t.Errorf("Subject: got %q, want %q", msg.Subject, tt.subject)
			}
			if msg.Text != tt.text {
				t.Errorf("Text: got %q, want %q", msg.Text, tt.text)
			}
			if tt.fromName != "" && msg.From.Name != tt.fromName {
				t.Errorf("From.Name: got %q, want %q", msg.From.Name, tt.fromName)
			}
			if msg.From.Addr != strings.ToLower(msg.From.Addr) || msg.From.Addr == "" {
				t.Errorf("From.Addr: got %q, want a lower-case address", msg.From.Addr)
			}
			if tt.attName != "" && (len(msg.Attachments) != 1 || msg.Attachments[0].Name != tt.attName) {
				t.Errorf("attachments: got %+v, want one named %q", msg.Attachments, tt.attName)
			}
		})
	}
}

func TestParse_Malformed(t *testing.T) {
	t.Run("ErrNoHeader", func(t *testing.T) {
		for _, raw := range []string{"", "\r\n\r\nbody", "just some text\nand more\n\nbody", "\x00\x01\x02"} {
			if _, err := Parse([]byte(raw), Limits{}); !errors.Is(err, ErrNoHeader) {
				t.Errorf("Parse(%q): got error %v, want ErrNoHeader", raw, err)
			}
		}
	})
	t.Run("bad header lines skipped", func(t *testing.T) {
		raw := buildMail("body", "From sender@x.vn Mon Jan  1 00:00:00 2024", "From: Văn thư <vanthu@x.vn>",
			"this line has no colon", " continuation of the bad line", "Subject: Kế hoạch", "Bad Key: v")
		msg, err := Parse(raw, Limits{})
		if err != nil {
			t.Fatalf("Parse: got error %v, want nil", err)
		}
		if msg.From.Addr != "vanthu@x.vn" || msg.Subject != "Kế hoạch" || msg.Text != "body" {
			t.Errorf("got From %q Subject %q Text %q, want vanthu@x.vn, Kế hoạch, body", msg.From.Addr, msg.Subject, msg.Text)
		}
	})
	t.Run("lenient addresses", func(t *testing.T) {
		raw := buildMail("x", "From: Phong KH <KH@x.vn>,", "To: a@x.vn, , \"B, C\" <b@x.vn>, nobody, <c@x.vn>", "Subject: s")
		msg, err := Parse(raw, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		var to []string
		for _, a := range msg.To {
			to = append(to, a.Addr)
		}
		if msg.From.Addr != "kh@x.vn" || strings.Join(to, " ") != "a@x.vn b@x.vn c@x.vn" {
			t.Errorf("got From %q To %q, want kh@x.vn and a@x.vn b@x.vn c@x.vn", msg.From.Addr, to)
		}
	})
	t.Run("multipart without closing boundary keeps parts", func(t *testing.T) {
		raw := buildMail("--b\nContent-Type: text/plain\n\nhello\n--b\nContent-Type: application/pdf; name=a.pdf\n\n%PDF",
			"From: a@b.vn", "Content-Type: multipart/mixed; boundary=\"b\"")
		msg, err := Parse(raw, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if msg.Text != "hello" {
			t.Errorf("Text: got %q, want %q", msg.Text, "hello")
		}
	})
	t.Run("HTML only", func(t *testing.T) {
		raw := buildMail("<html><head><style>p{}</style></head><body><p>K&iacute;nh g&#7917;i&nbsp;V&#259;n ph&ograve;ng</p>"+
			"<div>&#272;&atilde; g&#7917;i <b>b&aacute;o c&aacute;o</b></div><script>alert(1)</script><!-- c --></body></html>",
			"From: a@b.vn", "Content-Type: text/html; charset=utf-8")
		msg, err := Parse(raw, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if want := "Kính gửi Văn phòng\n\nĐã gửi báo cáo"; msg.Text != want {
			t.Errorf("Text: got %q, want %q", msg.Text, want)
		}
	})
}

// attachmentsMail has n base64 attachments of size bytes each.
func attachmentsMail(n, size int) []byte {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=f.pdf\n\n")
		b.WriteString(strings.Repeat("A", size) + "\n")
	}
	b.WriteString("--b--\n")
	return buildMail(b.String(), "From: a@b.vn", "Content-Type: multipart/mixed; boundary=b")
}

func nestedMail(depth int) []byte {
	body := "Content-Type: application/pdf; name=deep.pdf\n\nx\n"
	for i := depth; i > 0; i-- {
		body = "Content-Type: multipart/mixed; boundary=b" + string(rune('a'+i)) + "\n\n--b" + string(rune('a'+i)) + "\n" +
			body + "--b" + string(rune('a'+i)) + "--\n"
	}
	return buildMail("", "From: a@b.vn", strings.TrimSuffix(strings.SplitN(body, "\n\n", 2)[0], "\n")+"\r\n\r\n"+
		strings.SplitN(body, "\n\n", 2)[1])
}

func TestParse_Limits(t *testing.T) {
	tests := []struct {
		name      string
		raw       []byte
		lim       Limits
		kept      int // attachments with Data
		tooLarge  int
		truncated bool
	}{
		{name: "defaults", raw: attachmentsMail(3, 10), kept: 3},
		{name: "MaxParts", raw: attachmentsMail(5, 10), lim: Limits{MaxParts: 3}, kept: 2, truncated: true},
		{name: "MaxAttachmentBytes", raw: attachmentsMail(2, 100), lim: Limits{MaxAttachmentBytes: 50}, tooLarge: 2},
		{name: "MaxTotalBytes", raw: attachmentsMail(3, 40), lim: Limits{MaxTotalBytes: 100}, kept: 2, tooLarge: 1},
		{name: "depth within limit", raw: nestedMail(3), lim: Limits{MaxDepth: 5}, kept: 1},
		{name: "MaxDepth", raw: nestedMail(8), lim: Limits{MaxDepth: 5}, truncated: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, err := Parse(tt.raw, tt.lim)
			if err != nil {
				t.Fatal(err)
			}
			kept, tooLarge := 0, 0
			for _, a := range msg.Attachments {
				switch {
				case a.TooLarge && a.Data == nil && a.Size > 0:
					tooLarge++
				case !a.TooLarge && a.Data != nil:
					kept++
				default:
					t.Errorf("attachment TooLarge %v with %d bytes of %d", a.TooLarge, len(a.Data), a.Size)
				}
			}
			if kept != tt.kept || tooLarge != tt.tooLarge || msg.Truncated != tt.truncated {
				t.Errorf("got kept %d, tooLarge %d, truncated %v; want %d, %d, %v",
					kept, tooLarge, msg.Truncated, tt.kept, tt.tooLarge, tt.truncated)
			}
		})
	}
}

// TestParse_SenderNotFolded: a sender's address is lower-cased in ASCII only (address.Lower),
// so a look-alike keeps the character that tells it apart.
func TestParse_SenderNotFolded(t *testing.T) {
	tests := []struct{ name, from, want string }{
		{"ASCII", "From: Phong QLDN <QLDN@BQLKCN.Example>", "qldn@bqlkcn.example"},
		{"KelvinSign", "From: QLDN <QLDN@BQL\u212ACN.example>", "qldn@bql\u212Acn.example"},
		{"DottedCapitalI", "From: \u0130NFO@x.vn", "\u0130nfo@x.vn"},
		{"IDN", "From: VP <VP@bắcninh.VN>", "vp@bắcninh.vn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, err := Parse(buildMail("x", tt.from, "Subject: s"), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if msg.From.Addr != tt.want {
				t.Errorf("From.Addr: got %q, want %q", msg.From.Addr, tt.want)
			}
		})
	}
}
