package templates

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
)

// Content types of a workbook's main part, with and without macros.
const (
	contentTypeMacroMain = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
	contentTypeMain      = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
)

// isMacroPart reports whether a package part holds VBA code or its signature.
func isMacroPart(name string) bool {
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, `\`, "/")))
	return strings.HasPrefix(base, "vbaproject") || base == "vbadata.xml"
}

func hasMacros(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if isMacroPart(f.Name) {
			return true
		}
	}
	return false
}

// Elements naming macro parts, written self-closed or with an end tag.
var macroElements = []*regexp.Regexp{
	regexp.MustCompile(`<Override\b[^>]*PartName="[^"]*(?i:vbaProject|vbaData)[^"]*"[^>]*(?:/>|>\s*</Override>)`),
	regexp.MustCompile(`<Default\b[^>]*ContentType="application/vnd\.ms-office\.vbaProject"[^>]*(?:/>|>\s*</Default>)`),
	regexp.MustCompile(`<Relationship\b[^>]*(?i:vbaProject|vbaData)[^>]*(?:/>|>\s*</Relationship>)`),
}

// StripMacros returns a workbook (.xlsm) without its VBA project, as a plain .xlsx package: the
// macro parts are dropped, and the content types and relationships that named them are fixed.
// Every other part is copied unchanged. stripped is false, and data returned as is, when there
// were no macros. Call it only on data Read accepted: it trusts the zip's sizes.
func StripMacros(data []byte) (out []byte, stripped bool, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, false, fmt.Errorf("strip macros: %w", err)
	}
	if !hasMacros(zr) {
		return data, false, nil
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if isMacroPart(f.Name) {
			continue
		}
		if err := copyPart(zw, f); err != nil {
			return nil, false, fmt.Errorf("strip macros: %s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, false, fmt.Errorf("strip macros: %w", err)
	}
	return buf.Bytes(), true, nil
}

// copyPart copies one part, rewriting the content types and relationship parts.
func copyPart(zw *zip.Writer, f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	name := strings.ToLower(f.Name)
	if name != "[content_types].xml" && !strings.HasSuffix(name, ".rels") {
		_, err = io.Copy(w, rc)
		return err
	}
	b, err := io.ReadAll(rc)
	if err != nil {
		return err
	}
	s := string(b)
	for _, re := range macroElements {
		s = re.ReplaceAllString(s, "")
	}
	s = strings.ReplaceAll(s, contentTypeMacroMain, contentTypeMain)
	_, err = io.WriteString(w, s)
	return err
}
