package templates

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// fuzzBook is a workbook of one sheet, "S", with the given shared strings and sheet data.
func fuzzBook(t testing.TB, sharedStrings, sheetData string) []byte {
	const main = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	return zipOf(t,
		"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
			`<Default Extension="xml" ContentType="application/xml"/>`+
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`+
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="`+rel+`/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml", `<workbook `+main+` xmlns:r="`+rel+`"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="`+rel+`/worksheet" Target="worksheets/sheet1.xml"/>`+
			`<Relationship Id="rId2" Type="`+rel+`/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		sstPart, sstOpen+sharedStrings+"</sst>",
		sheetPart, sheetOpen+sheetData+"</sheetData></worksheet>",
	)
}

// FuzzReadBudget checks the text budget against excelize itself, on shared strings and sheet
// data the fuzzer writes, with a cell limit of 8 characters: once the long text is cut, no
// shared string excelize decodes is longer than that, and the characters counted are at least
// those of the cells excelize reads, each cut to the limit as load cuts it.
func FuzzReadBudget(f *testing.F) {
	long := strings.Repeat("Nội dung ", 3)
	seeds := [][2]string{
		{"<si><t>" + long + "</t></si>", `<row r="1"><c r="A1" t="s"><v>0</v></c><c t="s"><v>0</v></c></row>`},
		{`<si><r><t>abcdef</t></r><r><t>ghijkl</t></r><rPh><t>xyz</t></rPh></si><si><t>a&amp;b<![CDATA[<c>]]>defghij</t></si>`,
			`<row r="1"><c t="s"><v>1</v></c><c t="s"><v> 0 </v></c><c t="s"><v>x</v></c></row>`},
		{`<si><si/><t>` + long + `</t></si>`, `<row r="1"><c t="s"><c><v>0</v></c></c><c t="s"><v>0<v>1</v></v></c></row>`},
		{"", `<row r="1"><c t="inlineStr"><is><t>` + long + `</t></is><is><r><t>` + long + `</t></r></is></c></row>`},
		{"<si><t>abc</t></si>", `<row r="1"><c t="str"><f>A1</f><v>` + long + `</v></c><c t="s"><is><v>0</v></is></c></row>`},
		{"<si><t>" + long + "</t></si>", `<row r="1"><c t="s"><v>0</v></x></row>`},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	const cell, maxChars = 8, 400
	f.Fuzz(func(t *testing.T, sharedStrings, sheetData string) {
		data := fuzzBook(t, sharedStrings, sheetData)
		text, err := scanText(t, data, maxChars, cell)
		switch {
		case errors.Is(err, errTooManyChars):
			return
		case err != nil:
			return // a structure the check refuses
		case text.total > maxChars:
			t.Fatalf("counted %d characters, over the budget of %d", text.total, maxChars)
		}
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		defer x.Close()
		if err := text.apply(x, 1<<20); err != nil {
			t.Fatalf("apply: %v", err)
		}
		read := excelizeChars(x, cell)
		if read > text.total {
			t.Fatalf("excelize reads %d characters, more than the %d counted", read, text.total)
		}
		if x.SharedStrings != nil {
			for i, si := range x.SharedStrings.SI {
				if n := utf8.RuneCountInString(si.String()); n > cell {
					t.Fatalf("shared string %d has %d characters after the cut, over %d", i, n, cell)
				}
			}
		}
	})
}

// excelizeChars is the number of characters excelize reads from sheet S, each cell cut to cell
// characters.
func excelizeChars(x *excelize.File, cell int) int {
	rows, err := x.Rows("S")
	if err != nil {
		return 0
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		cells, _ := rows.Columns(excelize.Options{RawCellValue: true})
		for _, c := range cells {
			n += min(utf8.RuneCountInString(c), cell)
		}
	}
	return n
}
