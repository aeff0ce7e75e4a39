package office

import (
	"fmt"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailauth"
	"github.com/tonghop/tonghop/mailer"
)

// mailConfig is how tonghop sends: the relay, the From address and, when configured, the DKIM
// signer, whose key must fit the From domain.
func mailConfig(c *config.Config) (mailer.Config, error) {
	s := c.SMTP
	mc := mailer.Config{
		Host: s.Host, Port: s.Port, TLS: mailer.TLSMode(s.TLS),
		User: s.User, Password: s.Password, From: s.From, FromName: s.FromName,
		InsecureSkipVerify: s.InsecureSkipVerify, RootCAs: s.RootCAs,
	}
	if len(s.DKIMKeyPEM) == 0 {
		return mc, nil
	}
	key, err := mailer.ParseDKIMKey(s.DKIMKeyPEM)
	if err != nil {
		return mc, fmt.Errorf("smtp.dkim_key_file: %w", err)
	}
	mc.DKIM = &mailer.DKIM{Domain: s.DKIMDomain, Selector: s.DKIMSelector, Key: key}
	if err := mc.DKIM.Validate(s.From); err != nil {
		return mc, fmt.Errorf("smtp.dkim_domain: %w", err)
	}
	return mc, nil
}

// MailboxConfig is how the intake reaches the shared mailbox.
func (o *Office) MailboxConfig() intake.MailboxConfig {
	m := o.Config.Mailbox
	return intake.MailboxConfig{
		Host: m.Host, Port: m.Port, TLS: intake.TLSMode(m.TLS), User: m.User, Password: m.Password,
		Inbox: m.Inbox, Processed: m.Processed, Rejected: m.Rejected, Quarantine: m.Quarantine, Failed: m.Failed,
		MaxMessageBytes: m.MaxMessageBytes, InsecureSkipVerify: m.InsecureSkipVerify, RootCAs: m.RootCAs,
	}
}

// MailAuthPolicy is the check of package mailauth that [mail_auth] asks for, with lookup
// resolving DKIM keys (nil: the system resolver). ok is false when nothing is configured that
// could vouch for a sender (no trusted server, Microsoft 365's fields not trusted, no DKIM
// verification): mail is then taken to come from its From address, as before [mail_auth].
func (o *Office) MailAuthPolicy(lookup func(domain string) ([]string, error)) (p mailauth.Policy, ok bool) {
	ma := o.MailAuth
	if len(ma.TrustedServers) == 0 && !ma.TrustUnnamed && !ma.VerifyDKIM {
		return mailauth.Policy{}, false
	}
	return mailauth.Policy{
		TrustedServers: ma.TrustedServers, ReceivedHosts: ma.ReceivedHosts, TrustUnnamed: ma.TrustUnnamed,
		VerifyDKIM: ma.VerifyDKIM, AcceptUnproven: ma.AcceptUnproven, LookupTXT: lookup,
	}, true
}

// AuthFailure says why mail that would decide something — a leader's approval, a supervisor's
// view, a clerk's answer, an upper office's template — may not be believed to come from its
// From address, or "" when it may. raw is the message as received, lookup resolves DKIM keys.
// Without any check configured only an office that chose to count unauthenticated approvals
// (mail_auth.insecure_unauthenticated_approvals) believes the From address.
func (o *Office) AuthFailure(raw []byte, msg *intake.Message, lookup func(domain string) ([]string, error)) string {
	p, ok := o.MailAuthPolicy(lookup)
	if !ok {
		if o.MailAuth.Unauthenticated() {
			return ""
		}
		return letters.NoMailAuth
	}
	if v := mailauth.Check(raw, msg.From.Addr, p); !v.Pass {
		return v.Reason
	}
	return ""
}
