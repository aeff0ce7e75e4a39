package mailer

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// DKIM says how tonghop signs its own mail (RFC 6376), so that the units' servers can
// tell it from a forgery and DMARC passes for the office's domain.
type DKIM struct {
	Domain   string        // d=, the office's domain or a parent of the From domain
	Selector string        // s=; the public key is published at <Selector>._domainkey.<Domain>
	Key      crypto.Signer // *rsa.PrivateKey (at least 1024, better 2048 bits) or ed25519.PrivateKey
}

// minRSABits is the smallest RSA key verifiers accept (RFC 8301 section 3.2).
const minRSABits = 1024

// dkimHeaders are the header fields signed, From and Subject twice so that a second one
// added on the way breaks the signature (RFC 6376 section 8.15).
//
// The list must stay short: go-mail v0.8.1 folds the DKIM-Signature field every 76
// columns and breaks a tag longer than a line in the middle of a word, which relaxed
// canonicalization turns into a space and the signature no longer verifies. The "h=" tag
// with its "; " must fit in 75 characters (TestDKIMHeaders_FitOneLine). Message-ID and
// Date are signed; In-Reply-To, References and MIME-Version are not.
var dkimHeaders = []string{
	"From", "Reply-To", "To", "Cc", "Subject", "Date", "Message-ID", "Content-Type", "From", "Subject",
}

// Validate checks that the configuration can sign mail from the address from: the key is
// one DKIM knows, and Domain is the From domain or a parent of it (otherwise DMARC does not
// count the signature for the office). It does no I/O.
func (d *DKIM) Validate(from string) error {
	var errs []error
	if d.Domain == "" || strings.ContainsAny(d.Domain, " \t\r\n;@") {
		errs = append(errs, fmt.Errorf("domain: %q is not a domain name", d.Domain))
	} else if fd := addressDomain(from); fd != strings.ToLower(d.Domain) &&
		!strings.HasSuffix(fd, "."+strings.ToLower(d.Domain)) {
		errs = append(errs, fmt.Errorf("domain: %q is neither the domain of %q nor a parent of it", d.Domain, from))
	}
	if d.Selector == "" || strings.ContainsAny(d.Selector, " \t\r\n;@") {
		errs = append(errs, fmt.Errorf("selector: %q is not a selector", d.Selector))
	}
	if err := checkDKIMKey(d.Key); err != nil {
		errs = append(errs, fmt.Errorf("key: %w", err))
	}
	return errors.Join(errs...)
}

func checkDKIMKey(key crypto.Signer) error {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		if bits := k.N.BitLen(); bits < minRSABits {
			return fmt.Errorf("RSA key has %d bits, want at least %d", bits, minRSABits)
		}
		return nil
	case ed25519.PrivateKey:
		if len(k) != ed25519.PrivateKeySize {
			return fmt.Errorf("Ed25519 key has %d bytes, want %d", len(k), ed25519.PrivateKeySize)
		}
		return nil
	case nil:
		return errors.New("missing")
	default:
		// go-mail signs with these two concrete types only.
		return fmt.Errorf("%T is not an RSA or Ed25519 private key", key)
	}
}

// DNSRecord returns the DNS name and TXT record value that publish the public key, for
// the office's DNS administrator: "mail._domainkey.bqlkcn.gov.vn" and
// "v=DKIM1; k=rsa; p=MIIBIjANBg...".
func (d *DKIM) DNSRecord() (name, value string, err error) {
	if err := checkDKIMKey(d.Key); err != nil {
		return "", "", fmt.Errorf("dkim key: %w", err)
	}
	name = d.Selector + "._domainkey." + strings.ToLower(d.Domain)
	switch pub := d.Key.Public().(type) {
	case ed25519.PublicKey:
		return name, "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub), nil
	default:
		der, err := x509.MarshalPKIXPublicKey(pub)
		if err != nil {
			return "", "", fmt.Errorf("dkim public key: %w", err)
		}
		return name, "v=DKIM1; k=rsa; p=" + base64.StdEncoding.EncodeToString(der), nil
	}
}

// applyDKIM makes msg sign itself when it is written, if cfg asks for DKIM. go-mail signs
// the final bytes in Msg.WriteTo, which both Compose and the SMTP client call. A bad
// configuration is not ErrPermanent: the message is fine and goes out once it is fixed.
func applyDKIM(msg *gomail.Msg, cfg Config, date time.Time) error {
	if cfg.DKIM == nil {
		return nil
	}
	if err := cfg.DKIM.Validate(cfg.From); err != nil {
		return fmt.Errorf("dkim: %w", err)
	}
	msg.SetDKIM(cfg.DKIM.signer(date))
	return nil
}

// signer returns a go-mail signer for one message; go-mail's signer keeps state while
// signing, so each message gets its own. The signature time is the message's Date, so
// the same Message still composes to the same bytes.
func (d *DKIM) signer(date time.Time) *gomail.DKIMSigner {
	s := gomail.NewDKIMSigner(strings.ToLower(d.Domain), d.Selector, d.Key)
	s.SignHeaders(dkimHeaders...)
	s.NowFunc = func() time.Time { return date }
	return s
}

// ParseDKIMKey reads a PEM private key for DKIM signing: RSA in PKCS#1 ("RSA PRIVATE KEY")
// or PKCS#8 ("PRIVATE KEY"), or Ed25519 in PKCS#8, as written by
// "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048" or
// "openssl genpkey -algorithm ed25519". Other PEM blocks before the key are skipped.
func ParseDKIMKey(pemData []byte) (crypto.Signer, error) {
	for {
		block, rest := pem.Decode(pemData)
		if block == nil {
			return nil, errors.New("dkim key: no PEM private key found")
		}
		pemData = rest
		switch block.Type {
		case "RSA PRIVATE KEY":
			key, err := x509.ParsePKCS1PrivateKey(block.Bytes)
			if err != nil {
				return nil, fmt.Errorf("dkim key: %w", err)
			}
			return key, nil
		case "PRIVATE KEY":
			return parsePKCS8DKIMKey(block.Bytes)
		case "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY":
			return nil, fmt.Errorf("dkim key: %s is not supported, give an unencrypted RSA or Ed25519 key", block.Type)
		}
	}
}

func parsePKCS8DKIMKey(der []byte) (crypto.Signer, error) {
	key, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, fmt.Errorf("dkim key: %w", err)
	}
	switch key := key.(type) {
	case *rsa.PrivateKey:
		return key, nil
	case ed25519.PrivateKey:
		return key, nil
	default:
		return nil, fmt.Errorf("dkim key: %T is not an RSA or Ed25519 key", key)
	}
}
