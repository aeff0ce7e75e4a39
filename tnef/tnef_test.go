package tnef

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"testing"

	"golang.org/x/text/unicode/norm"
)

var (
	workbook = []byte("PK\x03\x04 a workbook, not a real one")
	sheet2   = []byte("PK\x03\x04 another workbook")
	// "Kế hoạch đầu năm.xls" in windows-1258: tone marks as combining bytes.
	name1258 = []byte("K\xea\xec ho\x61\xf2ch \xf0\xe2\xccu n\xe3m.xls")
)

// embeddedObject is a PR_ATTACH_DATA_OBJ value holding a message with one file.
func embeddedObject(name string, data []byte) []byte {
	inner := newStream().file(nil, data, new(propList).unicode(prAttachLongName, name)).bytes()
	return append(bytes.Clone(iidMessage), inner...)
}

// twoFiles is a stream with two attachments, the second one last.
func twoFiles() []byte {
	return newStream().codePage(1258).
		file([]byte("BAOCAO~1.XLS"), workbook, new(propList).unicode(prAttachLongName, "Báo cáo tháng 11.xlsx")).
		file([]byte("Bieu 2.xlsx"), sheet2, nil).bytes()
}

// rawAttr is an attribute header with any length, for lengths that lie.
func rawAttr(level byte, id, length uint32) []byte {
	b := []byte{level}
	b = binary.LittleEndian.AppendUint32(b, id)
	return binary.LittleEndian.AppendUint32(b, length)
}

