package receive

import (
	"context"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/templates"
)

// readAsUnit reads again, by the layout of the unit it names, a workbook that was read before
// its unit was known (a person sending for units), when its form has parts limited to unit
// groups: the first reading relaxed every group's requirements, the unit's own must hold. It
// returns ok false when there is nothing to read again (a unit's own file was read by its layout).
func (j *Judge) readAsUnit(ctx context.Context, s office.Sender, att intake.Attachment, rep *form.Report) (*form.Report, []byte, bool, error) {
	if s.Unit != nil || rep == nil || rep.Filled.Ident.Unit == "" {
		return nil, nil, false, nil
	}
	f, ok := j.Office.Form(rep.Filled.Ident.Form)
	if !ok || !f.Form.Limited() {
		return nil, nil, false, nil
	}
	u, ok := j.Office.Unit(rep.Filled.Ident.Unit)
	if !ok {
		return nil, nil, false, nil
	}
	again, stored, err := templates.ReadAny(ctx, att.Data, j.Office.ReadLayouts(&u), j.Office.TemplateKeys(), templates.Limits{}, j.Converter)
	return again, stored, true, err
}
