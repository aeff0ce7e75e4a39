package tnef

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"
)

// kittenSHA256 is the JPEG inside rich-text_outlook16.dat, as hashed by an
// independent Python reader of the attribute records.
const kittenSHA256 = "f79d79bf20d19d17f4bbc92bc59485be362df93deaa92b71cc0d490d3b7ac935"

func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func TestDecode_Samples(t *testing.T) {
	t.Run("Outlook16RichText", func(t *testing.T) {
		got, err := Decode(readSample(t, "rich-text_outlook16.dat"), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		// Two more attachments are a task and an appointment (attached
		// messages): Decode skips them, placeholder text and all.
		if len(got) != 1 {
			t.Fatalf("got %d files %q, want 1", len(got), names(got))
		}
		if want := "kitten-playing-with-a-christmas-tree.jpg"; got[0].Name != want {
			t.Errorf("got name %q, want %q", got[0].Name, want)
		}
		if len(got[0].Data) != 375081 || sha(got[0].Data) != kittenSHA256 {
			t.Errorf("got %d bytes sha256 %s, want 375081 bytes %s", len(got[0].Data), sha(got[0].Data), kittenSHA256)
		}
	})
	t.Run("ExchangeOnlineNoAttachments", func(t *testing.T) {
		got, err := Decode(readSample(t, "ukr_exchange_online.dat"), Limits{})
		if err != nil || len(got) != 0 {
			t.Fatalf("got %d files, error %v; want none, nil", len(got), err)
		}
	})
}

func TestDecodeMessage_Samples(t *testing.T) {
	t.Run("Outlook16RichTextEmbedded", func(t *testing.T) {
		m, err := DecodeMessage(readSample(t, "rich-text_outlook16.dat"), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Files) != 1 || len(m.Embedded) != 2 {
			t.Fatalf("got %d files, %d attached messages; want 1, 2", len(m.Files), len(m.Embedded))
		}
		task, appt := m.Embedded[0], m.Embedded[1]
		if !strings.HasPrefix(task.Body, "Build my nephew an HO-scale train table") || len(task.Files) != 0 {
			t.Errorf("task: got body %q and %d files, want the train table and none", task.Body, len(task.Files))
		}
		if len(appt.Files) != 1 || appt.Files[0].Name != "kitten-playing-with-a-christmas-tree.jpg" ||
			sha(appt.Files[0].Data) != kittenSHA256 {
			t.Errorf("appointment: got files %q, want the kitten", names(appt.Files))
		}
		if m.BadChecksums != 0 {
			t.Errorf("got %d bad checksums, want 0", m.BadChecksums)
		}
	})
	t.Run("ExchangeOnlineHTML", func(t *testing.T) {
		m, err := DecodeMessage(readSample(t, "ukr_exchange_online.dat"), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if len(m.HTML) != 830 || !bytes.HasPrefix(m.HTML, []byte("<html>")) || m.Body != "" {
			t.Errorf("got %d bytes of HTML %.20q, body %q; want 830 bytes of <html>, no body", len(m.HTML), m.HTML, m.Body)
		}
	})
}

func TestDecodeMessage(t *testing.T) {
	bodyProps := new(propList).unicode(prBody, "Kính gửi Văn phòng,\r\nđơn vị gửi báo cáo.").
		variable(ptBinary, prHTML, []byte("<p>x</p>"))
	withProps := newStream().codePage(1258).attr(levelMessage, idBody, []byte("old body\x00")).
		attr(levelMessage, idMsgProps, bodyProps.bytes())
	nested := func(depth int) []byte {
		s := newStream().file([]byte("deep.xlsx"), workbook, nil).bytes()
		for range depth {
			obj := append(bytes.Clone(iidMessage), s...)
			s = newStream().file([]byte("Untitled Attachment"), nil,
				new(propList).variable(ptObject, prAttachDataBin, obj).long(prAttachMethod, 5)).bytes()
		}
		return s
	}
	tests := []struct {
		name     string
		in       []byte
		lim      Limits
		body     string
		html     string
		embedded int
		wantErr  error
	}{
		{name: "BodyFromProperties", in: withProps.bytes(), body: "Kính gửi Văn phòng,\r\nđơn vị gửi báo cáo.", html: "<p>x</p>"},
		{name: "AttBody1258", in: newStream().codePage(1258).attr(levelMessage, idBody, name1258).bytes(), body: "Kế hoạch đầu năm.xls"},
		{name: "Embedded", in: nested(1), embedded: 1},
		{name: "EmbeddedDepthBounded", in: nested(maxDepth + 2), embedded: 1},
		{name: "ErrBodyTooLarge", in: withProps.bytes(), lim: Limits{MaxBytes: 5}, wantErr: ErrTooLarge},
		{name: "ErrTooManyFilesInTree", in: append(newStream().file([]byte("top.xlsx"), workbook, nil).bytes(), nested(1)[6:]...),
			lim: Limits{MaxFiles: 1}, embedded: 1, wantErr: ErrTooLarge},
		{name: "ErrCorruptEmbedded", in: newStream().file(nil, nil, new(propList).long(prAttachMethod, 5).
			variable(ptObject, prAttachDataBin, append(bytes.Clone(iidMessage), 0x78, 0x9F, 0x3E, 0x22, 1, 0, 9))).bytes(),
			embedded: 1, wantErr: ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := DecodeMessage(tt.in, tt.lim)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if m.Body != tt.body || string(m.HTML) != tt.html || len(m.Embedded) != tt.embedded {
				t.Errorf("got body %q, html %q, %d attached messages; want %q, %q, %d",
					m.Body, m.HTML, len(m.Embedded), tt.body, tt.html, tt.embedded)
			}
		})
	}
}

func TestDecodeMessage_DepthAndBadChecksums(t *testing.T) {
	w := newStream()
	w.attrSum(levelMessage, idMessageClass, []byte("IPM.Note\x00"), 1)
	obj := append(bytes.Clone(iidMessage), newStream().file([]byte("in.xlsx"), sheet2, nil).bytes()...)
	w.file([]byte("Untitled Attachment"), []byte("placeholder"),
		new(propList).variable(ptObject, prAttachDataBin, obj).long(prAttachMethod, 5))
	m, err := DecodeMessage(w.bytes(), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if m.BadChecksums != 1 || len(m.Files) != 0 || len(m.Embedded) != 1 {
		t.Fatalf("got %d bad checksums, %d files, %d attached; want 1, 0, 1", m.BadChecksums, len(m.Files), len(m.Embedded))
	}
	checkFiles(t, m.Embedded[0].Files, []File{{"in.xlsx", sheet2}})
}

// TestDecode_HugeLengthsAllocateLittle checks that lengths are compared to
// the input before anything is allocated for them.
func TestDecode_HugeLengthsAllocateLittle(t *testing.T) {
	inputs := map[string][]byte{
		"Attribute": append(newStream().bytes(), rawAttr(levelAttachment, idAttachData, 0x7FFFFFF0)...),
		"Value": newStream().file([]byte("a"), nil, func() *propList {
			p := new(propList)
			p.head(ptBinary, prAttachDataBin)
			p.u32(1)
			p.u32(0x7FFFFFF0)
			return p
		}()).bytes(),
		"Count": newStream().file([]byte("a"), nil, &propList{n: 0xFFFFFFFF}).bytes(),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := DecodeMessage(in, Limits{})
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("got error %v, want ErrCorrupt", err)
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
				t.Errorf("got %d bytes allocated, want under 64 KiB", n)
			}
		})
	}
}
