package mailauth

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Real mail from the corpus (testdata/SOURCES.tsv). Their DKIM signatures cannot be
// verified without the senders' DNS; they test reading real Authentication-Results.
func TestCheck_Corpus(t *testing.T) {
	// Hotmail's authserv-id is not the name in its Received field.
	hotmailHosts := []string{"BAY004-MC2F13.hotmail.example.com"}
	tests := []struct {
		name     string
		file     string
		policy   Policy
		trim     bool // drop the line of spaces the flanker fixture starts with
		wantPass bool
		wantTemp bool
		want     []string
	}{
		// Gmail writes its field below its own Received field, where a sender's forged field
		// would be too: it proves nothing (RFC 8601 section 5). Google Workspace offices use
		// verify_dkim.
		{name: "GmailTwoDKIMPasses", file: "charset__enmime_ctype-bug_mandrill.eml", policy: gmail,
			want: []string{"authres/none"}},
		{name: "GmailNotOurMX", file: "charset__enmime_ctype-bug_mandrill.eml", policy: postfx,
			want: []string{"authres/none"}},
		{name: "LeadingSpaceLine", file: "fwd__flanker_enclosed.eml", policy: gmail,
			want: []string{"message/permerror"}},
		{name: "GmailOldSPFFormat", file: "fwd__flanker_enclosed.eml", trim: true, policy: gmail,
			want: []string{"authres/none"}},
		{name: "GmailSignatureWithoutDNS", file: "fwd__flanker_enclosed.eml", trim: true,
			policy: Policy{TrustedServers: gmail.TrustedServers, VerifyDKIM: true, LookupTXT: dns(nil)},
			want:   []string{"dkim/permerror"}},
		{name: "GmailSignatureDNSDown", file: "fwd__flanker_enclosed.eml", trim: true,
			policy:   Policy{TrustedServers: gmail.TrustedServers, VerifyDKIM: true, LookupTXT: dnsDown},
			wantTemp: true, want: []string{"dkim/temperror"}},
		// OpenDKIM as Postfix's milter: its field lies below Postfix's Received field, where it
		// proves nothing; the office uses verify_dkim (SECURITY.md).
		{name: "PostfixCommaComment", file: "autoreply__sisimai_rfc3834-06.eml",
			policy: Policy{TrustedServers: []string{"feed.ef.example.org"}}, want: []string{"authres/none"}},
		{name: "HotmailSemicolonInComment", file: "bounce__sisimai_outlook-01_utf7.eml",
			policy: Policy{TrustedServers: []string{"hotmail.example.com"}, ReceivedHosts: hotmailHosts},
			want:   []string{"alignment/none"}},
		{name: "HotmailAcceptUnproven", file: "bounce__sisimai_outlook-01_utf7.eml",
			policy:   Policy{TrustedServers: []string{"hotmail.example.com"}, ReceivedHosts: hotmailHosts, AcceptUnproven: true},
			wantPass: true},
		{name: "EximDMARCSkipped", file: "bounce__webklex_example_bounce_exim.eml",
			policy: Policy{TrustedServers: []string{"somewhere.your-server.de"}}, want: []string{"alignment/none"}},
		{name: "Microsoft365DMARCFail", file: "bounce__mimekit_bounce_postfix_via_o365.eml", policy: m365,
			want: []string{"dmarc/fail"}},
		{name: "Microsoft365Untrusted", file: "bounce__mimekit_bounce_postfix_via_o365.eml",
			policy: Policy{TrustedServers: []string{"eu1-mdac18-23.fra.mdlocal"}}, want: []string{"authres/none"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if tt.trim {
				raw = bytes.TrimLeft(raw, " \r\n")
			}
			checkVerdict(t, Check(raw, "", tt.policy), tt.wantPass, tt.wantTemp, tt.want)
		})
	}
}
