// Package xlsxbomb builds hostile workbooks for tests and benches: small files made to cost a
// reader time and memory out of all proportion to their size. It rewrites the parts of a real
// workbook (a template made by templates.Generate), so the result still reads as that form.
package xlsxbomb

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Phrase is what the long string repeats: Vietnamese, so that normalising it costs what a real
// text costs, and compressible, so that the file stays small.
const Phrase = "Nội dung công việc trọng tâm "

// SharedString describes a shared-string bomb: one very long string in the shared strings,
// referenced by many cells of a sheet. The file stays a few kilobytes; a reader that copies or
// normalises the string per cell reads gigabytes.
type SharedString struct {
	Sheet    string // name of the sheet whose cells reference the string
	FirstRow int    // first row of referencing cells (the row below the table's header)
	Columns  int    // referencing cells per row, from column B
	Cells    int    // referencing cells in all
	Chars    int    // characters of the string
	Phrase   string // what the string repeats, XML-escaped; default Phrase
}

// Build returns book with the string appended to its shared strings and the sheet's rows from
// FirstRow on replaced by rows of cells referencing it.
func (s SharedString) Build(book []byte) ([]byte, error) {
	if s.FirstRow < 1 || s.Columns < 1 || s.Columns > 26 || s.Cells < 1 || s.Chars < 1 {
		return nil, fmt.Errorf("xlsxbomb: bad shape %+v", s)
	}
	parts, names, err := unzip(book)
	if err != nil {
		return nil, err
	}
	sheetPart, err := sheetPart(parts, s.Sheet)
	if err != nil {
		return nil, err
	}
	sst, ok := parts["xl/sharedStrings.xml"]
	if !ok {
		return nil, errors.New("xlsxbomb: no xl/sharedStrings.xml")
	}
	index := bytes.Count(sst, []byte("<si>")) + bytes.Count(sst, []byte("<si "))
	phrase := cmp.Or(s.Phrase, Phrase)
	long := strings.Repeat(phrase, s.Chars/len([]rune(phrase))+1)
	long = string([]rune(long)[:s.Chars])
	sst = bytes.Replace(sst, []byte("</sst>"), []byte("<si><t>"+long+"</t></si></sst>"), 1)
	parts["xl/sharedStrings.xml"] = countRe.ReplaceAll(sst, []byte(` count="`+strconv.Itoa(index+1+s.Cells)+`" uniqueCount="`+strconv.Itoa(index+1)+`"`))
	parts[sheetPart], err = s.rows(parts[sheetPart], index)
	if err != nil {
		return nil, err
	}
	return rezip(parts, names)
}

var (
	countRe = regexp.MustCompile(` count="\d+" uniqueCount="\d+"`)
	rowRe   = regexp.MustCompile(`(?s)<row r="(\d+)"[^>]*?(?:/>|>.*?</row>)`)
)

// rows replaces the sheet's rows from FirstRow on with the referencing cells.
func (s SharedString) rows(sheet []byte, index int) ([]byte, error) {
	start := bytes.Index(sheet, []byte("<sheetData>"))
	end := bytes.Index(sheet, []byte("</sheetData>"))
	if start < 0 || end < start {
		return nil, errors.New("xlsxbomb: sheet without sheetData")
	}
	var out bytes.Buffer
	out.Write(sheet[:start+len("<sheetData>")])
	for _, m := range rowRe.FindAllSubmatch(sheet[start:end], -1) {
		if n, _ := strconv.Atoi(string(m[1])); n < s.FirstRow {
			out.Write(m[0])
		}
	}
	for row, left := s.FirstRow, s.Cells; left > 0; row++ {
		fmt.Fprintf(&out, `<row r="%d">`, row)
		// The first cell names its column; the others follow it, which compresses better.
		fmt.Fprintf(&out, `<c r="B%d" t="s"><v>%d</v></c>`, row, index)
		for c := 1; c < s.Columns && left > 1; c, left = c+1, left-1 {
			fmt.Fprintf(&out, `<c t="s"><v>%d</v></c>`, index)
		}
		left--
		out.WriteString("</row>")
	}
	out.Write(sheet[end:])
	return out.Bytes(), nil
}

// sheetPart finds the part of the sheet named name through the workbook's relationships.
func sheetPart(parts map[string][]byte, name string) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(parts["xl/workbook.xml"], &wb); err != nil {
		return "", fmt.Errorf("xlsxbomb: workbook: %w", err)
	}
	if err := xml.Unmarshal(parts["xl/_rels/workbook.xml.rels"], &rels); err != nil {
		return "", fmt.Errorf("xlsxbomb: workbook relationships: %w", err)
	}
	for _, sh := range wb.Sheets {
		if sh.Name != name {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == sh.ID {
				return strings.TrimPrefix(path.Join("xl", r.Target), "/"), nil
			}
		}
	}
	return "", fmt.Errorf("xlsxbomb: no sheet %q", name)
}

func unzip(data []byte) (map[string][]byte, []string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, fmt.Errorf("xlsxbomb: %w", err)
	}
	parts := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, nil, fmt.Errorf("xlsxbomb: %s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("xlsxbomb: %s: %w", f.Name, err)
		}
		parts[f.Name] = b
		names = append(names, f.Name)
	}
	return parts, names, nil
}

func rezip(parts map[string][]byte, names []string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, name := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(parts[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
