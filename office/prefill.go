package office

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/prefill"
)

// Prefill is what unit's template of form f for period p carries already, from the ledger: the
// tasks the unit planned for the period before in the results sheet, and the annual plan figures
// it sent earlier in the year. Only counted submissions are drawn on. nil (and nil l) means
// nothing: an empty template. A one-off request's template starts empty.
func (o *Office) Prefill(ctx context.Context, l *ledger.Ledger, f *config.Form, unit config.Unit, p period.Period) (*form.Filled, error) {
	if l == nil || p.Kind == period.Once {
		return nil, nil
	}
	layout := o.Workbook(f, unit)
	var src prefill.Sources
	if prefill.NeedsPrevious(layout) {
		prev, ok, err := counted(ctx, l, f.Code, p.Prev().String(), unit.Code)
		if err != nil {
			return nil, err
		}
		if ok {
			src.Previous = &prev
		}
	}
	if prefill.NeedsEarlier(layout) {
		earlier, err := o.earlier(ctx, l, f.Code, unit.Code, p)
		if err != nil {
			return nil, err
		}
		src.Earlier = earlier
	}
	return prefill.Build(layout, src), nil
}

// earlier are unit's counted submissions of the form's periods of p's year (the ISO year for
// weeks) that start before p, of any kind but one-off requests, in start order.
func (o *Office) earlier(ctx context.Context, l *ledger.Ledger, code, unit string, p period.Period) ([]form.Filled, error) {
	rows, err := l.Periods(ctx, code)
	if err != nil {
		return nil, fmt.Errorf("prefill %s: %w", code, err)
	}
	start := p.Start(o.Calendar.Loc)
	var out []form.Filled
	for _, r := range rows { // by start already
		q, err := period.Parse(r.Period)
		if err != nil || q.Kind == period.Once || q.Year != p.Year || !q.Start(o.Calendar.Loc).Before(start) {
			continue
		}
		filled, ok, err := counted(ctx, l, code, r.Period, unit)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, filled)
		}
	}
	return out, nil
}

// counted is unit's counted submission of form code for period, decoded.
func counted(ctx context.Context, l *ledger.Ledger, code, key, unit string) (form.Filled, bool, error) {
	subs, err := l.LatestValid(ctx, code, key)
	if err != nil {
		return form.Filled{}, false, fmt.Errorf("prefill %s %s: %w", code, key, err)
	}
	s, ok := subs[unit]
	if !ok {
		return form.Filled{}, false, nil
	}
	var filled form.Filled
	if err := json.Unmarshal(s.Data, &filled); err != nil {
		return form.Filled{}, false, fmt.Errorf("prefill %s %s %s: decode: %w", code, key, unit, err)
	}
	return filled, true, nil
}
