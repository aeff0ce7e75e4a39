package office

import (
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
)

// Workbook is the layout of form f that unit fills: the parts of its group. Templates are
// generated from it and the unit's workbooks read and validated by it, so that a part another
// group fills is neither shown to the unit nor required of it.
func (o *Office) Workbook(f *config.Form, unit config.Unit) form.Form {
	if !f.Form.Limited() {
		return f.Form
	}
	return f.Form.ForGroup(unit.Group)
}

// ReadLayouts are the layouts a workbook from unit is read by: each form as unit fills it, or
// every form whole, without the requirements of its limited parts, when the unit is not known
// yet (nil).
func (o *Office) ReadLayouts(unit *config.Unit) []form.Form {
	out := make([]form.Form, len(o.Forms))
	for i := range o.Forms {
		f := &o.Forms[i]
		switch {
		case !f.Form.Limited():
			out[i] = f.Form
		case unit == nil:
			out[i] = f.Form.Whole()
		default:
			out[i] = o.Workbook(f, *unit)
		}
	}
	return out
}
