package tnef

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// readReceipt is a TNEF stream as Outlook sends a read receipt: the class in attMessageClass and
// in PR_MESSAGE_CLASS, and the receipt's text.
func readReceipt(class string) []byte {
	return newStream().
		attr(levelMessage, idMessageClass, []byte(class+"\x00")).
		attr(levelMessage, idMsgProps, new(propList).unicode(prMessageClass, class).
			unicode(prBody, "Your message was read.").bytes()).bytes()
}

func TestMessageClass(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr error
	}{
		{name: "ReadReceipt", in: readReceipt("REPORT.IPM.Note.IPNRN"), want: "REPORT.IPM.Note.IPNRN"},
		{name: "NotReadReport", in: readReceipt("REPORT.IPM.Note.IPNNRN"), want: "REPORT.IPM.Note.IPNNRN"},
		{name: "LegacyReadReceipt", in: newStream().attr(levelMessage, idMessageClass,
			[]byte("IPM.Microsoft Mail.Read Receipt\x00")).bytes(), want: "Report.IPM.Note.IPNRN"},
		{name: "LegacyNote", in: newStream().attr(levelMessage, idMessageClass,
			[]byte("IPM.Microsoft Mail.Note\x00")).bytes(), want: "IPM.Note"},
		{name: "PropertyOnly", in: newStream().attr(levelMessage, idMsgProps,
			new(propList).string8(prMessageClass, []byte("REPORT.IPM.Note.DR")).bytes()).bytes(), want: "REPORT.IPM.Note.DR"},
		{name: "AttributeWins", in: newStream().attr(levelMessage, idMessageClass, []byte("IPM.Note\x00")).
			attr(levelMessage, idMsgProps, new(propList).unicode(prMessageClass, "REPORT.IPM.Note.IPNRN").bytes()).bytes(), want: "IPM.Note"},
		{name: "NoClass", in: twoFiles(), want: ""},
		{name: "AttachmentLevelIgnored", in: newStream().attr(levelAttachment, idMessageClass,
			[]byte("REPORT.IPM.Note.IPNRN\x00")).bytes(), want: ""},
		{name: "Outlook16Sample", in: readSample(t, "rich-text_outlook16.dat"), want: "IPM.Note"},
		{name: "ExchangeOnlineSample", in: readSample(t, "ukr_exchange_online.dat"), want: "IPM.Note"},
		{name: "ErrCorruptAfterClass", in: append(readReceipt("REPORT.IPM.Note.IPNRN"), rawAttr(levelMessage, idBody, 1<<20)...),
			want: "REPORT.IPM.Note.IPNRN", wantErr: ErrCorrupt},
		{name: "ErrNotTNEF", in: []byte("PK\x03\x04"), wantErr: ErrNotTNEF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MessageClass(tt.in)
			if got != tt.want || !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Errorf("got %q, %v; want %q, %v", got, err, tt.want, tt.wantErr)
			}
			if tt.wantErr != nil {
				return
			}
			if m, err := DecodeMessage(tt.in, Limits{}); err != nil || m.Class != tt.want {
				t.Errorf("DecodeMessage: got class %q, %v; want %q", m.Class, err, tt.want)
			}
		})
	}
}

func TestIsReport(t *testing.T) {
	for class, want := range map[string]bool{
		"REPORT.IPM.Note.IPNRN": true, "Report.IPM.Note.IPNNRN": true, "report.ipm.note.ndr": true,
		"IPM.Note": false, "": false, "REPORT": false, "IPM.Note.REPORT.x": false,
	} {
		if got := IsReport(class); got != want {
			t.Errorf("IsReport(%q): got %v, want %v", class, got, want)
		}
	}
}

// FuzzMessageClass: any input gives a short valid class without control characters, an error
// from the documented set, and the class DecodeMessage finds when both read the whole stream.
func FuzzMessageClass(f *testing.F) {
	f.Add(readReceipt("REPORT.IPM.Note.IPNRN"))
	f.Add(readSample(f, "ukr_exchange_online.dat"))
	f.Add(twoFiles())
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := MessageClass(in)
		if err != nil && !errors.Is(err, ErrNotTNEF) && !errors.Is(err, ErrCorrupt) {
			t.Fatalf("got error %v, want one wrapping ErrNotTNEF or ErrCorrupt", err)
		}
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > maxClassRunes {
			t.Fatalf("class %q: want valid UTF-8 of at most %d characters", got, maxClassRunes)
		}
		for _, r := range got {
			if r < ' ' || r == 0x7f {
				t.Fatalf("class %q keeps a control character", got)
			}
		}
		if m, derr := DecodeMessage(in, Limits{}); err == nil && derr == nil && m.Class != got {
			t.Fatalf("DecodeMessage got class %q, MessageClass %q", m.Class, got)
		}
	})
}
