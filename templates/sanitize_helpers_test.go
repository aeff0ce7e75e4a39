package templates

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"maps"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Hand-written packages for Sanitize: what an attacker would attach to an approval reply, each
// part as Excel writes it, with what Excel would not write (a VBA project under an .xlsx name, a
// DDE formula) written raw.

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relNS  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
)

// hostileParts is a workbook, saved as .xlsx, carrying a VBA project with the macro-enabled
// main type, a link to another workbook (part, relationship, reference and defined name), a
// relationship to a sheet on a web server, a DDE formula, a HYPERLINK formula, an outside hyperlink, a formula without a computed value,
// a calculation chain, a conditional format and a data validation.
func hostileParts() map[string]string {
	return map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>
<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="` + relNS + `officeDocument" Target="xl/workbook.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
		"docProps/core.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Lãnh đạo</dc:creator></cp:coreProperties>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ` + nsMain + `><workbookPr codeName="ThisWorkbook"/>
<bookViews><workbookView activeTab="0"/></bookViews>
<sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets>
<externalReferences><externalReference r:id="rId3"/></externalReferences>
<definedNames>
<definedName name="_xlnm.Print_Titles" localSheetId="0">'Số liệu'!$1:$1</definedName>
<definedName name="Ngoai">[1]Sheet1!$A$1</definedName>
<definedName name="Lenh">cmd|'/c calc'!A1</definedName>
<definedName name="TinhToan">SUM('Số liệu'!$A$1:$A$2)</definedName>
<definedName name="Auto_Open" function="1">'Số liệu'!$A$1</definedName>
<definedName name="Nhan">"Báo cáo (bản sửa) | lãnh đạo"</definedName>
</definedNames><calcPr calcId="191029"/></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="` + relNS + `worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>
<Relationship Id="rId3" Type="` + relNS + `externalLink" Target="externalLinks/externalLink1.xml"/>
<Relationship Id="rId4" Type="` + relNS + `calcChain" Target="calcChain.xml"/>
<Relationship Id="rId5" Type="` + relNS + `sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId6" Type="` + relNS + `worksheet" Target="http://attacker.example/sheet.xml" TargetMode="External"/>
</Relationships>`,
		"xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>Tổng cộng</t></si></sst>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ` + nsMain + `><sheetViews><sheetView workbookViewId="0"><f>cmd|'/c calc'!A1</f></sheetView></sheetViews><sheetData>
<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="str"><f>HYPERLINK("http://x","y")</f><v>y</v></c><c r="C1"><f>cmd|'/c calc'!A1</f><v>0</v></c><c r="D1"><f>NOW()</f></c><c r="E1" t="inlineStr"><is><t>Hà Nội</t></is></c><c r="F1" t="inlineStr"><is><f>cmd|'/c calc'!A1</f><t>Có</t></is></c></row>
<row r="2"><c r="A2"><v>2</v></c><c r="B2" t="s"><v>0</v></c><c r="C2"><f>[1]Sheet1!$A$1</f><v>7</v></c><c r="D2" t="b"><f>A1&gt;0</f><v>1</v></c></row>
<row r="3"><c r="A3"><f>SUM(A1:A2)</f><v>3</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
</sheetData>
<conditionalFormatting sqref="A1:A3"><cfRule type="expression" priority="1"><formula>cmd|'/c calc'!A1</formula></cfRule></conditionalFormatting>
<dataValidations count="1"><dataValidation type="list" sqref="A1"><formula1>[1]Sheet1!$A$1:$A$3</formula1></dataValidation></dataValidations>
<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="A2" location="'Số liệu'!A3" display="Tổng"/></hyperlinks>
</worksheet>`,
		"xl/worksheets/_rels/sheet1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="` + relNS + `hyperlink" Target="http://attacker.example/" TargetMode="External"/>
</Relationships>`,
		"xl/externalLinks/externalLink1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<externalLink ` + nsMain + `><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>`,
		"xl/externalLinks/_rels/externalLink1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="` + relNS + `externalLinkPath" Target="file:///C:/evil.xlsx" TargetMode="External"/>
</Relationships>`,
		"xl/calcChain.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A3" i="1"/></calcChain>`,
		"xl/vbaProject.bin": "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1Attribute VB_Name = \"ThisWorkbook\"\nSub Workbook_Open()\nShell \"calc\"\nEnd Sub\n",
	}
}

