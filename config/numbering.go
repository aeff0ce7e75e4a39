package config

import (
	"slices"

	"github.com/tonghop/tonghop/docnumber"
)

// Issue 20, part R: each issued report is a document of the office's register (sổ văn bản
// đi), numbered "125/BC-BQL" with its form's symbol. A form without a symbol issues as before,
// unnumbered.

// How a form's documents are numbered.
const (
	NumberingAuto     = "auto"     // tonghop takes the next number of the year's register (the default)
	NumberingRegistry = "registry" // the registry clerk (văn thư) gives it by reply; the issue waits for her
)

// Numbered reports whether f's issued reports take a number of the register.
func (f *Form) Numbered() bool { return f.Symbol != "" }

// NumberedByRegistry reports whether the registry clerk numbers f's reports.
func (f *Form) NumberedByRegistry() bool { return f.Numbered() && f.Numbering == NumberingRegistry }

// Registry returns the people with the registry role (văn thư) and an address.
func (c *Config) Registry() []Person {
	var out []Person
	for _, p := range c.People {
		if slices.Contains(p.Roles, "registry") && len(p.Emails) > 0 {
			out = append(out, p)
		}
	}
	return out
}

func (c *Config) validateNumbering(v *validator, path string, f *Form) {
	if f.Symbol != "" && !docnumber.ValidSymbol(f.Symbol) {
		v.add(path+".symbol", "%q must be letters, digits, \"-\" and \"/\", starting with a letter (\"BC-BQL\")", f.Symbol)
	}
	switch f.Numbering {
	case "", NumberingAuto:
	case NumberingRegistry:
		if f.Symbol == "" {
			v.add(path+".numbering", "\"registry\" needs the form's symbol (symbol = \"BC-BQL\")")
		}
		if len(c.Registry()) == 0 {
			v.add(path+".numbering", "\"registry\" needs a person with the role \"registry\" and an email")
		}
	default:
		v.add(path+".numbering", "%q must be \"auto\" or \"registry\"", f.Numbering)
	}
}
