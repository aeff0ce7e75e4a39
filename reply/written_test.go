package reply

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWritten_PerProgram checks quote stripping for every mail program,
// on the plain body, the HTML body, and both together.
func TestWritten_PerProgram(t *testing.T) {
	const typed = "Duyệt nhưng sửa lại mục 2.\nCảm ơn em"
	programs := []client{gmailWeb, gmailSigned, gmailVi, gmailAndroid, gmailIOS, outlookDesktop, outlookVi, owa, outlookMobile,
		outlookAndroidVi, appleMail, appleMailVi, iPhone, iPhoneVi, thunderbird, thunderbirdVi, thunderbirdBelow,
		zimbra, zimbraVi, yahooWeb, yahooAndroid, windowsMail, samsungMail, hotmailOld, aolWeb}
	for _, cl := range programs {
		plain, html := cl.build(typed)
		t.Run(cl.name+"/plain", func(t *testing.T) {
			if got := Written(plain, ""); got != typed {
				t.Errorf("got %q, want %q", got, typed)
			}
		})
		if html == "" {
			continue
		}
		t.Run(cl.name+"/html", func(t *testing.T) {
			if got := Written("", html); got != typed {
				t.Errorf("got %q, want %q", got, typed)
			}
		})
		t.Run(cl.name+"/both", func(t *testing.T) {
			if got := Written(plain, html); got != typed {
				t.Errorf("got %q, want %q", got, typed)
			}
		})
	}
}