// zipParts writes parts as a zip, in a stable order.
func zipParts(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	names := slices.Sorted(maps.Keys(parts))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, parts[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// unzipParts reads every part of a package.
func unzipParts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		b, err := readPart(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(b)
	}
	return out
}

// auditClean fails the test when a sanitized package holds anything Sanitize must remove (see
// auditPackage), or a formula excelize could find.
func auditClean(t testing.TB, clean []byte) {
	t.Helper()
	auditCleanValues(t, clean)
}

// auditCleanValues is auditClean returning the package's cell values as cellValues reads them.
//
// excelize reads a cell's formula from its <f> element and from nothing else, so a package
// without one has no formula excelize could find, whichever part it reads a sheet from:
// auditPackage looked for <f> in the sheets and the workbook, element by element; every other
// part is searched here for an f tag, as bytes.
func auditCleanValues(t testing.TB, clean []byte) map[string]string {
	t.Helper()
	for name, text := range auditPackage(t, clean) {
		if !elementsAudited(name) && hasFormulaTag(text) {
			t.Errorf("%s holds <f>, a cell's formula to excelize", name)
		}
	}
	return cellValues(t, clean)
}

// hasFormulaTag says whether text holds a start tag named f, prefixed or not, wherever it is
// (in a comment too) and whatever encoding the part declares.
func hasFormulaTag(text string) bool {
	for {
		i := strings.IndexByte(text, '<')
		if i < 0 {
			return false
		}
		text = text[i+1:]
		end := strings.IndexAny(text, " \t\r\n/>")
		if end < 0 {
			return false // no tag is whole after this one
		}
		if name := text[:end]; name[strings.LastIndexByte(name, ':')+1:] == "f" {
			return true
		}
	}
}

// elementsAudited says whether auditPackage checks part name element by element: a sheet or
// the workbook.
func elementsAudited(name string) bool {
	return isSheetPart(name) || name == "xl/workbook.xml"
}

// isSheetPart says whether name is where a sanitized package keeps a worksheet.
func isSheetPart(name string) bool {
	return strings.HasPrefix(name, "xl/worksheets/sheet") && path.Ext(name) == ".xml"
}

// auditPackage fails the test when a sanitized package holds a formula, a formula's string type,
// a macro part or type, an external link part or relationship, a part outside the plain
// workbook's, an extension. It returns the package's parts, by name.
func auditPackage(t testing.TB, clean []byte) map[string]string {
	t.Helper()
	allowed := map[string]bool{"[Content_Types].xml": true, "_rels/.rels": true, "docProps/core.xml": true,
		"docProps/app.xml": true, "docProps/custom.xml": true, "xl/workbook.xml": true, "xl/_rels/workbook.xml.rels": true,
		"xl/styles.xml": true, "xl/theme/theme1.xml": true, "xl/sharedStrings.xml": true}
	parts := unzipParts(t, clean)
	for name, text := range parts {
		sheet := isSheetPart(name)
		switch {
		case !allowed[name] && !sheet:
			t.Errorf("part %s carried over", name)
		case isMacroPart(name), strings.Contains(strings.ToLower(name), "externallink"):
			t.Errorf("part %s carried over", name)
		case strings.Contains(text, "macroEnabled"), strings.Contains(text, "vbaProject"):
			t.Errorf("%s names macros", name)
		case strings.Contains(text, `TargetMode="External"`):
			t.Errorf("%s holds an external relationship", name)
		case sheet && strings.Contains(text, ` t="str"`):
			t.Errorf("%s holds a formula's string (t=\"str\") without its formula", name)
		}
		if elementsAudited(name) {
			for _, el := range elementNames(t, name, text) {
				switch el {
				case "f", "formula", "formula1", "formula2", "externalReferences", "extLst", "AlternateContent", "drawing", "legacyDrawing", "oleObjects", "controls",
					"conditionalFormatting", "dataValidations", "tableParts":
					t.Errorf("%s holds <%s>", name, el)
				}
			}
		}
	}
	return parts
}

// elementNames lists the local names of a part's elements.
func elementNames(t testing.TB, name, text string) []string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(text))
	var out []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if el, ok := tok.(xml.StartElement); ok {
			out = append(out, el.Name.Local)
		}
	}
}

// cellValues reads every non-empty cell of every sheet, "Sheet!A1" → formatted value.
func cellValues(t testing.TB, data []byte) map[string]string {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	defer x.Close()
	out := map[string]string{}
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					out[sheet+"!"+cell] = v
				}
			}
		}
	}
	return out
}
