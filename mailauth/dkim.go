package mailauth

import (
	"bytes"
	"errors"
	"strings"

	"github.com/emersion/go-msgauth/dkim"
)

// maxSignatures bounds the signatures verified per message: each may cost a DNS lookup
// and an RSA verification, and the sender decides how many there are.
const maxSignatures = 8

// checkDKIM verifies the message's DKIM signatures and requires a valid aligned one.
func (c *checker) checkDKIM(raw []byte, fromDomain string, lookup func(string) ([]string, error)) {
	verifs, err := dkim.VerifyWithOptions(bytes.NewReader(raw),
		&dkim.VerifyOptions{LookupTXT: lookup, MaxVerifications: maxSignatures})
	if err != nil && !errors.Is(err, dkim.ErrTooManySignatures) {
		c.fail(Failure{Method: "dkim", Result: "permerror", Detail: "verify: " + err.Error()})
		return
	}
	var aligned, others []*dkim.Verification
	for _, v := range verifs {
		if v == nil {
			continue
		}
		if Aligned(v.Domain, fromDomain) {
			if v.Err == nil {
				c.vouched = true
				return
			}
			aligned = append(aligned, v)
		} else {
			others = append(others, v)
		}
	}
	switch {
	case len(aligned) > 0:
		// Only signatures that could have vouched for From explain the refusal.
		for _, v := range aligned {
			c.signatureFailure(v)
		}
	case len(others) > 0:
		c.fail(Failure{Method: "dkim", Result: "policy",
			Detail: "signed only by d=" + signingDomains(others) + ", not aligned with " + fromDomain})
	default:
		c.fail(Failure{Method: "dkim", Result: "none", Detail: "message is not signed"})
	}
}

// signatureFailure records why an aligned signature did not verify.
func (c *checker) signatureFailure(v *dkim.Verification) {
	f := Failure{Method: "dkim", Result: "fail", Detail: "d=" + v.Domain + ": " + v.Err.Error()}
	switch {
	case dkim.IsTempFail(v.Err):
		f.Result = "temperror"
		c.postpone(f)
		return
	case dkim.IsPermFail(v.Err):
		f.Result = "permerror"
	}
	c.fail(f)
}

func signingDomains(vs []*dkim.Verification) string {
	var ds []string
	for _, v := range vs {
		ds = append(ds, v.Domain)
	}
	return strings.Join(ds, ", d=")
}
