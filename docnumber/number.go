package docnumber

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxSequence bounds a sequence: no office issues a hundred thousand documents in a year, and
// a bound keeps a clerk's typo ("1255555555") from being taken as a number.
const MaxSequence = 99999

// maxSymbol bounds a symbol's length in characters ("BC-BQLKCN/VP" is 12).
const maxSymbol = 40

// Number is a document's number: its sequence in the year and the symbol of its kind.
type Number struct {
	Year     int
	Sequence int
	Symbol   string
}

// String writes the number as printed on the document: the sequence with at least two digits
// (the decree counts from 01), a slash, the symbol: "01/BC-BQL", "125/BC-BQL".
func (n Number) String() string { return Format(n.Sequence, n.Symbol) }

// Format writes sequence and symbol as printed: "01/BC-BQL".
func Format(sequence int, symbol string) string { return fmt.Sprintf("%02d/%s", sequence, symbol) }

// Year is the register's year of a document dated at t: the calendar year where the office is,
// so that the register rolls over at midnight of 1 January in the office's time zone, not UTC's.
func Year(t time.Time, loc *time.Location) int { return t.In(loc).Year() }

// Next is the sequence after the last one of the year's register (0 when it is empty): numbers
// are consecutive, never skipped, never reused.
func Next(last int) int { return last + 1 }

// ValidSymbol reports whether s may be a form's symbol: letters (Vietnamese ones too, "QĐ"),
// digits, "-" and "/", starting with a letter, at most 40 characters. It must not start with a
// digit so that a reply's "08/12/2026" is never read as a number and its symbol.
func ValidSymbol(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > maxSymbol {
		return false
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
		case i > 0 && (unicode.IsDigit(r) || r == '-' || r == '/'):
		default:
			return false
		}
	}
	return !strings.HasSuffix(s, "-") && !strings.HasSuffix(s, "/")
}

// SameSymbol compares symbols as a clerk types them: case does not matter ("bc-bql").
func SameSymbol(a, b string) bool { return strings.EqualFold(a, b) }

// Errors of a number given by the registry clerk, for the letter that asks her again.
var (
	ErrNoNumber    = errors.New("no document number in the reply")
	ErrTwoNumbers  = errors.New("the reply gives more than one number")
	ErrOutOfRange  = errors.New("the number is out of range")
	ErrOtherSymbol = errors.New("the symbol is not the form's")
	ErrTaken       = errors.New("the number is already in the register for the year")
)

// Check judges a number the registry clerk gave for a document of the form whose symbol is
// symbol: its symbol, when she wrote one, must be the form's; taken says whether the sequence
// is already in the year's register. It returns the number to record.
func Check(g Given, symbol string, year int, taken func(sequence int) bool) (Number, error) {
	switch {
	case g.Sequence < 1 || g.Sequence > MaxSequence:
		return Number{}, ErrOutOfRange
	case g.Symbol != "" && !SameSymbol(g.Symbol, symbol):
		return Number{}, ErrOtherSymbol
	case taken(g.Sequence):
		return Number{}, ErrTaken
	}
	return Number{Year: year, Sequence: g.Sequence, Symbol: symbol}, nil
}
