package dossier

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
)

// Every Vietnamese text of the index reads as the office writes.
func TestLabelsLint(t *testing.T) {
	v := reflect.ValueOf(labels)
	var texts []string
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			texts = append(texts, f.String())
		case reflect.Map:
			for _, k := range f.MapKeys() {
				texts = append(texts, f.MapIndex(k).String())
			}
		}
	}
	for _, text := range texts {
		if text == "" {
			t.Error("an empty label")
		}
		if findings := letters.Lint(text); len(findings) > 0 {
			t.Errorf("%q: %v", text, findings)
		}
	}
	for _, o := range []ledger.Outcome{ledger.OutcomeAccepted, ledger.OutcomeRejected, ledger.OutcomeIgnored,
		ledger.OutcomeQuarantined, ledger.OutcomeError} {
		if labels.Outcomes[o] == "" {
			t.Errorf("no words for the outcome %q", o)
		}
	}
}

// A name in the zip never comes from what a sender chose.
func TestNames(t *testing.T) {
	for _, tc := range []struct {
		s    ledger.Submission
		want string
	}{
		{ledger.Submission{Unit: "QLDN", Version: 2, FileName: "Bao cao.XLSX"}, "ban-nop/QLDN/v2.xlsx"},
		{ledger.Submission{Unit: "QLDN", Version: 1, FileName: "../../etc/passwd"}, "ban-nop/QLDN/v1.bin"},
		{ledger.Submission{Unit: "QLDN", Version: 1, FileName: "x.xls"}, "ban-nop/QLDN/v1.xls"},
	} {
		if got := submissionName(tc.s); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.s, got, tc.want)
		}
	}
	for _, code := range []string{"../x", "a/b", "..", "", "a b", strings.Repeat("x", 65)} {
		got := codeName(code)
		if strings.ContainsAny(got, "/\\ ") || strings.Contains(got, "..") || !strings.HasPrefix(got, "ma-") {
			t.Errorf("codeName(%q) = %q", code, got)
		}
	}
	if got := codeName("PHUONG-1"); got != "PHUONG-1" {
		t.Errorf("codeName(PHUONG-1) = %q", got)
	}
}
