package templates

import (
	"archive/zip"
	"bytes"
	"errors"
	"testing"
)

// TestRead_FileExactlyAtLimit: a workbook of exactly MaxFileBytes is read; with a limit one
// byte smaller it is refused as too large, before anything is unzipped.
func TestRead_FileExactlyAtLimit(t *testing.T) {
	f := builtin(t, "BM.02.01/KH")
	data := fill(t, generate(t, f), f, sampleData(f))
	size := int64(len(data))
	rep, err := Read(data, allForms(), testSecret, Limits{MaxFileBytes: size})
	if err != nil || len(rep.Errors) != 0 || !rep.Filled.Ident.TagOK {
		t.Errorf("at the limit (%d bytes): got %v, errors %q; want the workbook read", size, err, problemKeys(rep.Errors))
	}
	rep, err = Read(data, allForms(), testSecret, Limits{MaxFileBytes: size - 1})
	if !errors.Is(err, ErrUnreadable) || len(rep.Errors) != 1 || rep.Errors[0].Message == "" {
		t.Errorf("one byte over: got %v, errors %+v; want ErrUnreadable with the size message", err, rep.Errors)
	}
}

// TestRead_UnzipExactlyAtLimits: a workbook whose parts inflate to exactly MaxUnzipBytes in
// all, or whose largest XML part is exactly MaxXMLBytes, is read, by the precheck and by
// excelize alike; one byte less of either limit refuses it.
func TestRead_UnzipExactlyAtLimits(t *testing.T) {
	f := builtin(t, "BM.02.01/KH")
	data := fill(t, generate(t, f), f, sampleData(f))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var total, largestXML int64
	for _, zf := range zr.File {
		total += int64(zf.UncompressedSize64)
		if isXMLPart(zf.Name) {
			largestXML = max(largestXML, int64(zf.UncompressedSize64))
		}
	}
	tests := []struct {
		name string
		lim  Limits
		ok   bool
	}{
		{"UnzipAtLimit", Limits{MaxUnzipBytes: total}, true},
		{"UnzipOverLimit", Limits{MaxUnzipBytes: total - 1}, false},
		{"XMLAtLimit", Limits{MaxXMLBytes: largestXML}, true},
		{"XMLOverLimit", Limits{MaxXMLBytes: largestXML - 1}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Read(data, allForms(), testSecret, tc.lim)
			if ok := err == nil && len(rep.Errors) == 0; ok != tc.ok {
				t.Errorf("got %v, errors %q; want read %v (total %d bytes, largest XML part %d)",
					err, problemKeys(rep.Errors), tc.ok, total, largestXML)
			}
		})
	}
}
