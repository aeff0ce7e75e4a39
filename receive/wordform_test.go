package receive

import (
	"testing"

	"github.com/tonghop/tonghop/wordfile"
)

// reformForm is a second report in words, for the choice between forms.
const reformForm = `
[[forms]]
code = "BC.CCHC"
title = "Báo cáo công tác cải cách hành chính"
period = "month"
deadline = "day 25"
approval = ["tb"]
  [[forms.narrative]]
  key = "ket_qua"
  title = "I. Kết quả cải cách hành chính"
  required = true
  [[forms.narrative]]
  key = "phuong_huong"
  title = "II. Phương hướng"
`

func TestWordForm(t *testing.T) {
	two, _ := officeWith(t, narrativeForms+reformForm)
	one, _ := officeWith(t, narrativeForms)
	doc := func(ps ...wordfile.Paragraph) *wordfile.Doc { return &wordfile.Doc{Paragraphs: ps} }
	vp := doc(para("BÁO CÁO"), para("Kết quả công tác tháng 11"), typed("I.", "Kết quả thực hiện nhiệm vụ"), para("A."))
	reform := doc(para("BÁO CÁO"), typed("I.", "Kết quả cải cách hành chính"), para("A."))
	bare := doc(para("Nội dung."))
	tests := []struct {
		name    string
		two     bool
		doc     *wordfile.Doc
		subject string
		want    string // form code, or the problem's code
	}{
		{"By title and headings", true, vp, "", "BM-VP-01.01"},
		{"By headings", true, reform, "", "BC.CCHC"},
		{"By the code in the subject", true, vp, "Gửi báo cáo BC.CCHC tháng 11", "BC.CCHC"},
		{"Nothing tells", true, bare, "", "word_form_unclear"},
		{"The only form in words", false, bare, "", "BM-VP-01.01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := one
			if tt.two {
				o = two
			}
			u, _ := o.Unit("QLDN")
			j := testJudge(o, &fakeLedger{})
			f, _, problems, _ := j.wordForm(u, tt.doc, openingText(tt.doc)+"\n"+tt.subject, "bao-cao.docx")
			got := ""
			switch {
			case f != nil:
				got = f.Code
			case len(problems) > 0:
				got = problems[0].Code
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
