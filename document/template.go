package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// An office's own letterhead (config office.letterhead): a .docx with placeholders where the
// document's parts go. Written here, not with godocx: godocx opens files by name and keeps
// every part, and a template is outside input to read within budgets.

// Placeholders of a letterhead template. Those in RequiredPlaceholders must be present.
const (
	PhNumber     = "{{so}}"        // "125/BC-BQL", or "     /BC-BQL" on a draft
	PhDate       = "{{ngay}}"      // "Ninh Bình, ngày 08 tháng 12 năm 2026"
	PhKind       = "{{loai}}"      // "BÁO CÁO"
	PhSummary    = "{{trich_yeu}}" // the summary
	PhBody       = "{{noi_dung}}"  // the body: its paragraph is replaced by the body's
	PhAuthority  = "{{quyen_han}}" // "KT. TRƯỞNG BAN"
	PhTitle      = "{{chuc_vu}}"   // "PHÓ TRƯỞNG BAN"
	PhSigner     = "{{nguoi_ky}}"  // the signer's name
	PhRecipients = "{{noi_nhan}}"  // its paragraph is replaced by the recipients and "Lưu"
	PhDraft      = "{{du_thao}}"   // "DỰ THẢO (lần 2)" on a draft, "" when issued
)

// RequiredPlaceholders must each appear in a letterhead template.
var RequiredPlaceholders = []string{PhNumber, PhDate, PhSummary, PhBody, PhSigner, PhRecipients}

// Budgets of a letterhead template.
const (
	maxTemplate        = 20 << 20 // as wordfile's: a leader's edited draft may carry pictures
	maxTemplateEntries = 200
	maxTemplatePart    = 16 << 20
	maxTemplateTotal   = 64 << 20
)

const documentPart = "word/document.xml"

var tagRE = regexp.MustCompile(`<[^>]*>`)

// CheckTemplate reports what makes data unusable as a letterhead: not a .docx within the
// budgets, macros, or a required placeholder missing or split by formatting.
func CheckTemplate(data []byte) error {
	_, parts, err := readTemplate(data)
	if err != nil {
		return err
	}
	xml := string(parts[documentPart])
	text := tagRE.ReplaceAllString(xml, "")
	var problems []string
	for _, ph := range RequiredPlaceholders {
		switch {
		case strings.Contains(xml, ph):
		case strings.Contains(text, ph):
			problems = append(problems, ph+" is split by formatting inside it: retype it in one go")
		default:
			problems = append(problems, ph+" is missing")
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("letterhead template: %s", strings.Join(problems, "; "))
	}
	return nil
}

// readTemplate reads every part of a .docx within the budgets, in order.
func readTemplate(data []byte) ([]*zip.File, map[string][]byte, error) {
	if len(data) > maxTemplate {
		return nil, nil, fmt.Errorf("letterhead template: %d bytes, at most %d", len(data), maxTemplate)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, fmt.Errorf("letterhead template: not a .docx: %w", err)
	}
	if len(zr.File) > maxTemplateEntries {
		return nil, nil, fmt.Errorf("letterhead template: %d parts, at most %d", len(zr.File), maxTemplateEntries)
	}
	parts := map[string][]byte{}
	total := int64(0)
	for _, f := range zr.File {
		if strings.Contains(strings.ToLower(f.Name), "vbaproject") {
			return nil, nil, errors.New("letterhead template: holds macros")
		}
		b, err := readPart(f, min(maxTemplatePart, maxTemplateTotal-total))
		if err != nil {
			return nil, nil, fmt.Errorf("letterhead template: %s: %w", f.Name, err)
		}
		total += int64(len(b))
		parts[f.Name] = b
	}
	if ct := string(parts["[Content_Types].xml"]); strings.Contains(strings.ToLower(ct), "macroenabled") {
		return nil, nil, errors.New("letterhead template: a macro-enabled document")
	}
	if _, ok := parts[documentPart]; !ok {
		return nil, nil, errors.New("letterhead template: no " + documentPart)
	}
	return zr.File, parts, nil
}

func readPart(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %d bytes unzipped", limit)
	}
	return b, nil
}

// FillTemplate writes d into the letterhead template tpl: the placeholders replaced by d's
// texts, the paragraphs of {{noi_dung}} and {{noi_nhan}} by d's body and recipients.
func FillTemplate(tpl []byte, d Doc) ([]byte, error) {
	if err := CheckTemplate(tpl); err != nil {
		return nil, err
	}
	files, parts, err := readTemplate(tpl)
	if err != nil {
		return nil, err
	}
	body, err := bodyXML(d)
	if err != nil {
		return nil, err
	}
	xml := string(parts[documentPart])
	xml = replaceParagraph(xml, PhBody, body)
	xml = replaceParagraph(xml, PhRecipients, recipientsXML(d))
	draft := ""
	if d.Draft {
		draft = labelDraft
		if d.DraftVersion > 0 {
			draft += " " + fmt.Sprintf(labelVersion, d.DraftVersion)
		}
	}
	xml = strings.NewReplacer(
		PhNumber, escape(strings.TrimPrefix(d.NumberLine(), labelNumber)),
		PhDate, escape(PlaceDate(d.Place, d.Date)), PhKind, escape(d.Kind.Title()),
		PhSummary, escape(d.Summary), PhAuthority, escape(upper(d.Signer.Authority)),
		PhTitle, escape(upper(d.Signer.Title)), PhSigner, escape(d.Signer.Name), PhDraft, escape(draft),
	).Replace(xml)
	parts[documentPart] = []byte(xml)
	return writeParts(files, parts)
}

// replaceParagraph replaces the paragraph (<w:p …>…</w:p>) holding ph with repl.
func replaceParagraph(xml, ph, repl string) string {
	i := strings.Index(xml, ph)
	if i < 0 {
		return xml
	}
	start := max(strings.LastIndex(xml[:i], "<w:p "), strings.LastIndex(xml[:i], "<w:p>"))
	end := strings.Index(xml[i:], "</w:p>")
	if start < 0 || end < 0 {
		return strings.Replace(xml, ph, "", 1)
	}
	return xml[:start] + repl + xml[i+end+len("</w:p>"):]
}

func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// bodyXML is d's body as WordprocessingML paragraphs and tables, built by the built-in layout's
// writer and cut out of its document part.
func bodyXML(d Doc) (string, error) {
	return innerBody(Doc{Body: d.Body}, func(b *builder, d Doc) {
		for _, bl := range d.Body {
			b.block(bl)
		}
	})
}

func recipientsXML(d Doc) string {
	s, _ := innerBody(d, func(b *builder, d Doc) {
		for _, r := range d.Recipients {
			b.para(fmt.Sprintf(recipientLine, r), style{size: sizeToLines, align: "left"})
		}
		b.para(d.ArchiveLine(), style{size: sizeToLines, align: "left"})
	})
	return s
}
