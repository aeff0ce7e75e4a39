package intake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// att is the expected shape of one attachment in a corpus mail.
type att struct {
	name, kind string
	forwarded  bool
}

func TestParse_Corpus(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		from      string
		subject   string
		text      string // substring of Message.Text
		atts      []att
		automatic bool
	}{
		{name: "Gmail reply", file: "reply__talon_gmail.eml", from: "xxx@gmail.com", subject: "Re: Test",
			text: "On Mon, Apr 2, 2012 at 6:26 PM, Megan One <xxx@gmail.com> wrote:\n\n> Hi"},
		{name: "Outlook reply", file: "reply__talon_outlook.eml", from: "me@example.com", subject: "Test",
			text: "From: xxx@xxx.mailgun.org [mailto:xxx@xxx.mailgun.org]"},
		{name: "Outlook.com reply", file: "reply__webklex_issue-412_outlook.eml", from: "tonymarston@hotmail.com",
			subject: "RE: TEST MESSAGE", text: "Here is my reply to your reply."},
		{name: "Apple Mail reply latin-1", file: "reply__talon_apple_mail.eml", from: "xxx@gmail.com",
			subject: "Re: Test", text: "On Apr 3, 2012, at 4:19 PM, bob wrote:\n\n> Hi"},
		{name: "Zimbra forward", file: "fwd__mimeparser_issue158d_zimbra.eml", from: "dhaswell@zedcore.com",
			subject: "Fwd: Test 6", text: "This is the forward email",
			atts: []att{{name: "", kind: KindOther}}},
		{name: "Exchange 2007 bounce", file: "bounce__sisimai_exchange2007-01.eml", from: "mailer-daemon@example.com",
			subject: "Undeliverable: Nyaan", text: "Delivery has failed",
			atts: []att{{kind: KindOther}, {kind: KindOther}}, automatic: true},
		{name: "Office 365 bounce", file: "bounce__flanker_office365.eml", from: "postmaster@example.no",
			subject: "Undeliverable: test_bounce 8", atts: []att{{kind: KindOther}, {kind: KindOther}}, automatic: true},
		{name: "Exim bounce", file: "bounce__webklex_example_bounce_exim.eml", from: "mailer-daemon@sslproxy01.your-server.de",
			subject: "Mail delivery failed", atts: []att{{kind: KindOther}, {kind: KindOther}}, automatic: true},
		{name: "Postfix bounce", file: "bounce__flanker_mailbox-full.eml", from: "mailer-daemon@aol.com",
			subject: "Undelivered Mail Returned to Sender", atts: []att{{kind: KindOther}, {kind: KindOther}}, automatic: true},
		{name: "Hotmail bounce utf-7", file: "bounce__sisimai_outlook-01_utf7.eml", from: "postmaster@mail.hotmail.example.com",
			subject: "Delivery Status Notification (Failure)", text: "Delivery to the following recipients failed.",
			atts: []att{{kind: KindOther}, {kind: KindOther}}, automatic: true},
		{name: "RFC 3834 auto-reply", file: "autoreply__sisimai_rfc3834-06.eml", from: "noreply@example.com",
			subject: "AutoRespons :Nyaan?", text: "is no longer in use", automatic: true},
		{name: "Outlook auto-reply without headers", file: "autoreply__mimeparser_issue212_polish.eml",
			subject: "Automatyczna odpowiedź: Piotrze, test z 6 miesięcy nauki ciągle na Ciebie czeka", text: "toto", automatic: true},
		{name: "xlsx RFC 2047 in quoted filename", file: "fname__webklex_issue-410b_xlsx.eml", from: "from@there.com",
			subject: "386 - 400021804 - 19., Heiligenstädter Straße 80 - 0819306 - Anfrage Vergabevorschlag",
			atts:    []att{{name: "2021_Mängelliste_0819306.xlsx", kind: KindXLSX}}},
		{name: "xlsx as octet-stream, cp1251 header", file: "fname__webklex_mixed_filename_xlsx_cp1251.eml",
			from: "support@part-kom.ru", subject: "Свежий прайс-лист",
			atts: []att{{name: "Price4VladDaKar.xlsx", kind: KindXLSX}}},
		{name: "xls with RFC 2047 name", file: "fname__webklex_attachment_encoded_filename_xls.eml",
			atts: []att{{name: "Prostřeno_2014_poslední volné termíny.xls", kind: KindXLS}}},
		{name: "RFC 2231 continuations", file: "fname__webklex_attachment_long_filename.eml",
			atts: []att{
				{name: "Buchungsbestätigung- Rechnung-Geschäftsbedingungen-Nr.B123-45 - XXXXX xxxxxxxxxxxxxxxxx XxxX, Lüxxxxxxxxxx - VM Klaus XXXXXX - xxxxxxxx.pdf", kind: KindOther},
				{name: "01_A€àä????@Z-0123456789-qwertyuiopasdfghjklzxcvbnmopqrstuvz-0123456789-qwertyuiopasdfghjklzxcvbnmopqrstuvz-0123456789-qwertyuiopasdfghjklzxcvbnmopqrstuvz.txt", kind: KindOther},
				{name: "02_A€àäąбيد@Z-0123456789-qwertyuiopasdfghjklzxcvbnmopqrstuvz-0123456789-qwertyuiopasdfghjklzxcvbnmopqrstuvz-0123456789-qwertyuiopasdfghjklzxcvbnmopqrstuvz.txt", kind: KindOther},
			}},
		{name: "raw 8-bit filename", file: "fname__enmime_mime-bad-8bit-filename.eml", from: "pavel.bazika@some.domain",
			subject: "Malformed test", text: "Text part", atts: []att{{name: "管理.doc", kind: KindOther}}},
		{name: "Yahoo raw UTF-8 filename cut mid-character", file: "fname__flanker_russian-attachment-yahoo.eml",
			from: "mailboxaddr1234567@yahoo.com", subject: "Hello", text: "Hello",
			atts: []att{{name: "Картинка с очень, очень длинным предлинным именем преименем таким чт", kind: KindOther}}},
		{name: "Korean Outlook ks_c_5601", file: "fname__mimeparser_m0018_ks_c_5601.eml", from: "name@company.com",
			subject: "[Korea] Name", text: "My traveling companions!",
			atts: []att{{name: "사진.JPG", kind: KindOther}, {name: "ATT00001.txt", kind: KindOther}}},
		{name: "Apple Mail raw 8-bit filename", file: "fname__mail_attachment_nonascii_filename.eml", from: "foo@example.com",
			subject: "testing", text: "This is the first part.", atts: []att{{name: "ciële.txt", kind: KindOther}}},
		{name: "Exchange forward with workbooks inside", file: "fwd__webklex_embedded_email_no_disposition.eml",
			from: "demo@cerstor.cz", subject: "Subject", text: "TexT",
			atts: []att{
				{name: "file.jpg", kind: KindOther}, {name: "", kind: KindOther},
				{name: "file1.xlsx", kind: KindXLSX, forwarded: true}, {name: "file2.xlsx", kind: KindXLSX, forwarded: true},
				{name: "file3.xlsx", kind: KindXLSX}, {name: "file4.zip", kind: KindZip},
			}},
		{name: "Apple Mail forward as attachment", file: "fwd__mail_attachment_message_rfc822.eml", from: "foo@example.com",
			subject: "testing", atts: []att{{name: "ForwardedMessage.eml", kind: KindOther}, {name: "broken.pdf", kind: KindOther, forwarded: true}}},
		{name: "malformed base64", file: "charset__enmime_malformed-base64-attach.eml", from: "james@makita.skynet",
			subject: "Attachment", text: "A text section", atts: []att{{name: "some.doc", kind: KindOther}}},
		{name: "raw latin-1 display name, list mail", file: "charset__flanker_from-encoding.eml", from: "ingo@blank.pages.de",
			subject: "Re: running server as root (Was: Re: PUT method)", text: "Marc Slemko wrote:", automatic: true},
		{name: "UTF-8 body labelled us-ascii", file: "charset__enmime_incorrect-charset.eml", from: "james@makita.skynet",
			subject: "plain text", text: "∮ E⋅da = Q"},
		{name: "Exchange Online TNEF koi8-r", file: "tnef__mimekit_ukr_exchange_online.eml", from: "rrtest1@xink.io",
			subject: "rr test 7", text: "шостий", atts: []att{{name: "winmail.dat", kind: KindTNEF}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := parseFile(t, tt.file)
			if msg.From.Addr != tt.from {
				t.Errorf("From.Addr: got %q, want %q", msg.From.Addr, tt.from)
			}
			if msg.Subject != tt.subject {
				t.Errorf("Subject: got %q, want %q", msg.Subject, tt.subject)
			}
			if !strings.Contains(msg.Text, tt.text) {
				t.Errorf("Text: got %q, want it to contain %q", msg.Text, tt.text)
			}
			if got := msg.IsAutomatic(); got != tt.automatic {
				t.Errorf("IsAutomatic: got %v, want %v", got, tt.automatic)
			}
			checkAttachments(t, msg.Attachments, tt.atts)
		})
	}
}

