package mailer

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-msgauth/dkim"
	"github.com/tonghop/tonghop/mailauth"
)

// testRSAKey is generated once: RSA-2048 generation is slow under -race.
var testRSAKey = sync.OnceValue(func() *rsa.PrivateKey {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return key
})

// pemKeys returns the test keys in each PEM encoding ParseDKIMKey accepts.
func pemKeys(t *testing.T) map[string][]byte {
	t.Helper()
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8 := func(key any) []byte {
		der, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			t.Fatal(err)
		}
		return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	}
	return map[string][]byte{
		"RSA-PKCS1": pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY",
			Bytes: x509.MarshalPKCS1PrivateKey(testRSAKey())}),
		"RSA-PKCS8":     pkcs8(testRSAKey()),
		"Ed25519-PKCS8": pkcs8(edKey),
	}
}

// lookupFor answers DNS TXT queries with the record d publishes, and nothing else.
func lookupFor(t *testing.T, d *DKIM) func(string) ([]string, error) {
	t.Helper()
	name, value, err := d.DNSRecord()
	if err != nil {
		t.Fatalf("DNSRecord: %v", err)
	}
	return func(domain string) ([]string, error) {
		if domain != name {
			return nil, errors.New("no such host " + domain)
		}
		return []string{value}, nil
	}
}

// verifyDKIM checks raw the way a receiving server and tonghop's own intake would.
func verifyDKIM(t *testing.T, raw []byte, d *DKIM, from string) {
	t.Helper()
	lookup := lookupFor(t, d)
	verifs, err := dkim.VerifyWithOptions(bytes.NewReader(raw), &dkim.VerifyOptions{LookupTXT: lookup})
	if err != nil || len(verifs) != 1 {
		t.Fatalf("dkim.Verify: got %d verifications, %v, want 1", len(verifs), err)
	}
	if v := verifs[0]; v.Err != nil || v.Domain != d.Domain {
		t.Fatalf("dkim.Verify: got d=%s, %v, want d=%s valid", v.Domain, v.Err, d.Domain)
	}
	verdict := mailauth.Check(raw, from, mailauth.Policy{VerifyDKIM: true, LookupTXT: lookup})
	if !verdict.Pass {
		t.Fatalf("mailauth.Check: got %+v, want Pass", verdict)
	}
}

func TestCompose_DKIM(t *testing.T) {
	for name, pemData := range pemKeys(t) {
		t.Run(name, func(t *testing.T) {
			key, err := ParseDKIMKey(pemData)
			if err != nil {
				t.Fatalf("ParseDKIMKey: %v", err)
			}
			cfg := testConfig(25, TLSNone)
			cfg.ReplyTo = "vanphong@bqlkcn.example"
			cfg.DKIM = &DKIM{Domain: "bqlkcn.example", Selector: "tonghop2026", Key: key}
			m := testMessage("dkim/" + name)
			m.InReplyTo = "CAF=abc123@mail.gmail.com"
			m.References = []string{"<first@x.example>", "CAF=abc123@mail.gmail.com"}
			raw, err := Compose(cfg, m)
			if err != nil {
				t.Fatalf("Compose: %v", err)
			}
			if !bytes.HasPrefix(raw, []byte("DKIM-Signature: ")) {
				t.Fatalf("got message starting %q, want a DKIM-Signature first", raw[:min(40, len(raw))])
			}
			verifyDKIM(t, raw, cfg.DKIM, cfg.From)
			checkLineLengths(t, raw)
			if p := parse(t, raw); len(p.attachments) != 1 || p.header.Get("Subject") == "" {
				t.Errorf("got %d attachments, subject %q, want the message intact", len(p.attachments), p.header.Get("Subject"))
			}
			again, err := Compose(cfg, m)
			if err != nil || !bytes.Equal(raw, again) {
				t.Errorf("Compose twice: got different bytes (%v), want the same signed message", err)
			}
		})
	}
}

func TestCompose_DKIMTampered(t *testing.T) {
	cfg := testConfig(25, TLSNone)
	cfg.DKIM = &DKIM{Domain: "bqlkcn.example", Selector: "s", Key: testRSAKey()}
	raw, err := Compose(cfg, testMessage("dkim/tampered"))
	if err != nil {
		t.Fatalf("Compose: %v", err)
	}
	lookup := lookupFor(t, cfg.DKIM)
	tests := []struct {
		name string
		raw  []byte
	}{
		{"SecondFrom", append([]byte("From: giamdoc@bqlkcn.example\r\n"), raw...)},
		{"Subject", bytes.Replace(raw, []byte("Subject:"), []byte("Subject: =?UTF-8?Q?Kh=C3=B4ng?="), 1)},
		{"Body", bytes.Replace(raw, []byte("K=C3=ADnh g=E1=BB=ADi"), []byte("k=C3=ADnh g=E1=BB=ADi"), 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if bytes.Equal(tt.raw, raw) {
				t.Fatal("test did not change the message")
			}
			verifs, err := dkim.VerifyWithOptions(bytes.NewReader(tt.raw), &dkim.VerifyOptions{LookupTXT: lookup})
			if err != nil || len(verifs) != 1 || verifs[0].Err == nil {
				t.Errorf("got %d verifications (%v), want one failing signature", len(verifs), err)
			}
		})
	}
}

