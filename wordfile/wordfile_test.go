package wordfile

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestRead_Paragraphs(t *testing.T) {
	style := func(id string) string { return `<w:pPr><w:pStyle w:val="` + id + `"/></w:pPr>` }
	list := func(ilvl int) string {
		return `<w:pPr><w:numPr><w:ilvl w:val="` + string(rune('0'+ilvl)) + `"/><w:numId w:val="1"/></w:numPr></w:pPr>`
	}
	body := p(style("Heading1"), "I. TÌNH HÌNH CHUNG") +
		p("", "Trong tháng, đơn vị đã hoàn thành kế hoạch.") +
		p(list(0), "KẾT QUẢ THỰC HIỆN") +
		p(list(1), "Công tác chuyên môn") +
		p(list(2), "Thu ngân sách") +
		p(list(2), "Chi ngân sách") +
		p(list(1), "Công tác khác") +
		p(list(3), "Không tính được") +
		p(list(4), "Gạch đầu dòng") +
		p(style("Muc"), "PHƯƠNG HƯỚNG") +
		p(style("TieuDe2"), "1.1. Mục con") +
		p(`<w:pPr><w:outlineLvl w:val="2"/></w:pPr>`, "a) Đề mục trực tiếp") +
		p(`<w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/></w:pPr>`, "Thân bài") +
		p(style("Loop1"), "Vòng") +
		`<w:p><w:r><w:t>Giữ </w:t></w:r><w:del w:id="1"><w:r><w:delText>bỏ</w:delText></w:r></w:del>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t> hộp</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t> hộp</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>` +
		`<w:tbl><w:tr><w:tc>` + p("", "Chỉ tiêu") + `</w:tc><w:tc>` + p("", "Số") + p("", "liệu") + `</w:tc></w:tr>` +
		`<w:tr><w:tc><w:tbl><w:tr><w:tc>` + p("", "x") + `</w:tc><w:tc>` + p("", "y") + `</w:tc></w:tr></w:tbl></w:tc><w:tc>` + p("", "2") + `</w:tc></w:tr></w:tbl>` +
		p("", "Sau bảng")
	doc, err := Read(docx(t, parts(body, "")), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Paragraph{
		{Style: "Heading1", Heading: 1, Numbering: "I.", Text: "TÌNH HÌNH CHUNG"},
		{Text: "Trong tháng, đơn vị đã hoàn thành kế hoạch."},
		{Numbering: "I.", Text: "KẾT QUẢ THỰC HIỆN"},
		{Numbering: "1.", Text: "Công tác chuyên môn"},
		{Numbering: "a)", Text: "Thu ngân sách"},
		{Numbering: "b)", Text: "Chi ngân sách"},
		{Numbering: "2.", Text: "Công tác khác"},
		{Text: "Không tính được"},
		{Text: "Gạch đầu dòng"},
		{Style: "Muc", Heading: 1, Numbering: "II.", Text: "PHƯƠNG HƯỚNG"},
		{Style: "TieuDe2", Heading: 2, Numbering: "1.1.", Text: "Mục con"},
		{Heading: 3, Numbering: "a)", Text: "Đề mục trực tiếp"},
		{Style: "Heading1", Text: "Thân bài"},
		{Style: "Loop1", Text: "Vòng"},
		{Text: "Giữ 3 hộp"},
		{Text: "Sau bảng"},
	}
	if !reflect.DeepEqual(doc.Paragraphs, want) {
		for i := range max(len(want), len(doc.Paragraphs)) {
			var g, w Paragraph
			if i < len(doc.Paragraphs) {
				g = doc.Paragraphs[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("paragraph %d: got %+v, want %+v", i, g, w)
			}
		}
	}
	wantTables := [][][]string{{{"Chỉ tiêu", "Số\nliệu"}, {"x\ty", "2"}}}
	if !reflect.DeepEqual(doc.Tables, wantTables) || !reflect.DeepEqual(doc.TableAt, []int{15}) {
		t.Errorf("tables: got %q at %v, want %q at [15]", doc.Tables, doc.TableAt, wantTables)
	}
}

func TestRead_Refused(t *testing.T) {
	macroTypes := strings.Replace(testContentTypes, "wordprocessingml.document.main+xml", "", 1)
	macroTypes = strings.Replace(macroTypes, `ContentType="application/vnd.openxmlformats-officedocument."/>`, `ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>`, 1)
	xlsxTypes := strings.Replace(testContentTypes, "wordprocessingml.document.main+xml", "spreadsheetml.sheet.main+xml", 1)
	rel := func(typ, target, mode string) string {
		return `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/` + typ + `" Target="` + target + `"` + mode + `/>`
	}
	const ext = ` TargetMode="External"`
	tests := []struct {
		name  string
		parts func(map[string]string)
		want  error
	}{
		{"Macro content type", func(m map[string]string) { m["[Content_Types].xml"] = macroTypes }, ErrMacros},
		{"vbaProject", func(m map[string]string) { m["word/vbaProject.bin"] = "x" }, ErrMacros},
		{"ActiveX", func(m map[string]string) { m["word/activeX/activeX1.xml"] = "<x/>" }, ErrMacros},
		{"Remote template", func(m map[string]string) {
			m["word/_rels/settings.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rel("attachedTemplate", "http://evil.example/t.dotm", ext) + `</Relationships>`
		}, ErrExternal},
		{"External image", func(m map[string]string) {
			m["word/_rels/document.xml.rels"] = strings.Replace(testDocRels, "EXTRA", rel("image", "http://x.example/a.png", ext), 1)
		}, ErrExternal},
		{"OLE object relationship", func(m map[string]string) {
			m["word/_rels/document.xml.rels"] = strings.Replace(testDocRels, "EXTRA", rel("oleObject", "embeddings/oleObject1.bin", ""), 1)
		}, ErrEmbedded},
		{"altChunk relationship", func(m map[string]string) {
			m["word/_rels/document.xml.rels"] = strings.Replace(testDocRels, "EXTRA", rel("aFChunk", "afchunk.mht", ""), 1)
		}, ErrEmbedded},
		{"Embedded package", func(m map[string]string) {
			m["word/_rels/document.xml.rels"] = strings.Replace(testDocRels, "EXTRA", rel("package", "embeddings/a.xlsx", ""), 1)
		}, ErrEmbedded},
		{"w:object", func(m map[string]string) {
			m["word/document.xml"] = testDocHead + `<w:p><w:r><w:object><o:OLEObject/></w:object></w:r></w:p>` + testDocTail
		}, ErrEmbedded},
		{"OLE in fallback", func(m map[string]string) {
			m["word/document.xml"] = testDocHead + `<w:p><mc:AlternateContent><mc:Fallback><o:OLEObject/></mc:Fallback></mc:AlternateContent></w:p>` + testDocTail
		}, ErrEmbedded},
		{"w:altChunk", func(m map[string]string) {
			m["word/document.xml"] = testDocHead + `<w:altChunk r:id="rId9"/>` + testDocTail
		}, ErrEmbedded},
		{"DDEAUTO split over runs", func(m map[string]string) {
			m["word/document.xml"] = testDocHead + `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DDE</w:instrText></w:r><w:r><w:instrText>AUTO c:\\windows\\system32\\cmd.exe</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>` + testDocTail
		}, ErrMacros},
		{"INCLUDETEXT field", func(m map[string]string) {
			m["word/document.xml"] = testDocHead + `<w:p><w:fldSimple w:instr="INCLUDETEXT &quot;\\\\host\\share\\a.docx&quot;"/></w:p>` + testDocTail
		}, ErrExternal},
		{"A workbook", func(m map[string]string) { m["[Content_Types].xml"] = xlsxTypes }, ErrNotDocx},
		{"No main document", func(m map[string]string) { delete(m, "word/document.xml") }, ErrNotDocx},
		{"Broken XML", func(m map[string]string) { m["word/document.xml"] = testDocHead + "<w:p>" }, ErrNotDocx},
		{"Undefined entity", func(m map[string]string) {
			m["word/document.xml"] = `<!DOCTYPE d [<!ENTITY a "aaaaaaaa">]>` + testDocHead + `<w:p><w:r><w:t>&a;</w:t></w:r></w:p>` + testDocTail
		}, ErrNotDocx},
		{"Twice the same part", func(m map[string]string) { m["WORD/document.xml"] = testDocHead + testDocTail }, ErrNotDocx},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parts(p("", "Nội dung"), "")
			tt.parts(m)
			_, err := Read(docx(t, m), Limits{})
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
	t.Run("Not a zip", func(t *testing.T) {
		if _, err := Read([]byte("PK not really"), Limits{}); !errors.Is(err, ErrNotDocx) {
			t.Errorf("got %v, want %v", err, ErrNotDocx)
		}
	})
}

func TestRead_HyperlinkDropped(t *testing.T) {
	extra := `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.vn/" TargetMode="External"/>`
	body := `<w:p><w:hyperlink r:id="rId9"><w:r><w:t>Cổng thông tin</w:t></w:r></w:hyperlink></w:p>`
	doc, err := Read(docx(t, parts(body, extra)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Paragraphs[0].Text; got != "Cổng thông tin" {
		t.Errorf("got %q, want the link's text", got)
	}
}

func TestTypedLabel(t *testing.T) {
	tests := []struct{ in, label, rest string }{
		{"I. TÌNH HÌNH", "I.", "TÌNH HÌNH"},
		{"IV.Phương hướng", "IV.", "Phương hướng"},
		{"1. Kết quả", "1.", "Kết quả"},
		{"2) Tồn tại", "2)", "Tồn tại"},
		{"1.2. Thu", "1.2.", "Thu"},
		{"1.2 Thu", "1.2", "Thu"},
		{"a) Thu ngân sách", "a)", "Thu ngân sách"},
		{"đ) Khác", "đ)", "Khác"},
		{"II.", "II.", ""},
		{"2.5 tỷ đồng", "", "2.5 tỷ đồng"},
		{"2.500 người", "", "2.500 người"},
		{"Cần làm", "", "Cần làm"},
		{"Ví dụ", "", "Ví dụ"},
		{"I.1", "", "I.1"},
		{"10.5%", "", "10.5%"},
		{"2023 là năm", "", "2023 là năm"},
		{"2.5 Tỷ", "2.5", "Tỷ"},
		{"1.10. Khác", "1.10.", "Khác"},
		{"II.1. Kết quả nổi bật", "II.1.", "Kết quả nổi bật"},
		{"II.1 Kết quả", "", "II.1 Kết quả"},
	}
	for _, tt := range tests {
		label, rest := typedLabel(tt.in)
		if label != tt.label || rest != tt.rest {
			t.Errorf("typedLabel(%q) = %q, %q; want %q, %q", tt.in, label, rest, tt.label, tt.rest)
		}
	}
}
