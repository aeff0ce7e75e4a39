package templates

import (
	"math"
	"net/mail"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/vnenc"
)

// Problem codes, stable for programs.
const (
	CodeRequired         = "required"
	CodeNotANumber       = "not_a_number"
	CodeNotAnInteger     = "not_an_integer"
	CodeNotADate         = "not_a_date"
	CodeBadChoice        = "bad_choice"
	CodeTooLong          = "too_long"
	CodeBelowMin         = "below_min"
	CodeAboveMax         = "above_max"
	CodeSubtotalMismatch = "subtotal_mismatch"
	CodeMinRows          = "min_rows"
	CodeTooManyRows      = "too_many_rows"
	CodeBadEmail         = "bad_email"
	CodeBadPhone         = "bad_phone"
	CodeTagMismatch      = "tag_mismatch"
	CodeOtherKey         = "template_other_key" // signed with a key the office does not hold
	CodeUnknownForm      = "unknown_form"
	CodeUnreadable       = "unreadable"
	CodeMissingPart      = "missing_sheet"
	CodeMissingColumn    = "missing_column"
	CodeMissingIndicator = "missing_indicator"
	CodeMissingSection   = "missing_section"
	// Warnings.
	CodeIdentGuessed   = "ident_guessed"
	CodeOldVersion     = "old_version"
	CodeOldKey         = "template_previous_key" // signed with a key the office used before
	CodeNumberAsText   = "number_reformatted"
	CodePercentSmall   = "percent_ambiguous"
	CodeDateReformat   = "date_reformatted"
	CodePhoneZero      = "phone_leading_zero"
	CodeHeaderInvalid  = "header_invalid"
	CodeChoiceGuessed  = "choice_without_diacritics"
	CodeConvertedXLS   = "converted_from_xls"
	CodeMacrosIgnored  = "macros_ignored"
	CodeLegacyEncoding = "legacy_encoding"
)

// verdict is the outcome of reading one cell: its normalised value, or an error; and possibly a
// warning about how it was understood. Messages are the part after "Ô X (field): ".
type verdict struct {
	value            string
	code, msg        string
	warnCode, warnTx string
	legacy           vnenc.Encoding // the text was typed in a legacy encoding and converted
}

// quotedMax bounds how much of the value typed a problem quotes: the unit knows the rest, and a
// long cell quoted in every problem would make the answer as long as the file.
const quotedMax = 100

// bad is the verdict of an error; its first argument, when a string, is the value typed.
func bad(code, format string, args ...any) verdict {
	if s, ok := firstString(args); ok && utf8.RuneCountInString(s) > quotedMax {
		args[0] = truncateRunes(s, quotedMax) + "…"
	}
	return verdict{code: code, msg: sayf(format, args...)}
}

func firstString(args []any) (string, bool) {
	if len(args) == 0 {
		return "", false
	}
	s, ok := args[0].(string)
	return s, ok
}

func (v verdict) warn(code, format string, args ...any) verdict {
	v.warnCode, v.warnTx = code, sayf(format, args...)
	return v
}

// parseValue interprets a non-empty cell for column c. date1904 says which date system serials use.
func parseValue(c form.Column, in cellIn, date1904 bool) verdict {
	switch c.Type {
	case form.Integer, form.Decimal:
		return parseNumber(c, in)
	case form.Percent:
		return parsePercent(c, in)
	case form.Date:
		return parseDate(in, date1904)
	case form.Choice:
		s, enc := legacyText(in)
		v := parseChoice(c, s)
		v.legacy = enc
		return v
	case form.Email:
		return parseEmail(cleanText(in.raw))
	case form.Phone:
		return parsePhone(in)
	}
	return parseText(c, in, date1904)
}

func parseText(c form.Column, in cellIn, date1904 bool) verdict {
	s, enc := legacyText(in)
	if in.numeric {
		v, _ := strconv.ParseFloat(strings.TrimSpace(in.raw), 64)
		s = formatNumber(roundExcel(v))
		if d, ok := serialDate(v, date1904); ok && in.kind == fmtDate {
			s = d.Format(viLayout)
		}
	}
	if n := utf8.RuneCountInString(s); c.MaxLen > 0 && n > c.MaxLen {
		return bad(CodeTooLong, msgTooLong, viCount(n), viCount(c.MaxLen))
	}
	return verdict{value: s, legacy: enc}
}

// legacyText is a text cell's content in Unicode: converted from TCVN3 or VNI when it was typed
// with a legacy font (on less evidence once the workbook is known to use that encoding).
func legacyText(in cellIn) (string, vnenc.Encoding) {
	s := cleanText(in.raw)
	if in.numeric {
		return s, vnenc.Unicode
	}
	if in.legacy != vnenc.Unicode {
		return vnenc.FixAs(s, in.legacy)
	}
	return vnenc.Fix(s)
}

// number reads a number cell or a number typed as text.
func number(in cellIn) (v float64, cleaned, ok bool) {
	if in.numeric {
		v, err := strconv.ParseFloat(strings.TrimSpace(in.raw), 64)
		return roundExcel(v), false, err == nil && !math.IsInf(v, 0) && !math.IsNaN(v)
	}
	return parseNumberText(in.raw)
}

