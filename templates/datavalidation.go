package templates

import (
	"fmt"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// Excel's limits on data validation texts, in UTF-16 units.
const (
	maxPromptTitle = 32
	maxPrompt      = 255
	maxErrorText   = 225
)

// Date range accepted by the date validation: 01/01/2000 to 31/12/2100 as 1900-system serials.
const (
	serial2000 = 36526.0
	serial2100 = 73415.0
	bigNumber  = 999999999999.0
)

// addValidation adds the data validation and input message of one column to ref. Dates and
// numbers warn instead of refusing: a unit whose Excel is set to another locale may have to type
// "18/11/2026" as text, which Read still understands.
func addValidation(x *excelize.File, sheet, ref string, c form.Column, listName string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	prompt, errText := "", dvErrNumber
	style := excelize.DataValidationErrorStyleWarning
	var err error
	switch c.Type {
	case form.Choice:
		prompt, errText, style = dvChoose, dvErrChoice, excelize.DataValidationErrorStyleStop
		if listName != "" {
			dv.SetSqrefDropList(listName)
		} else {
			err = dv.SetDropList(c.Choices)
		}
	case form.Date:
		prompt, errText = dvDate, dvErrDate
		err = dv.SetRange(serial2000, serial2100, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
	case form.Integer, form.Decimal, form.Percent:
		prompt = numberPrompt(c)
		err = setNumberRange(dv, c)
	case form.Email:
		prompt, errText = dvEmail, dvErrEmail
		dv.Type, dv.Formula1 = "custom", fmt.Sprintf(`ISNUMBER(SEARCH("@",%s))`, topLeft(ref))
	case form.Phone:
		prompt = dvPhone
	default:
		if c.MaxLen > 0 {
			prompt, errText, style = fmt.Sprintf(dvText, viCount(c.MaxLen)), dvErrTextLen, excelize.DataValidationErrorStyleStop
			err = dv.SetRange(0, c.MaxLen, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween)
		}
	}
	if err != nil {
		return fmt.Errorf("validation of %q: %w", c.Title, err)
	}
	if c.Help != "" {
		prompt = c.Help + " " + prompt
	}
	if c.Required {
		prompt += dvRequiredTag
	}
	if prompt == "" && dv.Type == "" {
		return nil
	}
	dv.SetInput(clipUTF16(c.Title, maxPromptTitle), clipUTF16(prompt, maxPrompt))
	if dv.Type != "" {
		dv.SetError(style, dvErrTitle, clipUTF16(errText, maxErrorText))
	}
	return x.AddDataValidation(sheet, dv)
}

func numberPrompt(c form.Column) string {
	p := map[form.ColumnType]string{form.Integer: dvInteger, form.Decimal: dvDecimal, form.Percent: dvPercent}[c.Type]
	if c.Min != nil {
		p += fmt.Sprintf(dvMin, viNumber(*c.Min))
	}
	if c.Max != nil {
		p += fmt.Sprintf(dvMax, viNumber(*c.Max))
	}
	return p
}

// setNumberRange bounds a number column; percent columns hold fractions in the cell (85% is 0.85)
// while Min and Max are in percent points.
func setNumberRange(dv *excelize.DataValidation, c form.Column) error {
	lo, hi := float64(-bigNumber), float64(bigNumber)
	if c.Min != nil {
		lo = *c.Min
	}
	if c.Max != nil {
		hi = *c.Max
	}
	t := excelize.DataValidationTypeDecimal
	switch c.Type {
	case form.Percent:
		lo, hi = lo/100, hi/100
	case form.Integer:
		t = excelize.DataValidationTypeWhole
	}
	return dv.SetRange(lo, hi, t, excelize.DataValidationOperatorBetween)
}

func topLeft(ref string) string {
	for i := range len(ref) {
		if ref[i] == ':' {
			return ref[:i]
		}
	}
	return ref
}

// clipUTF16 shortens s to at most n UTF-16 units, Excel's unit for these limits.
func clipUTF16(s string, n int) string {
	if len(utf16.Encode([]rune(s))) <= n {
		return s
	}
	var out []rune
	size := 0
	for _, r := range s {
		w := len(utf16.Encode([]rune{r}))
		if size+w > n-1 {
			break
		}
		out = append(out, r)
		size += w
	}
	return string(out) + "…"
}
