package config

// MailAuth is how replies deciding an approval, and units' mail with their workbooks, are
// authenticated. TrustedServers are the authserv-ids (RFC 8601) of the office's receiving
// servers: their Authentication-Results header is believed when it lies above the server's own
// Received field, and a dkim, spf or dmarc "fail" there refuses the reply (a unit's mail:
// recorded as unverified, never counted, not answered). ReceivedHosts are the host names those
// servers write after "by" in their Received field, when they differ from the authserv-ids.
// With none of the checks, units' mail is taken to come from its From address. VerifyDKIM makes
// tonghop verify DKIM signatures itself and require a valid one from the sender's domain.
// TrustUnnamed believes the unnamed Authentication-Results of Microsoft 365; AcceptUnproven
// believes a reply that no check failed even when none vouched for the sender's domain (for
// correspondents without DKIM or DMARC: weaker, a forger failing nothing passes).
//
// A form with an approval chain needs one of TrustedServers, TrustUnnamed or VerifyDKIM:
// without them anyone can write a leader's "Duyệt". InsecureUnauthenticatedApprovals lets an
// office run without, knowingly; every start logs it and every issued report says so.
type MailAuth struct {
	TrustedServers []string `toml:"trusted_servers"`
	ReceivedHosts  []string `toml:"received_hosts"`
	TrustUnnamed   bool     `toml:"trust_unnamed"`
	VerifyDKIM     bool     `toml:"verify_dkim"`
	AcceptUnproven bool     `toml:"accept_unproven"`

	InsecureUnauthenticatedApprovals bool `toml:"insecure_unauthenticated_approvals"`
}

// Authenticates reports whether some check can vouch for a reply's sender.
func (m MailAuth) Authenticates() bool {
	return len(m.TrustedServers) > 0 || m.TrustUnnamed || m.VerifyDKIM
}

// Unauthenticated reports whether the office chose to count approvals that nothing
// authenticates (InsecureUnauthenticatedApprovals without any check).
func (m MailAuth) Unauthenticated() bool {
	return m.InsecureUnauthenticatedApprovals && !m.Authenticates()
}