func TestWritten_Markers(t *testing.T) {
	tests := []struct {
		name, plain, html, want string
	}{
		{"Gmail attribution wrapped over three lines",
			"Duyệt\n\nOn Fri, Nov 20, 2026 at 9:12 AM Phòng Kế hoạch tổng hợp của Ban Quản lý\ncác khu công nghiệp tỉnh <tonghop@x.gov.vn>\nwrote:\n\n> Trình duyệt\n", "", "Duyệt"},
		{"attribution without a date is the person's text",
			"Như anh đã viết:\nsửa mục 2\n", "", "Như anh đã viết:\nsửa mục 2"},
		{"quoted attribution (iOS) and Sent from my iPad",
			"Đồng ý\n\nSent from my iPad\n\n> On 20 Nov 2026, at 09:12, X <x@y.vn> wrote:\n>\n> Trình\n", "", "Đồng ý"},
		{"Outlook header with bold markers in plain text",
			"Duyệt\n\n*From:* X <x@y.vn>\n*Sent:* Friday, November 20, 2026 9:12 AM\n*To:* Y\n", "", "Duyệt"},
		{"Gmail forward marker",
			"Anh Tuấn xem giúp\n\n---------- Forwarded message ---------\nFrom: X <x@y.vn>\nDate: Fri\n", "", "Anh Tuấn xem giúp"},
		{"Apple forward marker", "Xem\n\nBegin forwarded message:\n\nFrom: X\n", "", "Xem"},
		{"Thunderbird Vietnamese forward", "Chuyển\n\n-------- Thư đã chuyển tiếp --------\nChủ đề: a\n", "", "Chuyển"},
		{"-- signature", "Duyệt\n-- \nNguyễn Văn Hùng\nTrưởng Ban\n", "", "Duyệt"},
		{"Sent from Outlook for Android", "Duyệt\n\nSent from Outlook for Android\n", "", "Duyệt"},
		{"Gửi từ Yahoo Mail trên Android", "Duyệt\n\nGửi từ Yahoo Mail trên Android\n", "", "Duyệt"},
		{"Gửi từ phường X is the person's text", "Gửi từ phường X thiếu số liệu\n", "", "Gửi từ phường X thiếu số liệu"},
		{"request token removed", "Duyệt [TH BM.02.01/KH 2026-11 v2]\n", "", "Duyệt"},
		{"wrapped instruction line removed",
			"Duyệt\nTrả lời thư này: Duyệt / Đồng ý để duyệt; hoặc ghi\ný kiến cần sửa.\n", "", "Duyệt"},
		{"own sentence about replying is kept", "Duyệt\nEm trả lời thư này hộ anh là chưa đồng ý\n", "",
			"Duyệt\nEm trả lời thư này hộ anh là chưa đồng ý"},
		{"instruction quoted without > and wrapped over three lines",
			"Ok\nTrả lời thư này: Duyệt /\nĐồng ý để duyệt; hoặc ghi ý kiến\ncần sửa.\nKhông\n", "", "Ok\nKhông"},
		{"full instruction line with its second sentence", "Ok\n" + requestInstruction + "\n", "", "Ok"},
		{"instruction line wrapped at 76 columns", "Ok\n> Trả lời thư này: Duyệt / Đồng ý để duyệt; hoặc ghi ý kiến cần sửa. Nếu\nsửa trực tiếp trên tệp, xin gửi kèm tệp đã sửa khi trả lời.\nChưa\n", "", "Ok\nChưa"},
		{"CRLF line endings", "Duyệt\r\n\r\nOn Fri, Nov 20, 2026 at 9:12 AM X <x@y.vn> wrote:\r\n> a\r\n", "", "Duyệt"},
		{"NFD attribution", nfd("Đồng ý\n\nVào 20 thg 11, 2026, lúc 09:12, X <x@y.vn> đã viết:\n\n> Trình\n"), "", nfd("Đồng ý")},
		{"HTML: Outlook separator div", "", `<p>Duyệt</p><div style="border:none; border-top:solid #B5C4DF 1.0pt; padding:3.0pt 0cm 0cm 0cm"><p><b>Từ:</b> X</p></div><p>Trả lời thư này: Duyệt</p>`, "Duyệt"},
		{"HTML: Thunderbird cite prefix", "", `<p>Đồng ý</p><div class="moz-cite-prefix">Vào 20/11/2026 09:12, X đã viết:<br></div><blockquote type="cite">Duyệt?</blockquote>`, "Đồng ý"},
		{"HTML: Yahoo quoted", "", `<div>Ok anh</div><div class="yahoo_quoted">On Friday… wrote:<div>Trình</div></div>`, "Ok anh"},
		{"HTML: style and head are not text", "", `<html><head><title>Re</title><style>p{color:red}</style></head><body><p>Duyệt</p></body></html>`, "Duyệt"},
		{"HTML: table signature cells", "", `<p>Duyệt</p><table><tr><td>Nguyễn Văn Hùng</td><td>Trưởng Ban</td></tr></table>`, "Duyệt\nNguyễn Văn Hùng Trưởng Ban"},
		{"HTML: entities and nbsp", "", `<div>Đồng&nbsp;ý&#46;</div>`, "Đồng\u00a0ý."},
		{"HTML: escaped > quoting (old Hotmail)", "", `Hello<br><br><div>&gt; Subject: Test<br>&gt; Hi<br></div>`, "Hello"},
		{"plain without structure, HTML with a quote: HTML wins", "Duyệt\n\nTrình duyệt báo cáo\n",
			`<div>Duyệt</div><blockquote>Trình duyệt báo cáo</blockquote>`, "Duyệt"},
		{"plain with structure wins over HTML", "Duyệt\n\n> Trình\n", `<div>Duyệt nhé</div><blockquote>Trình</blockquote>`, "Duyệt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Written(tc.plain, tc.html); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestWritten_Corpus reads real replies from the shared corpus (see
// testdata/SOURCES.tsv): each says "Hello" (or a short sentence) above or
// below the quote.
func TestWritten_Corpus(t *testing.T) {
	tests := []struct{ file, want string }{
		{"reply__talon_gmail.eml", "Hello"},
		{"reply__talon_outlook.eml", "Hello"},
		{"reply__talon_apple_mail.eml", "Hello"},
		{"reply__talon_thunderbird.eml", "Hello"},
		{"reply__talon_yahoo.eml", "Hello"},
		{"reply__talon_hotmail.eml", "Hello"},
		{"reply__talon_iphone.eml", "Hello"},
		{"reply__talon_aol.eml", "Hello"},
		{"reply__webklex_issue-412_outlook.eml", "Here is my reply to your reply.\n\nTony Marston"},
		{"reply__mail_raw_email_reply_tb1.eml", "Message body"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			plain, html := readEML(t, filepath.Join("testdata", "eml", tc.file))
			if got := Written(plain, html); got != tc.want {
				t.Errorf("Written: got %q, want %q", got, tc.want)
			}
			if html != "" {
				if got := Written("", html); strings.TrimSpace(got) == "" {
					t.Errorf("Written of the HTML body alone: got nothing")
				}
			}
			if got := Read(plain, html); got.Decision != Unclear {
				t.Errorf("Read: got %s (%s), want unclear", got.Decision, got.Reason)
			}
		})
	}
}

// readEML returns the text/plain and text/html bodies of a mail file.
func readEML(t *testing.T, path string) (plain, html string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	var walk func(header map[string][]string, body io.Reader)
	walk = func(header map[string][]string, body io.Reader) {
		h := mail.Header(header)
		mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
		if err != nil {
			mediaType = "text/plain"
		}
		if strings.HasPrefix(mediaType, "multipart/") {
			mr := multipart.NewReader(body, params["boundary"])
			for {
				part, err := mr.NextRawPart()
				if err != nil {
					return
				}
				walk(part.Header, part)
			}
		}
		if strings.EqualFold(h.Get("Content-Transfer-Encoding"), "quoted-printable") {
			body = quotedprintable.NewReader(body)
		}
		data, err := io.ReadAll(body)
		if err != nil {
			t.Fatalf("read body of %s: %v", path, err)
		}
		switch mediaType {
		case "text/plain":
			plain = string(data)
		case "text/html":
			html = string(data)
		}
	}
	walk(msg.Header, msg.Body)
	return plain, html
}
