package receive

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/vnenc"
	"github.com/tonghop/tonghop/wordfile"
)

// Issue 20, part W: a unit may send its report in Word (.docx) for a form whose content is
// narrative. The document carries no identification, so the judgement finds what a workbook
// says of itself:
//   - the unit is the sender's (a person reporting for units: the unit the document's opening
//     names, among those the person reports for);
//   - the form is one the unit reports on that has narrative sections for its group: the one
//     whose code the document, subject or file name carries, else the one whose title the
//     document's opening holds and whose sections its headings match best, else the only one;
//     a form that also holds tables or indicators for the unit is answered "send the workbook",
//     since a document has no figures and would stand in for the workbook's;
//   - the period is what the document's title says, else the subject, else the file name, else
//     the period being collected (see wordPeriod), and the receipt says which;
//   - the sections are read by their headings (see matchSections) and validated as a workbook's
//     narrative is: required sections present and not empty, none too long.
// The document is kept as the submission's file, its sections as the submission's narrative,
// so consolidation gathers narrative from documents and workbooks alike.

// Word reads and judges one Word report s sent with a mail of this subject. With workbooks in
// the same mail, a document that names no form and matches no section is taken for a covering
// letter: report is false and it is left alone. An error means the ledger could not be read.
func (j *Judge) Word(ctx context.Context, s office.Sender, att intake.Attachment, subject string, workbooks bool) (v Verdict, report bool, err error) {
	sub := ledger.Submission{FileName: att.Name}
	if s.Unit != nil {
		sub.Unit = s.Unit.Code
	}
	switch {
	case att.TooLarge:
		return invalid(sub, letters.ProblemTooLarge(att.Name, att.Size)), true, nil
	case att.Encrypted:
		return invalid(sub, letters.ProblemEncrypted(att.Name, att.Container)), true, nil
	}
	doc, err := wordfile.Read(att.Data, wordfile.Limits{})
	if err != nil {
		j.log().Info("word report not read", "file", att.Name, "err", err)
		return invalid(sub, letters.ProblemWordRefused(att.Name, refusal(err))), !workbooks, nil
	}
	fixText(doc)
	opening := openingText(doc)
	unit, problems := j.wordUnit(s, opening)
	if unit == nil {
		return invalid(sub, problems...), !workbooks, nil
	}
	sub.Unit = unit.Code
	f, layout, problems, named := j.wordForm(*unit, doc, opening+"\n"+subject+"\n"+att.Name, att.Name)
	if f == nil {
		return invalid(sub, problems...), !workbooks || named, nil
	}
	v = Verdict{Usable: true, Stored: att.Data, Errors: problems}
	sum := sha256.Sum256(att.Data)
	sub.FileSHA256 = hex.EncodeToString(sum[:])
	sub.Form = f.Code
	id := form.Ident{Form: f.Code, FormVersion: f.Version, Unit: unit.Code, Guessed: true}
	if p, from, ok := j.wordPeriod(f, opening, subject, att.Name); ok {
		id.Period = p
		v.Warnings = append(v.Warnings, letters.ProblemWordPeriod(periodLabel(p), from))
	}
	sub.Period = id.Period
	v.Submission = sub
	if err := j.checkIdent(ctx, *unit, id, &v); err != nil {
		return v, true, err
	}
	v.Filled = form.Filled{Ident: id, Header: map[string]string{}, Tables: map[string][]form.Row{},
		Indicators: map[string]map[string]map[string]string{}, Narrative: map[string]string{}}
	readNarrative(layout.Narrative, doc, &v)
	v.Submission.Data, _ = json.Marshal(v.Filled)
	v.Submission.Problems, _ = json.Marshal(map[string][]form.Problem{"errors": v.Errors, "warnings": v.Warnings})
	v.Submission.Valid = len(v.Errors) == 0
	v.Submission.Version, err = j.nextVersion(ctx, v.Submission)
	return v, true, err
}

// refusal is why the reader refused a document, as the unit is told.
func refusal(err error) letters.WordRefusal {
	switch {
	case errors.Is(err, wordfile.ErrMacros):
		return letters.WordMacros
	case errors.Is(err, wordfile.ErrExternal):
		return letters.WordExternal
	case errors.Is(err, wordfile.ErrEmbedded):
		return letters.WordEmbedded
	case errors.Is(err, wordfile.ErrTooLarge):
		return letters.WordTooLarge
	case errors.Is(err, wordfile.ErrTooComplex):
		return letters.WordTooComplex
	}
	return letters.WordUnreadable
}

// fixText turns text typed in a legacy Vietnamese encoding (TCVN3 and VNI fonts, still common
// in offices' documents) into Unicode, in NFC, before any heading is matched.
func fixText(doc *wordfile.Doc) {
	for i := range doc.Paragraphs {
		doc.Paragraphs[i].Text, _ = vnenc.Fix(doc.Paragraphs[i].Text)
	}
	for _, t := range doc.Tables {
		for _, row := range t {
			for k := range row {
				row[k], _ = vnenc.Fix(row[k])
			}
		}
	}
}