func manyFiles(n int) []byte {
	w := newStream()
	for i := range n {
		w.file(fmt.Appendf(nil, "f%d.xlsx", i), []byte{byte(i)}, nil)
	}
	return w.bytes()
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		lim     Limits
		want    []File
		wantErr error
	}{
		{name: "UnicodeLongName", in: newStream().codePage(1252).file([]byte("BAOCAO~1.XLS"), workbook,
			new(propList).namedString("AttachmentOriginalUrl", 7).multiString(0x6800, "a", "bcdef").
				boolean(0x7FFE).multiShort(0x6801, 1, 2, 3).long(0x8005, 9).
				unicode(prAttachLongName, "Báo cáo tháng 11.xlsx").long(prAttachMethod, 1)).bytes(),
			want: []File{{"Báo cáo tháng 11.xlsx", workbook}}},
		{name: "DecomposedNameToNFC", in: newStream().file(nil, workbook,
			new(propList).unicode(prAttachLongName, norm.NFD.String("Báo cáo tháng 11.xlsx"))).bytes(),
			want: []File{{"Báo cáo tháng 11.xlsx", workbook}}},
		{name: "Windows1258Title", in: newStream().codePage(1258).file(name1258, workbook, nil).bytes(),
			want: []File{{"Kế hoạch đầu năm.xls", workbook}}},
		{name: "Windows1258LongNameString8", in: newStream().codePage(1258).file([]byte("KEHOAC~1.XLS"), workbook,
			new(propList).string8(prAttachLongName, name1258)).bytes(),
			want: []File{{"Kế hoạch đầu năm.xls", workbook}}},
		{name: "CodePageAfterTitle", in: append(newStream().file(name1258, workbook, nil).bytes(),
			newStream().codePage(1258).bytes()[6:]...),
			want: []File{{"Kế hoạch đầu năm.xls", workbook}}},
		{name: "DefaultWindows1252", in: newStream().file([]byte("R\xe9sum\xe9.xls"), workbook, nil).bytes(),
			want: []File{{"Résumé.xls", workbook}}},
		{name: "UnknownCodePageIs1252", in: newStream().codePage(9999).file([]byte("R\xe9sum\xe9.xls"), workbook, nil).bytes(),
			want: []File{{"Résumé.xls", workbook}}},
		{name: "TwoAttachments", in: twoFiles(),
			want: []File{{"Báo cáo tháng 11.xlsx", workbook}, {"Bieu 2.xlsx", sheet2}}},
		{name: "FilenameWhenNoLongName", in: newStream().file(nil, workbook,
			new(propList).string8(prAttachFilename, []byte("BAOCAO.XLS"))).bytes(),
			want: []File{{"BAOCAO.XLS", workbook}}},
		{name: "DataInProperties", in: newStream().file([]byte("x.xlsx"), nil,
			new(propList).variable(ptBinary, prAttachDataBin, workbook)).bytes(),
			want: []File{{"x.xlsx", workbook}}},
		{name: "EmbeddedMessageSkipped", in: newStream().
			file([]byte("Untitled Attachment"), []byte("This attachment is a MAPI 1.0 embedded message"),
				new(propList).variable(ptObject, prAttachDataBin, embeddedObject("in.xlsx", sheet2)).long(prAttachMethod, 5)).
			file([]byte("after.xlsx"), workbook, nil).bytes(),
			want: []File{{"after.xlsx", workbook}}},
		{name: "OLEObjectSkipped", in: newStream().file([]byte("Picture"), []byte("ole"),
			new(propList).long(prAttachMethod, 6)).bytes()},
		{name: "NoDataSkipped", in: newStream().file([]byte("ref.xlsx"), nil, nil).bytes()},
		{name: "EmptyFile", in: newStream().file([]byte("empty.xlsx"), []byte{}, nil).bytes(),
			want: []File{{"empty.xlsx", nil}}},
		{name: "NoName", in: newStream().file(nil, workbook, nil).bytes(), want: []File{{"", workbook}}},
		{name: "WindowsPathStripped", in: newStream().file(nil, workbook,
			new(propList).unicode(prAttachLongName, `C:\Users\ke toan\..\Báo cáo.xlsx`)).bytes(),
			want: []File{{"Báo cáo.xlsx", workbook}}},
		{name: "UnixPathStripped", in: newStream().file([]byte("../../etc/passwd"), workbook, nil).bytes(),
			want: []File{{"passwd", workbook}}},
		{name: "DotDotIsNoName", in: newStream().file([]byte(".."), workbook, nil).bytes(), want: []File{{"", workbook}}},
		{name: "BadChecksumTolerated", in: func() []byte {
			w := newStream()
			w.attr(levelAttachment, idAttachRendData, make([]byte, 14))
			w.attr(levelAttachment, idAttachTitle, []byte("a.xlsx\x00"))
			return w.attrSum(levelAttachment, idAttachData, workbook, 0xBEEF).bytes()
		}(), want: []File{{"a.xlsx", workbook}}},
		{name: "AttributeBeforeRendData", in: newStream().attr(levelAttachment, idAttachData, workbook).bytes(),
			want: []File{{"", workbook}}},
		{name: "SignatureAndKeyOnly", in: newStream().bytes()},

		{name: "ErrNotTNEF", in: []byte("PK\x03\x04"), wantErr: ErrNotTNEF},
		{name: "ErrNotTNEFEmpty", in: nil, wantErr: ErrNotTNEF},
		{name: "ErrNoLegacyKey", in: []byte{0x78, 0x9F, 0x3E, 0x22, 0x01}, wantErr: ErrCorrupt},
		{name: "ErrTruncatedInData", in: func() []byte { s := twoFiles(); return s[:len(s)-10] }(),
			want: []File{{"Báo cáo tháng 11.xlsx", workbook}}, wantErr: ErrCorrupt},
		{name: "ErrTruncatedInPropsKeepsData", in: func() []byte {
			s := newStream().file([]byte("BAOCAO~1.XLS"), workbook, new(propList).unicode(prAttachLongName, "x.xlsx")).bytes()
			return s[:len(s)-8]
		}(), want: []File{{"BAOCAO~1.XLS", workbook}}, wantErr: ErrCorrupt},
		{name: "ErrTruncatedChecksum", in: func() []byte { s := twoFiles(); return s[:len(s)-1] }(),
			want: []File{{"Báo cáo tháng 11.xlsx", workbook}}, wantErr: ErrCorrupt},
		{name: "ErrLengthPastEnd", in: append(append(newStream().bytes(),
			rawAttr(levelAttachment, idAttachData, 11)...), "0123456789"...), wantErr: ErrCorrupt},
		{name: "ErrHugeLength", in: append(newStream().bytes(), rawAttr(levelAttachment, idAttachData, 0xFFFFFFFF)...),
			wantErr: ErrCorrupt},
		{name: "ErrUnknownLevel", in: append(twoFiles(), rawAttr(7, idAttachData, 0)...),
			want: []File{{"Báo cáo tháng 11.xlsx", workbook}, {"Bieu 2.xlsx", sheet2}}, wantErr: ErrCorrupt},
		{name: "ErrUnknownPropertyTypeKeepsFile", in: newStream().file([]byte("a.xlsx"), workbook,
			new(propList).long(0x0999, 1).variable(0x0999, prAttachLongName, []byte("b.xlsx"))).bytes(),
			want: []File{{"a.xlsx", workbook}}, wantErr: ErrCorrupt},
		{name: "ErrHugeValueCountKeepsFile", in: func() []byte {
			p := new(propList)
			p.head(ptBinary|mvFlag, 0x6802)
			p.u32(0x40000000)
			return newStream().file([]byte("a.xlsx"), workbook, p).bytes()
		}(), want: []File{{"a.xlsx", workbook}}, wantErr: ErrCorrupt},
		{name: "ErrHugePropertyCount", in: newStream().file([]byte("a.xlsx"), workbook,
			&propList{n: 0xFFFFFFFF}).bytes(), want: []File{{"a.xlsx", workbook}}, wantErr: ErrCorrupt},
		{name: "ErrTooManyFiles", in: twoFiles(), lim: Limits{MaxFiles: 1},
			want: []File{{"Báo cáo tháng 11.xlsx", workbook}}, wantErr: ErrTooLarge},
		{name: "ErrTooManyBytes", in: twoFiles(), lim: Limits{MaxBytes: int64(len(workbook)) + 1},
			want: []File{{"Báo cáo tháng 11.xlsx", workbook}}, wantErr: ErrTooLarge},
		{name: "ErrDefaultMaxFiles", in: manyFiles(DefaultMaxFiles + 1), wantErr: ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in, tt.lim)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if tt.name == "ErrDefaultMaxFiles" {
				if len(got) != DefaultMaxFiles {
					t.Fatalf("got %d files, want %d", len(got), DefaultMaxFiles)
				}
				return
			}
			checkFiles(t, got, tt.want)
		})
	}
}

// checkFiles compares names and contents.
func checkFiles(t *testing.T, got, want []File) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d files %q, want %d", len(got), names(got), len(want))
	}
	for i := range want {
		if got[i].Name != want[i].Name {
			t.Errorf("file %d: got name %q, want %q", i, got[i].Name, want[i].Name)
		}
		if !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("file %d: got data %q, want %q", i, got[i].Data, want[i].Data)
		}
	}
}

func names(fs []File) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

func TestIsTNEF(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want bool
	}{
		{"Stream", twoFiles(), true},
		{"SignatureOnly", []byte{0x78, 0x9F, 0x3E, 0x22}, true},
		{"Short", []byte{0x78, 0x9F, 0x3E}, false},
		{"Zip", []byte("PK\x03\x04"), false},
		{"Nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsTNEF(tt.in); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDecode_DataDoesNotAliasInput(t *testing.T) {
	in := twoFiles()
	got, err := Decode(in, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range in {
		in[i] = 0
	}
	checkFiles(t, got, []File{{"Báo cáo tháng 11.xlsx", workbook}, {"Bieu 2.xlsx", sheet2}})
}
