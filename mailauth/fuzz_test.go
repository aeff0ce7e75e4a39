package mailauth

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func FuzzCheck(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.eml"))
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	for _, field := range []string{gmailPass, gmailSpoof, m365Pass, m365Spoof, openDKIMFail, amavisPass,
		"Authentication-Results: mx.google.com; dkim=pass (unclosed", "DKIM-Signature: v=1; a=rsa-sha256; d=x"} {
		f.Add(reply(field, receivedMX))
	}
	policy := Policy{
		TrustedServers: []string{"mx.google.com", "mx.vpubnd.gov.vn", "mail.vpubnd.gov.vn"},
		TrustUnnamed:   true,
		VerifyDKIM:     true,
		LookupTXT:      func(string) ([]string, error) { return nil, errors.New("no DNS in fuzzing") },
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, p := range []Policy{policy, {}} {
			v := Check(raw, "", p)
			if v.Pass != (len(v.Failures) == 0) || v.Pass != (v.Reason == "") {
				t.Fatalf("got Pass=%v with %d failures and reason %q", v.Pass, len(v.Failures), v.Reason)
			}
			if v.Pass && p.VerifyDKIM {
				t.Fatalf("got Pass without any DKIM key")
			}
		}
	})
}
