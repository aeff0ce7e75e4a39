package config

import (
	"strings"
	"testing"
)

func TestValidateNumbering(t *testing.T) {
	clerk := Person{ID: "vanthu", Name: "Lê Thanh Hương", Roles: []string{"registry"}, Emails: []string{"vanthu@bqlkcn.example"}}
	noMail := Person{ID: "vanthu", Name: "Lê Thanh Hương", Roles: []string{"registry"}}
	tests := []struct {
		name      string
		symbol    string
		numbering string
		people    []Person
		want      string // the path of the problem, "" none
	}{
		{"Unnumbered", "", "", nil, ""},
		{"AutoDefault", "BC-BQL", "", nil, ""},
		{"Auto", "TB-VP", "auto", nil, ""},
		{"Registry", "BC-BQL", "registry", []Person{clerk}, ""},
		{"RegistryWithoutClerk", "BC-BQL", "registry", nil, "forms[0].numbering"},
		{"RegistryClerkWithoutMail", "BC-BQL", "registry", []Person{noMail}, "forms[0].numbering"},
		{"RegistryWithoutSymbol", "", "registry", []Person{clerk}, "forms[0].numbering"},
		{"BadSymbol", "BC BQL", "", nil, "forms[0].symbol"},
		{"SymbolStartsWithDigit", "12/BC", "", nil, "forms[0].symbol"},
		{"UnknownNumbering", "BC-BQL", "manual", nil, "forms[0].numbering"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Config{People: tt.people}
			f := &Form{Symbol: tt.symbol, Numbering: tt.numbering}
			var v validator
			c.validateNumbering(&v, "forms[0]", f)
			switch {
			case tt.want == "" && len(v.problems) > 0:
				t.Errorf("got problems %q, want none", v.problems)
			case tt.want != "" && (len(v.problems) == 0 || !strings.HasPrefix(v.problems[0], tt.want)):
				t.Errorf("got problems %q, want one at %s", v.problems, tt.want)
			}
		})
	}
}
