package receive

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// freshTemplate is a template generated to go with an error letter, and its bytes to store as
// the blob the attachment names.
type freshTemplate struct {
	att  ledger.Attachment
	data []byte
}

// unverifiedIdent reports whether the file's identification did not verify: made from a
// template signed with a key the office does not hold, or altered. Filling the office's current
// template is then the only way forward, so the error letter brings one.
func unverifiedIdent(problems []form.Problem) bool {
	return slices.ContainsFunc(problems, func(p form.Problem) bool {
		return p.Code == templates.CodeOtherKey || p.Code == templates.CodeTagMismatch
	})
}

// freshTemplates generates, for each file whose identification did not verify, the office's
// current template for the file's form, unit and period, when those are a form the unit reports
// on and a period of it. A file tied to no unit, or for which no template can be made, gets
// none: its letter says what is wrong without one.
func (j *Judge) freshTemplates(files []fileProblems) []freshTemplate {
	var out []freshTemplate
	for _, f := range files {
		if !unverifiedIdent(f.Problems) || f.Form == "" || f.Unit == "" {
			continue
		}
		t, ok := j.freshTemplate(f.Form, f.Unit, f.Period)
		if ok && !slices.ContainsFunc(out, func(o freshTemplate) bool { return o.att.Name == t.att.Name }) {
			out = append(out, t)
		}
	}
	return out
}

func (j *Judge) freshTemplate(formCode, unitCode, periodName string) (freshTemplate, bool) {
	unit, ok := j.Office.Unit(unitCode)
	if !ok || len(j.Office.Key) == 0 {
		return freshTemplate{}, false
	}
	if _, _, _, ok := identProblems(j.Office, unit, form.Ident{Form: formCode, Unit: unit.Code, Period: periodName}); !ok {
		return freshTemplate{}, false
	}
	f, _ := j.Office.Form(formCode)
	p, _ := period.Parse(periodName)
	meta, err := j.Office.TemplateMeta(f, unit, p, j.events())
	if err != nil {
		return freshTemplate{}, false
	}
	var buf bytes.Buffer
	if err := templates.Generate(&buf, j.Office.Workbook(f, unit), meta, nil); err != nil {
		return freshTemplate{}, false
	}
	sum := sha256.Sum256(buf.Bytes())
	att := ledger.Attachment{Name: templates.FileName(f.Form, unit.Code, p.String()), ContentType: mailer.ContentTypeXLSX,
		SHA256: hex.EncodeToString(sum[:])}
	return freshTemplate{att: att, data: buf.Bytes()}, true
}