func TestSender_SendDKIM(t *testing.T) {
	srv := startSMTP(t, modePlain, "", "")
	cfg := testConfig(srv.Port, TLSNone)
	cfg.DKIM = &DKIM{Domain: "bqlkcn.example", Selector: "tonghop", Key: testRSAKey()}
	if _, err := newTestSender(t, cfg).Send(context.Background(), testMessage("dkim/send")); err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := srv.Deliveries()
	if len(got) != 1 {
		t.Fatalf("got %d deliveries, want 1", len(got))
	}
	verifyDKIM(t, got[0].Data, cfg.DKIM, cfg.From)
}

func TestCompose_DKIMInvalid(t *testing.T) {
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dkim DKIM
		want string
	}{
		{"OtherDomain", DKIM{Domain: "other.example", Selector: "s", Key: testRSAKey()}, "neither the domain"},
		{"ChildDomain", DKIM{Domain: "mail.bqlkcn.example", Selector: "s", Key: testRSAKey()}, "neither the domain"},
		{"NoSelector", DKIM{Domain: "bqlkcn.example", Key: testRSAKey()}, "selector"},
		{"NoKey", DKIM{Domain: "bqlkcn.example", Selector: "s"}, "key: missing"},
		{"ECDSAKey", DKIM{Domain: "bqlkcn.example", Selector: "s", Key: ecKey}, "not an RSA or Ed25519"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(25, TLSNone)
			cfg.DKIM = &tt.dkim
			_, err := Compose(cfg, testMessage("dkim/invalid"))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Compose: got %v, want an error about %q", err, tt.want)
			}
			if errors.Is(err, ErrPermanent) {
				t.Errorf("got %v, want a configuration error that is not ErrPermanent", err)
			}
		})
	}
	parent := DKIM{Domain: "BQLKCN.example", Selector: "s", Key: testRSAKey()}
	if err := parent.Validate("tonghop@vp.bqlkcn.example"); err != nil {
		t.Errorf("Validate with a parent domain: got %v, want nil", err)
	}
}

// TestDKIMHeaders_FitOneLine guards the go-mail folding limit described at dkimHeaders.
func TestDKIMHeaders_FitOneLine(t *testing.T) {
	tag := "h=" + strings.Join(dkimHeaders, ":") + "; "
	if len(tag) > 75 {
		t.Errorf("got an h= tag of %d characters, want at most 75: %s", len(tag), tag)
	}
}

func TestParseDKIMKey(t *testing.T) {
	keys := pemKeys(t)
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ecDER, err := x509.MarshalPKCS8PrivateKey(ecKey)
	if err != nil {
		t.Fatal(err)
	}
	certFirst := append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte{1}}), keys["RSA-PKCS1"]...)
	tests := []struct {
		name    string
		pem     []byte
		want    string // type of the key, "" for an error
		wantErr string
	}{
		{name: "RSA-PKCS1", pem: keys["RSA-PKCS1"], want: "*rsa.PrivateKey"},
		{name: "RSA-PKCS8", pem: keys["RSA-PKCS8"], want: "*rsa.PrivateKey"},
		{name: "Ed25519-PKCS8", pem: keys["Ed25519-PKCS8"], want: "ed25519.PrivateKey"},
		{name: "AfterCertificate", pem: certFirst, want: "*rsa.PrivateKey"},
		{name: "ECDSA", pem: pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: ecDER}), wantErr: "not an RSA or Ed25519"},
		{name: "Encrypted", pem: pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: []byte{1}}), wantErr: "not supported"},
		{name: "BrokenDER", pem: pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: []byte{1, 2}}), wantErr: "dkim key"},
		{name: "NotPEM", pem: []byte("-----BEGIN nothing"), wantErr: "no PEM private key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key, err := ParseDKIMKey(tt.pem)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %T, %v, want an error about %q", key, err, tt.wantErr)
				}
				return
			}
			if err != nil || typeName(key) != tt.want {
				t.Fatalf("got %s, %v, want %s", typeName(key), err, tt.want)
			}
		})
	}
}

func typeName(key crypto.Signer) string {
	switch key.(type) {
	case *rsa.PrivateKey:
		return "*rsa.PrivateKey"
	case ed25519.PrivateKey:
		return "ed25519.PrivateKey"
	}
	return "other"
}

func TestDKIM_DNSRecord(t *testing.T) {
	d := DKIM{Domain: "BQLKCN.example", Selector: "tonghop2026", Key: testRSAKey()}
	name, value, err := d.DNSRecord()
	if err != nil || name != "tonghop2026._domainkey.bqlkcn.example" || !strings.HasPrefix(value, "v=DKIM1; k=rsa; p=MII") {
		t.Errorf("got %q, %q, %v, want tonghop2026._domainkey.bqlkcn.example and an RSA record", name, value, err)
	}
	if _, _, err := (&DKIM{Domain: "x", Selector: "s"}).DNSRecord(); err == nil {
		t.Error("DNSRecord without a key: got nil error, want one")
	}
}
