package mailauth

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-msgauth/dkim"
)

// testKey is a generated signing key and the TXT record that publishes it.
type testKey struct {
	signer crypto.Signer
	record string
}

// RSA keys take a while to generate under -race; each kind is made once.
var (
	rsaKey     = sync.OnceValue(func() testKey { return newRSAKey() })
	otherRSA   = sync.OnceValue(func() testKey { return newRSAKey() })
	ed25519Key = sync.OnceValue(func() testKey {
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			panic(err)
		}
		return testKey{priv, "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)}
	})
)

func newRSAKey() testKey {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	if err != nil {
		panic(err)
	}
	return testKey{priv, "v=DKIM1; k=rsa; p=" + base64.StdEncoding.EncodeToString(der)}
}

// signed returns raw with a DKIM-Signature of domain and selector prepended.
func signed(t *testing.T, raw []byte, domain, selector string, key crypto.Signer) []byte {
	t.Helper()
	var out bytes.Buffer
	err := dkim.Sign(&out, bytes.NewReader(raw), &dkim.SignOptions{
		Domain: domain, Selector: selector, Signer: key,
		HeaderCanonicalization: dkim.CanonicalizationRelaxed,
		BodyCanonicalization:   dkim.CanonicalizationRelaxed,
		HeaderKeys:             []string{"From", "To", "Subject", "Date", "Message-ID", "From"},
	})
	if err != nil {
		t.Fatalf("sign: %v", err)
	}
	return out.Bytes()
}

// dns answers TXT queries from records, keyed by "selector._domainkey.domain"; other
// names do not exist.
func dns(records map[string]string) func(string) ([]string, error) {
	return func(name string) ([]string, error) {
		if r, ok := records[name]; ok {
			return []string{r}, nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
	}
}

func dnsDown(name string) ([]string, error) {
	return nil, &net.DNSError{Err: "i/o timeout", Name: name, IsTimeout: true, IsTemporary: true}
}

func TestCheck_VerifyDKIM(t *testing.T) {
	published := dns(map[string]string{
		"mail._domainkey.bqlkcn.gov.vn": rsaKey().record,
		"ed._domainkey.bqlkcn.gov.vn":   ed25519Key().record,
		"old._domainkey.bqlkcn.gov.vn":  otherRSA().record, // rotated: signatures with "old" fail
		"s1._domainkey.mailer.example":  otherRSA().record,
	})
	verify := Policy{VerifyDKIM: true, LookupTXT: published}
	sender := []byte(replyTail)
	good := signed(t, sender, "bqlkcn.gov.vn", "mail", rsaKey().signer)
	subdomainFrom := []byte(strings.Replace(replyTail, "lanhdao@bqlkcn.gov.vn", "lanhdao@vp.bqlkcn.gov.vn", 1))

	tests := []struct {
		name     string
		raw      []byte
		from     string
		policy   Policy
		wantPass bool
		wantTemp bool
		want     []string
	}{
		{name: "RSA2048", raw: good, policy: verify, wantPass: true},
		{name: "Ed25519", raw: signed(t, sender, "bqlkcn.gov.vn", "ed", ed25519Key().signer),
			policy: verify, wantPass: true},
		{name: "BehindMX", raw: append([]byte(gmailPass+"\r\n"+receivedGoogle+"\r\n"), good...),
			policy:   Policy{TrustedServers: gmail.TrustedServers, VerifyDKIM: true, LookupTXT: published},
			wantPass: true},
		{name: "TamperedBody", raw: bytes.Replace(good, []byte("Duyệt."), []byte("Không duyệt."), 1),
			policy: verify, want: []string{"dkim/fail"}},
		{name: "TamperedFrom", raw: bytes.Replace(good, []byte("<lanhdao@"), []byte("<vanthu@"), 1),
			from: "vanthu@bqlkcn.gov.vn", policy: verify, want: []string{"dkim/fail"}},
		{name: "TamperedBehindTrustedPass", raw: append([]byte(gmailPass+"\r\n"+receivedGoogle+"\r\n"),
			bytes.Replace(good, []byte("Duyệt."), []byte("Không duyệt."), 1)...),
			policy: Policy{TrustedServers: gmail.TrustedServers, VerifyDKIM: true, LookupTXT: published},
			want:   []string{"dkim/fail"}},
		{name: "FromNotAligned", raw: signed(t, sender, "mailer.example", "s1", otherRSA().signer),
			policy: verify, want: []string{"dkim/policy"}},
		{name: "ParentDomainAligned", raw: signed(t, subdomainFrom, "bqlkcn.gov.vn", "mail", rsaKey().signer),
			from: "lanhdao@vp.bqlkcn.gov.vn", policy: verify, wantPass: true},
		{name: "RotatedKeyNextToGoodSignature",
			raw:    signed(t, good, "bqlkcn.gov.vn", "old", rsaKey().signer),
			policy: verify, wantPass: true},
		{name: "RotatedKeyOnly", raw: signed(t, sender, "bqlkcn.gov.vn", "old", rsaKey().signer),
			policy: verify, want: []string{"dkim/fail"}},
		{name: "KeyNotPublished", raw: signed(t, sender, "bqlkcn.gov.vn", "nokey", rsaKey().signer),
			policy: verify, want: []string{"dkim/permerror"}},
		{name: "DNSDown", raw: good, policy: Policy{VerifyDKIM: true, LookupTXT: dnsDown},
			wantTemp: true, want: []string{"dkim/temperror"}},
		{name: "Unsigned", raw: sender, policy: verify, want: []string{"dkim/none"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := tt.from
			if from == "" {
				from = leader
			}
			checkVerdict(t, Check(tt.raw, from, tt.policy), tt.wantPass, tt.wantTemp, tt.want)
		})
	}
}
