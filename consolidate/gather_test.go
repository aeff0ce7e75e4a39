package consolidate

import (
	"errors"
	"testing"

	"github.com/tonghop/tonghop/form"
)

// TestBuild_LoadError: a submission that cannot be read fails the book, whichever period
// it is of, rather than leaving the unit out of it.
func TestBuild_LoadError(t *testing.T) {
	broken := errors.New("ledger gone")
	fail := func() (form.Filled, error) { return form.Filled{}, broken }
	for _, which := range []string{"current", "previous", "last year"} {
		t.Run(which, func(t *testing.T) {
			in := lazy(lastYearInput(t))
			in.Previous = map[string]Source{}
			for unit, src := range in.Current {
				in.Previous[unit] = src
				break
			}
			in.Form.Tables = workProgram(t).Tables
			var m map[string]Source
			switch which {
			case "current":
				m = in.Current
			case "previous":
				m = in.Previous
			default:
				m = in.LastYear
			}
			for unit, src := range m {
				src.Load = fail
				m[unit] = src
				break
			}
			if _, err := Build(in); !errors.Is(err, broken) {
				t.Errorf("got %v, want the load's error", err)
			}
		})
	}
}
