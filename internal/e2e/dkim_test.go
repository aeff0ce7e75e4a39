package e2e

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/emersion/go-msgauth/dkim"
)

// dkimKey is the key of kcn.example's outgoing mail: the test signs what units and leaders send
// as their domain's server would, and answers the DNS query for its public key, which the daemon
// makes through daemon.Options.LookupTXT. A mail without a valid signature (one the test did not
// sign, or one changed on the way) fails mail_auth.verify_dkim.
type dkimKey struct {
	key    ed25519.PrivateKey
	record string // the TXT record at selector._domainkey.kcn.example
}

const dkimSelector = "e2e"

func newDKIMKey(t testing.TB) *dkimKey {
	t.Helper()
	pub, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return &dkimKey{key: key, record: "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)}
}

// lookupTXT answers the DNS of the test: the key's record, and nothing else.
func (k *dkimKey) lookupTXT(name string) ([]string, error) {
	if strings.EqualFold(strings.TrimSuffix(name, "."), dkimSelector+"._domainkey."+domain) {
		return []string{k.record}, nil
	}
	return nil, fmt.Errorf("lookup %s: no such host", name)
}

// sign adds a DKIM-Signature of kcn.example to raw.
func (k *dkimKey) sign(t testing.TB, raw []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	err := dkim.Sign(&out, bytes.NewReader(raw), &dkim.SignOptions{
		Domain: domain, Selector: dkimSelector, Signer: k.key,
		HeaderCanonicalization: dkim.CanonicalizationRelaxed, BodyCanonicalization: dkim.CanonicalizationRelaxed,
		HeaderKeys: []string{"From", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
			"MIME-Version", "Content-Type"},
	})
	if err != nil {
		t.Fatalf("dkim sign: %v", err)
	}
	return out.Bytes()
}
