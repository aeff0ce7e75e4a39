package templates

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/tonghop/tonghop/internal/zipflate"
)

// Content types of a workbook's main part, with and without macros.
const (
	contentTypeMacroMain = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
	contentTypeMain      = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
)

// macroPattern matches the names of parts holding code: the VBA project and its signatures, and
// Excel 4.0 macro sheets (XLM), which run on opening as well.
const macroPattern = `(?i:vbaProject[^"/]*|vbaData\.xml|(?:intl)?macrosheets/[^"]*)`

var macroName = regexp.MustCompile(`^` + macroPattern + `$`)

// isMacroPart reports whether a package part holds macro code.
func isMacroPart(name string) bool {
	name = strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/")
	return macroName.MatchString(path.Base(name)) || macroName.MatchString(strings.TrimPrefix(strings.ToLower(name), "xl/"))
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
var (
	macroElements = []*regexp.Regexp{
		regexp.MustCompile(`<Override\b[^>]*PartName="[^"]*` + macroPattern + `"[^>]*(?:/>|>\s*</Override>)`),
		regexp.MustCompile(`<Default\b[^>]*ContentType="application/vnd\.ms-office\.vbaProject"[^>]*(?:/>|>\s*</Default>)`),
	}
	macroRelationship = regexp.MustCompile(`<Relationship\b[^>]*Target="[^"]*` + macroPattern + `"[^>]*(?:/>|>\s*</Relationship>)`)
	relationshipID    = regexp.MustCompile(`\bId="([^"]*)"`)
)

// StripMacros returns a workbook (.xlsm) without its macros, as a plain .xlsx package: the VBA
// project and the Excel 4.0 macro sheets are dropped, with the content types, relationships,
// sheet entries and defined names that named them. Every other part is copied unchanged.
// stripped is false, and data returned as is, when there were no macros. Call it only on data
// Read accepted: it trusts the zip's sizes.
func StripMacros(data []byte) (out []byte, stripped bool, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, false, fmt.Errorf("strip macros: %w", err)
	}
	if !hasMacros(zr) {
		return data, false, nil
	}
	s := &stripper{ids: map[string]bool{}}
	if err := s.collectIDs(zr); err != nil {
		return nil, false, fmt.Errorf("strip macros: %w", err)
	}
	var buf bytes.Buffer
	zw := zipflate.NewWriter(&buf)
	for _, f := range zr.File {
		if isMacroPart(f.Name) {
			continue
		}
		if err := s.copyPart(zw, f); err != nil {
			return nil, false, fmt.Errorf("strip macros: %s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, false, fmt.Errorf("strip macros: %w", err)
	}
	return buf.Bytes(), true, nil
}

// stripper knows the relationship ids of the macro sheets, so the workbook's sheet list can drop
// them too.
type stripper struct {
	ids map[string]bool
}

func (s *stripper) collectIDs(zr *zip.Reader) error {
	for _, f := range zr.File {
		if !strings.EqualFold(path.Base(f.Name), "workbook.xml.rels") {
			continue
		}
		b, err := readPart(f)
		if err != nil {
			return err
		}
		for _, rel := range macroRelationship.FindAllString(string(b), -1) {
			if m := relationshipID.FindStringSubmatch(rel); m != nil {
				s.ids[m[1]] = true
			}
		}
	}
	return nil
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// copyPart copies one part, rewriting the content types, the relationships and the workbook.
func (s *stripper) copyPart(zw *zip.Writer, f *zip.File) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	name := strings.ToLower(path.Base(f.Name))
	if name != "[content_types].xml" && !strings.HasSuffix(name, ".rels") && name != "workbook.xml" {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		_, err = io.Copy(w, rc)
		return err
	}
	b, err := readPart(f)
	if err != nil {
		return err
	}
	text := string(b)
	for _, re := range macroElements {
		text = re.ReplaceAllString(text, "")
	}
	text = macroRelationship.ReplaceAllString(text, "")
	text = strings.ReplaceAll(text, contentTypeMacroMain, contentTypeMain)
	if name == "workbook.xml" {
		text = s.dropMacroSheets(text)
	}
	_, err = io.WriteString(w, text)
	return err
}

var (
	sheetElement = regexp.MustCompile(`<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"[^>]*\b\w+:id="([^"]*)"[^>]*(?:/>|>\s*</(?:\w+:)?sheet>)`)
	definedName  = regexp.MustCompile(`(?s)<(?:\w+:)?definedName\b[^>]*>(.*?)</(?:\w+:)?definedName>`)
)

// dropMacroSheets removes the macro sheets from the workbook's sheet list, and the defined names
// (Auto_Open and the like) that refer to them.
func (s *stripper) dropMacroSheets(text string) string {
	var names []string
	text = sheetElement.ReplaceAllStringFunc(text, func(el string) string {
		m := sheetElement.FindStringSubmatch(el)
		if !s.ids[m[2]] {
			return el
		}
		names = append(names, m[1])
		return ""
	})
	if len(names) == 0 {
		return text
	}
	return definedName.ReplaceAllStringFunc(text, func(el string) string {
		body := definedName.FindStringSubmatch(el)[1]
		for _, n := range names {
			if strings.Contains(body, n+"!") || strings.Contains(body, "'"+strings.ReplaceAll(n, "'", "''")+"'!") {
				return ""
			}
		}
		return el
	})
}