func parseNumber(c form.Column, in cellIn) verdict {
	v, cleaned, ok := number(in)
	if !ok {
		return bad(CodeNotANumber, msgNotANumber, cleanText(in.raw))
	}
	if c.Type == form.Integer && v != math.Trunc(v) {
		return bad(CodeNotAnInteger, msgNotAnInteger, cleanText(in.raw))
	}
	out := checkRange(c, v)
	if cleaned && out.code == "" {
		out = out.warn(CodeNumberAsText, msgNumberCleaned, cleanText(in.raw), viPlain(v))
	}
	return out
}

// parsePercent returns percent points: a fraction in a percent-formatted cell (0.85 shown as 85%)
// is multiplied by 100, as is what Excel stores for a typed "85%"; "85%" typed as text and a
// plain 85 are 85. A plain number between 0 and 1 is kept but flagged, it may mean a fraction.
func parsePercent(c form.Column, in cellIn) verdict {
	raw := cleanText(in.raw)
	var v float64
	var cleaned, ok bool
	switch {
	case in.numeric:
		v, _, ok = number(in)
		if in.kind == fmtPercent {
			v = roundExcel(v * 100)
		}
	case strings.HasSuffix(raw, "%"):
		v, cleaned, ok = parseNumberText(strings.TrimSuffix(raw, "%"))
	default:
		v, cleaned, ok = parseNumberText(raw)
	}
	if !ok {
		return bad(CodeNotANumber, msgNotANumber, raw)
	}
	out := checkRange(c, v)
	switch {
	case out.code != "":
	case in.numeric && in.kind != fmtPercent && v > 0 && v < 1:
		out = out.warn(CodePercentSmall, msgPercentSmall, viPlain(v), viPlain(v), viPlain(roundExcel(v*100)))
	case cleaned:
		out = out.warn(CodeNumberAsText, msgNumberCleaned, raw, viPlain(v)+"%")
	}
	return out
}

func checkRange(c form.Column, v float64) verdict {
	switch {
	case c.Min != nil && v < *c.Min:
		return bad(CodeBelowMin, msgBelowMin, viNumber(v), viNumber(*c.Min))
	case c.Max != nil && v > *c.Max:
		return bad(CodeAboveMax, msgAboveMax, viNumber(v), viNumber(*c.Max))
	}
	return verdict{value: formatNumber(v)}
}

func parseDate(in cellIn, date1904 bool) verdict {
	raw := cleanText(in.raw)
	if in.numeric {
		v, _ := strconv.ParseFloat(strings.TrimSpace(in.raw), 64)
		d, ok := serialDate(v, date1904)
		switch {
		case ok && in.kind == fmtDate:
			return verdict{value: d.Format(isoLayout)}
		case ok && plausibleSerial(v):
			return verdict{value: d.Format(isoLayout)}.warn(CodeDateReformat, msgDateSerial, raw, d.Format(viLayout))
		}
		return bad(CodeNotADate, msgNotADate, raw)
	}
	d, cleaned, ok := parseDateText(raw)
	if !ok {
		return bad(CodeNotADate, msgNotADate, raw)
	}
	out := verdict{value: d.Format(isoLayout)}
	if cleaned {
		out = out.warn(CodeDateReformat, msgDateCleaned, raw, d.Format(viLayout))
	}
	return out
}

// parseChoice matches a value against the column's list: exactly, then ignoring case and spacing,
// then ignoring diacritics ("hoan thanh", typed without a Vietnamese keyboard), the last only when
// one choice matches and with a warning showing the value understood.
func parseChoice(c form.Column, s string) verdict {
	for _, ch := range c.Choices {
		if ch == s { // picked from the drop-down: no normalisation needed
			return verdict{value: ch}
		}
	}
	want := norm2(s)
	for _, ch := range c.Choices {
		if norm2(ch) == want {
			return verdict{value: ch}
		}
	}
	var found []string
	bare := vnenc.StripMarks(want)
	for _, ch := range c.Choices {
		if vnenc.StripMarks(norm2(ch)) == bare {
			found = append(found, ch)
		}
	}
	if len(found) == 1 {
		return verdict{value: found[0]}.warn(CodeChoiceGuessed, msgChoiceGuessed, s, found[0])
	}
	return bad(CodeBadChoice, msgBadChoice, s, strings.Join(c.Choices, "; "))
}

func parseEmail(s string) verdict {
	if !validEmail(s) {
		return bad(CodeBadEmail, msgBadEmail, s)
	}
	return verdict{value: s}
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return false
	}
	_, domain, _ := strings.Cut(s, "@")
	return strings.Contains(domain, ".") && !strings.HasSuffix(domain, ".")
}

// parsePhone keeps the digits of a phone number (and a leading +). Excel drops the leading 0 of
// a number typed in a general cell, so a nine- or ten-digit number not starting with 0 gets it
// back, with a warning.
func parsePhone(in cellIn) verdict {
	raw := cleanText(in.raw)
	plus := strings.HasPrefix(raw, "+")
	var digits strings.Builder
	for _, r := range raw {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case strings.ContainsRune(" .-()+", r) || isSpace(r):
		default:
			return bad(CodeBadPhone, msgBadPhone, raw)
		}
	}
	d := digits.String()
	if in.numeric && !plus && (len(d) == 9 || len(d) == 10) && d[0] != '0' {
		return verdict{value: "0" + d}.warn(CodePhoneZero, msgPhoneZero, raw, "0"+d)
	}
	if len(d) < 9 || len(d) > 15 {
		return bad(CodeBadPhone, msgBadPhone, raw)
	}
	if plus {
		d = "+" + d
	}
	return verdict{value: d}
}