func parseFile(t *testing.T, file string) *Message {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	msg, err := Parse(raw, Limits{})
	if err != nil {
		t.Fatalf("Parse(%s): got error %v, want nil", file, err)
	}
	return msg
}

func checkAttachments(t *testing.T, got []Attachment, want []att) {
	t.Helper()
	if len(got) != len(want) {
		var names []string
		for _, a := range got {
			names = append(names, a.Name+" ("+a.ContentType+")")
		}
		t.Fatalf("attachments: got %d %q, want %d", len(got), names, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Name != w.name || g.Kind() != w.kind || g.Forwarded != w.forwarded {
			t.Errorf("attachment %d: got %q kind %s forwarded %v, want %q kind %s forwarded %v",
				i, g.Name, g.Kind(), g.Forwarded, w.name, w.kind, w.forwarded)
		}
		if !g.TooLarge && int64(len(g.Data)) != g.Size {
			t.Errorf("attachment %d: got %d data bytes, want Size %d", i, len(g.Data), g.Size)
		}
	}
}

func TestParse_Envelope(t *testing.T) {
	msg := parseFile(t, "reply__webklex_issue-412_outlook.eml")
	if want := "PAXP193MB2364F1160B9E7C559D7D897ABB489@PAXP193MB2364.EURP193.PROD.OUTLOOK.COM"; msg.MessageID != want {
		t.Errorf("MessageID: got %q, want %q", msg.MessageID, want)
	}
	if msg.InReplyTo == "" || len(msg.References) == 0 {
		t.Errorf("InReplyTo %q, References %q: want both set", msg.InReplyTo, msg.References)
	}
	if msg.Date.IsZero() {
		t.Error("Date: got zero, want the header's date")
	}
	if msg.From.Name != "Tony Marston" {
		t.Errorf("From.Name: got %q, want %q", msg.From.Name, "Tony Marston")
	}

	latin := parseFile(t, "charset__flanker_from-encoding.eml")
	if want := "Ingo Lütkebohle"; latin.From.Name != want {
		t.Errorf("raw latin-1 From.Name: got %q, want %q", latin.From.Name, want)
	}

	data := parseFile(t, "fname__webklex_mixed_filename_xlsx_cp1251.eml").Attachments[0].Data
	if !strings.HasPrefix(string(data), "PK\x03\x04") {
		t.Errorf("xlsx data: got prefix %q, want a zip header", data[:min(4, len(data))])
	}
}
