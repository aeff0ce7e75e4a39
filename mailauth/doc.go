// Package mailauth decides whether a mail may be believed to come from its From address.
//
// Leaders approve reports by answering mail; a forged "Duyệt" must never be accepted. Check
// reads what the office's own receiving server (its MX) recorded in Authentication-Results
// header fields (RFC 8601) and, if asked, verifies DKIM signatures itself. It is pure: it
// reads bytes and returns a Verdict; the only network access is the DNS lookup of DKIM keys,
// and that is replaceable (Policy.LookupTXT).
//
// # Which Authentication-Results are believed
//
// Anyone can write any header, so only fields whose authserv-id is one of
// Policy.TrustedServers count (compared without regard to case); all others are ignored, also
// when they claim "pass". Microsoft 365 writes its field without any authserv-id;
// Policy.TrustUnnamed believes such fields.
//
// A trusted id is not enough either: anyone can write a field claiming it. RFC 8601 section 5
// asks the receiving server to remove such fields from incoming mail, but not every server
// does (OpenDKIM only with RemoveARFrom or RemoveARAll), so Check also looks at where a field
// lies. A server adds its Received field when the message reaches it, above everything the
// sender wrote; a field it writes afterwards lies above that Received field. So a named
// server's field vouches for the message only when it lies above the server's own Received
// field: the topmost Received field whose "by" host is the authserv-id or one of
// Policy.ReceivedHosts, passing over the delivery hops written above it ("with LMTP", "with
// local"). A Received field that cannot be read stops that search where it is (everything
// above it was added inside the office). When the server's Received field is missing, none
// of its fields vouches. Fields further down may still refuse the message (a forged failure
// harms only the forger) but vouch for nothing.
//
// This means that servers writing their field below their own Received field (Gmail; Postfix
// with OpenDKIM or OpenDMARC as smtpd milters; Zimbra's amavis under Postfix's re-injection
// hop) cannot vouch through Authentication-Results: such offices set VerifyDKIM. SECURITY.md
// says what each kind of server must do.
//
// Microsoft 365 writes its field without an authserv-id and renames the Authentication-Results
// fields a message arrives with (to Authentication-Results-Original), so with
// Policy.TrustUnnamed no Received field is needed: only the topmost block of unnamed fields,
// up to the next Received field, may vouch.
//
// Comments are removed before a field is parsed (OpenDKIM writes "(2048-bit key; unprotected)",
// whose semicolon would otherwise split a result). A trusted field that cannot be read
// completely makes the verdict Temporary: it proves nothing either way.
//
// # What a trusted field must not say
//
//   - dmarc=fail, spf=fail (or hardfail) and Microsoft's compauth=fail always refuse.
//   - dkim=fail, neutral, policy or permerror refuse unless the same field also has a dkim=pass
//     for a domain aligned with From: a message may carry a broken mailing-list signature next
//     to a good one from its author's domain.
//   - dmarc=temperror makes the verdict Temporary; dkim=temperror and spf=temperror do too,
//     unless the same field has an aligned dkim=pass.
//   - softfail, neutral, none and permerror of SPF, and none or permerror of DMARC, refuse
//     nothing by themselves.
//
// # What must vouch for the From domain
//
// Not failing is not enough: a forger's mail from a domain without DMARC fails nothing. When
// any check is configured, some check must also vouch for the From domain: in a trusted field
// a dmarc=pass (for the From domain, or without header.from), a dkim=pass for an aligned
// domain, or an spf=pass whose smtp.mailfrom domain is aligned; or, with Policy.VerifyDKIM, a
// valid signature of an aligned domain. Policy.AcceptUnproven drops this requirement for
// offices whose correspondents publish neither DKIM nor DMARC; it is weaker and documented as
// such.
//
// A signing domain d is aligned with the From domain f when d equals f or is a parent of f
// that is not a public suffix: d=bqlkcn.gov.vn aligns with From domains bqlkcn.gov.vn and
// vp.bqlkcn.gov.vn, but d=gov.vn aligns with nothing. (DMARC's relaxed alignment also accepts
// a d= that is a sibling under the same organisational domain; this package does not.)
//
// # Other rules
//
//   - The message must have exactly one From field holding exactly one address, and when the
//     caller names the from address it must be that one: DKIM signs one From, and a second one
//     is how a forger gets a signed message displayed under another name.
//   - TrustedServers or TrustUnnamed set but no trusted field where it may vouch, and nothing
//     else failed: the mail did not come through the office's MX (or was injected behind it),
//     Failure{Method: "authres", Result: "none"}.
//   - Policy.VerifyDKIM: at least one valid signature with an aligned d= is required. Failing
//     or unaligned signatures next to a valid aligned one do not matter. Signatures that could
//     not be checked for a temporary DNS error make the verdict Temporary.
//   - Nothing configured (no TrustedServers, no TrustUnnamed, no VerifyDKIM): Pass, apart from
//     the From rules above.
//
// Verdict.Pass holds exactly when Verdict.Failures is empty. Verdict.Temporary is set when
// every failure is one a later attempt could clear (a DNS temperror, an unreadable trusted
// field); a single definite failure makes it false.
package mailauth
