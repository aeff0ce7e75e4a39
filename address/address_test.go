package address

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// unit is the configured address every case is compared with.
const unit = "qldn@bqlkcn.example"

func TestCanonical(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // "" when there is no canonical form
	}{
		{"Plain", "qldn@bqlkcn.example", unit},
		{"Uppercase", "QLDN@BQLKCN.Example", unit},
		{"SurroundingSpace", "  qldn@bqlkcn.example\t", unit},
		{"KelvinSignInDomain", "qldn@bql\u212Acn.example", ""},
		{"KelvinSignInLocal", "\u212Aqldn@bqlkcn.example", ""},
		{"TurkishDottedCapitalI", "qldn@bqlkcn.exam\u0130le", ""},
		{"TurkishDotlessIInLocal", "qld\u0131@bqlkcn.example", ""},
		{"TurkishDotlessIInDomain", "qldn@bqlkcn.exampl\u0131", "qldn@bqlkcn.xn--exampl-u9a"},
		{"FullWidthLocal", "\uff51\uff4c\uff44\uff4e@bqlkcn.example", ""},
		{"FullWidthDomain", "qldn@\uff42\uff51\uff4c\uff4b\uff43\uff4e.example", ""},
		{"CyrillicAInLocal", "qldn\u0430@bqlkcn.example", ""},
		{"CyrillicAInDomain", "qldn@bqlkcn.ex\u0430mple", "qldn@bqlkcn.xn--exmple-4nf"},
		{"IDNUnicode", "vp@b\u1eafcninh.gov.vn", "vp@xn--bcninh-pf8b.gov.vn"},
		{"IDNPunycode", "vp@xn--bcninh-pf8b.gov.vn", "vp@xn--bcninh-pf8b.gov.vn"},
		{"IDNPunycodeUppercase", "VP@XN--BCNINH-PF8B.GOV.VN", "vp@xn--bcninh-pf8b.gov.vn"},
		{"IDNUnicodeUppercase", "vp@B\u1eaeCNINH.gov.vn", ""}, // Unicode capitals are not folded
		{"IDNDecomposed", "vp@ba\u0306\u0301cninh.gov.vn", ""},
		{"PunycodeOfASCII", "qldn@xn--bqlkcn-.example", ""},
		{"TrailingDot", "qldn@bqlkcn.example.", ""},
		{"EmptyLabel", "qldn@bqlkcn..example", ""},
		{"LabelTooLong", "qldn@" + strings.Repeat("a", 64) + ".example", ""},
		{"Underscore", "qldn@bql_kcn.example", ""},
		{"Localhost", "tonghop@localhost", "tonghop@localhost"},
		{"Atext", "a.b+c_d-e!#$%&'*/=?^`{|}~@kcn.example", "a.b+c_d-e!#$%&'*/=?^`{|}~@kcn.example"},
		{"Quoted", `"qldn"@bqlkcn.example`, ""},
		{"SpaceInLocal", "ql dn@bqlkcn.example", ""},
		{"NoAt", "qldn.bqlkcn.example", ""},
		{"NoLocal", "@bqlkcn.example", ""},
		{"NoDomain", "qldn@", ""},
		{"LocalTooLong", strings.Repeat("a", 65) + "@kcn.example", ""},
		{"DomainLiteral", "qldn@[192.0.2.1]", ""},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Canonical(tt.in)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.want != "")
			}
			if ok && !Equal(tt.in, got) {
				t.Errorf("Equal(%q, %q) = false, want true", tt.in, got)
			}
			if Equal(tt.in, unit) != (tt.want == unit) {
				t.Errorf("Equal(%q, %q) = %v, want %v", tt.in, unit, !(tt.want == unit), tt.want == unit)
			}
		})
	}
}

// TestCanonical_NotLookup: the lookup profile would fold the look-alikes into the unit's
// address; Canonical must not.
func TestCanonical_NotLookup(t *testing.T) {
	for _, domain := range []string{"bql\u212Acn.example", "\uff42\uff51\uff4c\uff4b\uff43\uff4e.example"} {
		if a, err := idna.Lookup.ToASCII(domain); err != nil || a != "bqlkcn.example" {
			t.Fatalf("idna.Lookup(%q) = %q, %v; the premise of this test changed", domain, a, err)
		}
		if Equal("qldn@"+domain, unit) {
			t.Errorf("Equal(%q, %q) = true, want false", "qldn@"+domain, unit)
		}
	}
}

func TestIn(t *testing.T) {
	list := []string{"QLDN@bqlkcn.example", "vp@b\u1eafcninh.gov.vn", "broken@@"}
	tests := []struct {
		addr string
		want bool
	}{
		{"qldn@BQLKCN.example", true},
		{"vp@xn--bcninh-pf8b.gov.vn", true},
		{"qldn@bql\u212Acn.example", false},
		{"broken@@", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := In(list, tt.addr); got != tt.want {
			t.Errorf("In(%q) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"QLDN@BQLKCN.example", unit},
		{"vp@b\u1eafcninh.gov.vn", "vp@xn--bcninh-pf8b.gov.vn"},
		{" QLDN@bql\u212Acn.Example ", "qldn@bql\u212Acn.example"}, // kept apart from the unit
		{"\u0130NFO@x.example", "\u0130nfo@x.example"},             // not folded to "info@"
		{"Not An Address", "not an address"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{" QLDN@BQLKCN.Example ", unit},
		{"VP@Bắcninh.VN", "vp@bắcninh.vn"},
		{"QLDN@BQL\u212ACN.example", "qldn@bql\u212Acn.example"},
		{"\u0130NFO@X.VN", "\u0130nfo@x.vn"},
		{"\uff31LDN@x.vn", "\uff31ldn@x.vn"},
	}
	for _, tt := range tests {
		if got := Lower(tt.in); got != tt.want {
			t.Errorf("Lower(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzCanonical checks what matching relies on: a canonical form is ASCII, is its own
// canonical form, and no address without one keys to a canonical form.
func FuzzCanonical(f *testing.F) {
	for _, s := range []string{unit, "QLDN@bql\u212Acn.example", "vp@b\u1eafcninh.gov.vn", "a@xn--bcninh-pf8b.gov.vn",
		"a@b.", "\"x\"@y.z", "a@[1.2.3.4]", "A@B", "x@\uff42.example", "a@b\u200d.c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := Canonical(s)
		if !ok {
			if k := Key(s); utf8.ValidString(s) {
				if kc, kok := Canonical(k); kok && kc == k {
					t.Fatalf("Key(%q) = %q is a canonical form, but %q has none", s, k, s)
				}
			}
			return
		}
		for i := range len(c) {
			if c[i] >= utf8.RuneSelf || 'A' <= c[i] && c[i] <= 'Z' {
				t.Fatalf("Canonical(%q) = %q: not lower-case ASCII", s, c)
			}
		}
		if again, ok := Canonical(c); !ok || again != c {
			t.Fatalf("Canonical(%q) = %q, but Canonical(%q) = %q, %v", s, c, c, again, ok)
		}
		if k, ok := Canonical(Lower(s)); !ok || k != c {
			t.Fatalf("Canonical(Lower(%q)) = %q, %v; want %q", s, k, ok, c)
		}
		if Key(s) != c || !Equal(s, c) {
			t.Fatalf("Key(%q) = %q, Equal = %v; want %q, true", s, Key(s), Equal(s, c), c)
		}
	})
}