// openingParagraphs bounds the opening of a document: its letterhead, number, date, type and
// summary stand in the first few paragraphs.
const openingParagraphs = 12

// openingText is the document's opening: the tables and paragraphs before its first numbered
// or styled heading, at most openingParagraphs of them.
func openingText(doc *wordfile.Doc) string {
	end := min(openingParagraphs, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs[:end] {
		if p.Heading > 0 && !isDocType(p.Text) || p.Numbering != "" {
			end = i
			break
		}
	}
	var lines []string
	for t, at := range doc.TableAt {
		if at <= end {
			for _, row := range doc.Tables[t] {
				lines = append(lines, strings.Join(row, "\n"))
			}
		}
	}
	for _, p := range doc.Paragraphs[:end] {
		lines = append(lines, p.Text)
	}
	return strings.Join(lines, "\n")
}

// isDocType: "BÁO CÁO", the type line some documents style as a heading.
func isDocType(s string) bool {
	w := foldWords(s)
	return len(w) <= 3 && len(w) >= 2 && w[0] == "bao" && w[1] == "cao"
}

// wordUnit is the unit a document is for: the sender's own, or for a person reporting for
// units the one of them the opening names (its letterhead), when exactly one is named.
func (j *Judge) wordUnit(s office.Sender, opening string) (*config.Unit, []form.Problem) {
	if s.Unit != nil {
		return s.Unit, nil
	}
	if s.Person == nil {
		return nil, nil
	}
	text := " " + strings.Join(foldWords(opening), " ") + " "
	var found *config.Unit
	for _, code := range s.Person.SubmitsFor {
		u, ok := j.Office.Unit(code)
		if !ok || !strings.Contains(text, " "+strings.Join(foldWords(u.Name), " ")+" ") {
			continue
		}
		if found != nil {
			return nil, []form.Problem{letters.ProblemUnitUnknown(s.Person.Name)}
		}
		found = &u
	}
	if found == nil {
		return nil, []form.Problem{letters.ProblemUnitUnknown(s.Person.Name)}
	}
	return found, nil
}

// readNarrative reads the form's sections from the document into v, with every problem.
func readNarrative(sections []form.Section, doc *wordfile.Doc, v *Verdict) {
	defs := sectionDefs(sections)
	read := matchSections(defs, doc)
	for _, d := range defs {
		text, found := read.text[d.Key]
		h := read.heading[d.Key]
		written := strings.TrimSpace(h.label + " " + h.title)
		switch n := utf8.RuneCountInString(text); {
		case !found && d.Required:
			v.Errors = append(v.Errors, letters.ProblemSectionMissing(d.Key, d.Title))
		case !found:
		case text == "" && d.Required:
			v.Errors = append(v.Errors, letters.ProblemSectionEmpty(d.Key, d.Title, written))
		case d.MaxLen > 0 && n > d.MaxLen:
			v.Errors = append(v.Errors, letters.ProblemSectionTooLong(d.Key, d.Title, n, d.MaxLen))
		case text != "":
			v.Filled.Narrative[d.Key] = text
		}
	}
	for _, key := range read.retitled {
		h := read.heading[key]
		v.Warnings = append(v.Warnings, letters.ProblemSectionRetitled(key, titleOf(sections, key), strings.TrimSpace(h.label+" "+h.title)))
	}
	for _, h := range read.extra {
		v.Warnings = append(v.Warnings, letters.ProblemSectionExtra(strings.TrimSpace(h.label+" "+h.title)))
	}
	if read.whole != "" {
		v.Warnings = append(v.Warnings, letters.ProblemWordWholeBody(read.whole, titleOf(sections, read.whole)))
	}
}

func titleOf(sections []form.Section, key string) string {
	for _, s := range sections {
		if s.Key == key {
			return s.Title
		}
	}
	return key
}

// judgeFile judges one file of a unit's mail: a workbook, or a Word report (see Word), which
// report false marks a covering letter beside the mail's workbooks.
func (j *Judge) judgeFile(ctx context.Context, s office.Sender, att intake.Attachment, subject string, files []intake.Attachment) (Verdict, bool, error) {
	if att.Kind() != intake.KindDOCX {
		v, err := j.Workbook(ctx, s, att, subject)
		return v, true, err
	}
	workbooks := slices.ContainsFunc(files, func(a intake.Attachment) bool { return a.Kind() != intake.KindDOCX })
	return j.Word(ctx, s, att, subject, workbooks)
}

// wordSections are the titles of the sections a Word report held, for its receipt; nil for a
// workbook, whose receipt counts rows and indicators.
func (j *Judge) wordSections(sub ledger.Submission) []string {
	if (intake.Attachment{Name: sub.FileName}).Kind() != intake.KindDOCX {
		return nil
	}
	f, ok := j.Office.Form(sub.Form)
	var filled form.Filled
	if !ok || json.Unmarshal(sub.Data, &filled) != nil {
		return nil
	}
	var out []string
	for _, s := range f.Narrative {
		if filled.Narrative[s.Key] != "" {
			out = append(out, s.Title)
		}
	}
	return out
}
