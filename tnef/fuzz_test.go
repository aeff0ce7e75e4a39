package tnef

import (
	"errors"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzDecode checks what callers rely on for any input: no panic, errors
// from the documented set, limits kept, names valid NFC without
// directories, and Decode agreeing with DecodeMessage on top-level files.
func FuzzDecode(f *testing.F) {
	f.Add(readSample(f, "rich-text_outlook16.dat"))
	f.Add(readSample(f, "ukr_exchange_online.dat"))
	f.Add(twoFiles())
	f.Add(newStream().codePage(1258).file(name1258, workbook,
		new(propList).namedString("Url", 1).multiShort(0x6801, 1).variable(ptObject, prAttachDataBin,
			embeddedObject("in.xlsx", sheet2)).long(prAttachMethod, 5)).bytes())
	lim := Limits{MaxFiles: 5, MaxBytes: 1 << 20}
	f.Fuzz(func(t *testing.T, in []byte) {
		files, err := Decode(in, lim)
		if err != nil && !errors.Is(err, ErrNotTNEF) && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrTooLarge) {
			t.Fatalf("got error %v, want one wrapping ErrNotTNEF, ErrCorrupt or ErrTooLarge", err)
		}
		checkFuzzFiles(t, files, lim)
		m, _ := DecodeMessage(in, lim)
		if len(m.Files) < len(files) {
			t.Fatalf("DecodeMessage got %d top-level files, Decode %d", len(m.Files), len(files))
		}
	})
}

func checkFuzzFiles(t *testing.T, files []File, lim Limits) {
	if len(files) > lim.MaxFiles {
		t.Fatalf("got %d files, limit %d", len(files), lim.MaxFiles)
	}
	var total int64
	for _, f := range files {
		total += int64(len(f.Data))
		if !utf8.ValidString(f.Name) || !norm.NFC.IsNormalString(f.Name) {
			t.Fatalf("name %q is not valid NFC", f.Name)
		}
		if len(f.Name) > 0 && (f.Name == ".." || containsAny(f.Name, `/\`)) {
			t.Fatalf("name %q keeps a directory", f.Name)
		}
	}
	if total > lim.MaxBytes {
		t.Fatalf("got %d bytes, limit %d", total, lim.MaxBytes)
	}
}

func containsAny(s, chars string) bool {
	for _, r := range s {
		for _, c := range chars {
			if r == c {
				return true
			}
		}
	}
	return false
}
