package intake

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"strings"
	"testing"
)

// zipOf builds a zip archive; a name ending in "/" is a folder, a nil content a folder too.
func zipOf(t testing.TB, files ...zipFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Flags: f.flags}
		if f.nonUTF8 {
			h.NonUTF8 = true
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(f.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type zipFile struct {
	name    string
	data    []byte
	flags   uint16
	nonUTF8 bool
}

var fakeXLSX = append([]byte("PK\x03\x04"), []byte("...xl/workbook.xml...")...)

func mailWithAttachment(name string, data []byte) []byte {
	b64 := base64.StdEncoding.EncodeToString(data)
	var lines []string
	for len(b64) > 76 {
		lines = append(lines, b64[:76])
		b64 = b64[76:]
	}
	lines = append(lines, b64)
	return buildMail("--b\nContent-Type: text/plain; charset=utf-8\n\nGửi báo cáo.\n--b\n"+
		"Content-Type: application/zip; name=\""+name+"\"\nContent-Disposition: attachment; filename=\""+name+"\"\n"+
		"Content-Transfer-Encoding: base64\n\n"+strings.Join(lines, "\n")+"\n--b--\n",
		"From: qldn@kcn.example", "Subject: Báo cáo", "MIME-Version: 1.0", `Content-Type: multipart/mixed; boundary="b"`)
}

func TestParse_ZipArchives(t *testing.T) {
	inner := zipOf(t, zipFile{name: "Báo cáo QLDN.xlsx", data: fakeXLSX})
	tests := []struct {
		name          string
		archive       []byte
		lim           Limits
		want          []string // name/kind/container of every attachment
		wantTruncated bool
	}{
		{
			name:    "workbook in a folder",
			archive: zipOf(t, zipFile{name: "Thang 11/"}, zipFile{name: "Thang 11/Báo cáo tháng 11.xlsx", data: fakeXLSX}),
			want:    []string{"bc.zip/zip/", "Báo cáo tháng 11.xlsx/xlsx/bc.zip"},
		},
		{
			name:    "macOS metadata left out",
			archive: zipOf(t, zipFile{name: "__MACOSX/._a.xlsx", data: []byte("x")}, zipFile{name: "._b.xlsx", data: []byte("x")}, zipFile{name: "a.xlsx", data: fakeXLSX}),
			want:    []string{"bc.zip/zip/", "a.xlsx/xlsx/bc.zip"},
		},
		{
			name:    "zip in a zip",
			archive: zipOf(t, zipFile{name: "inner.zip", data: inner}),
			want:    []string{"bc.zip/zip/", "inner.zip/zip/bc.zip", "Báo cáo QLDN.xlsx/xlsx/inner.zip"},
		},
		{
			name:          "zip in a zip beyond the depth",
			archive:       zipOf(t, zipFile{name: "inner.zip", data: inner}),
			lim:           Limits{MaxArchiveDepth: 1},
			want:          []string{"bc.zip/zip/", "inner.zip/zip/bc.zip"},
			wantTruncated: true,
		},
		{
			name:    "name in windows-1258 without the UTF-8 flag",
			archive: zipOf(t, zipFile{name: "B\xe1o c\xe1o.xlsx", data: fakeXLSX, nonUTF8: true}),
			want:    []string{"bc.zip/zip/", "Báo cáo.xlsx/xlsx/bc.zip"},
		},
		{
			name:          "too many files",
			archive:       zipOf(t, zipFile{name: "1.xlsx", data: fakeXLSX}, zipFile{name: "2.xlsx", data: fakeXLSX}, zipFile{name: "3.xlsx", data: fakeXLSX}),
			lim:           Limits{MaxArchiveFiles: 2},
			want:          []string{"bc.zip/zip/", "1.xlsx/xlsx/bc.zip", "2.xlsx/xlsx/bc.zip"},
			wantTruncated: true,
		},
		{
			name:    "not an archive",
			archive: []byte("PK\x03\x04 broken"),
			want:    []string{"bc.zip/zip/"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, err := Parse(mailWithAttachment("bc.zip", tt.archive), tt.lim)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range msg.Attachments {
				got = append(got, a.Name+"/"+a.Kind()+"/"+a.Container)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("attachments: got %q, want %q", got, tt.want)
			}
			if msg.Truncated != tt.wantTruncated {
				t.Errorf("Truncated: got %v, want %v", msg.Truncated, tt.wantTruncated)
			}
		})
	}
}

// A zip bomb: one entry that inflates far beyond the budget from a small archive. Reading stops
// at the budget, the entry is reported too large, and the rest of the budget stays free. The
// budget is smaller than the defaults, and the bomb with it (sixteen times the budget, as it was
// at 64 MiB against 4 MiB): the same path through Parse, without deflating 64 MiB under -race.
func TestParse_ZipBomb(t *testing.T) {
	const budget = 1 << 20
	bomb := zipOf(t, zipFile{name: "bom.xlsx", data: make([]byte, 16*budget)}, zipFile{name: "ok.xlsx", data: fakeXLSX})
	if len(bomb) > budget/16 {
		t.Fatalf("test archive is %d bytes; want a small bomb", len(bomb))
	}
	msg, err := Parse(mailWithAttachment("bom.zip", bomb), Limits{MaxAttachmentBytes: budget, MaxTotalBytes: 2 * budget})
	if err != nil {
		t.Fatal(err)
	}
	if len(msg.Attachments) != 3 {
		t.Fatalf("got %d attachments, want the archive and its 2 files", len(msg.Attachments))
	}
	b := msg.Attachments[1]
	if !b.TooLarge || b.Data != nil || b.Size < budget {
		t.Errorf("bomb entry: TooLarge %v, %d bytes kept, Size %d; want TooLarge, nothing kept, Size over the limit", b.TooLarge, len(b.Data), b.Size)
	}
	if ok := msg.Attachments[2]; ok.TooLarge || !bytes.Equal(ok.Data, fakeXLSX) {
		t.Errorf("file after the bomb: TooLarge %v, %d bytes; want it read whole", ok.TooLarge, len(ok.Data))
	}
}

func TestParse_EncryptedZipEntry(t *testing.T) {
	archive := zipOf(t, zipFile{name: "mat-khau.xlsx", data: []byte("ciphertext"), flags: 0x1})
	msg, err := Parse(mailWithAttachment("bc.zip", archive), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(msg.Attachments) != 2 || !msg.Attachments[1].Encrypted || msg.Attachments[1].Data != nil {
		t.Fatalf("got %+v, want the archive and an encrypted entry without data", msg.Attachments)
	}
}

// Outlook's winmail.dat: the files inside are attachments of the mail, marked with their
// container. The sample is MimeKit's rich-text Outlook 2016 message (tnef/testdata/SOURCES.tsv).
func TestParse_TNEF(t *testing.T) {
	dat, err := os.ReadFile("../tnef/testdata/rich-text_outlook16.dat")
	if err != nil {
		t.Fatal(err)
	}
	raw := bytes.Replace(mailWithAttachment("winmail.dat", dat), []byte("application/zip"), []byte("application/ms-tnef"), 1)
	msg, err := Parse(raw, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range msg.Attachments {
		got = append(got, fmt.Sprintf("%s/%s/%s/%d", a.Name, a.Kind(), a.Container, len(a.Data)))
	}
	want := []string{"winmail.dat/tnef//" + fmt.Sprint(len(dat)), "kitten-playing-with-a-christmas-tree.jpg/other/winmail.dat/375081"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("attachments: got %q, want %q", got, want)
	}
	// The byte budget holds inside winmail.dat too.
	msg, err = Parse(raw, Limits{MaxTotalBytes: len64(dat) + 1000})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(msg.Attachments); n != 1 {
		t.Errorf("with no budget left for the inner file: got %d attachments, want only winmail.dat", n)
	}
}

func len64(b []byte) int64 { return int64(len(b)) }
