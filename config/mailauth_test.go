package config

import (
	"errors"
	"strings"
	"testing"
)

// TestParse_MailAuth: a form with an approval chain needs a way to authenticate its replies,
// or the explicit insecure setting.
func TestParse_MailAuth(t *testing.T) {
	const auth = "[mail_auth]\ntrusted_servers = [\"mx.example.vn\"]\n"
	tests := []struct {
		name string
		new  string // replaces the [mail_auth] table of minimal
		want []string
	}{
		{name: "TrustedServers", new: auth},
		{name: "TrustUnnamed", new: "[mail_auth]\ntrust_unnamed = true\n"},
		{name: "VerifyDKIM", new: "[mail_auth]\nverify_dkim = true\n"},
		{name: "Insecure", new: "[mail_auth]\ninsecure_unauthenticated_approvals = true\n"},
		{name: "Missing", new: "", want: []string{`mail_auth: forms[0].approval (BM.02.01/KH) has an approval chain, but nothing authenticates`}},
		{name: "AllOff", new: "[mail_auth]\ntrusted_servers = []\ntrust_unnamed = false\nverify_dkim = false\naccept_unproven = true\n",
			want: []string{`mail_auth: forms[0].approval (BM.02.01/KH)`}},
		{name: "InsecureWithAuth", new: auth + "insecure_unauthenticated_approvals = true\n",
			want: []string{`mail_auth.insecure_unauthenticated_approvals: is set although replies are authenticated`}},
		{name: "BadServer", new: "[mail_auth]\ntrusted_servers = [\"mx.example.vn; dkim=pass\"]\n",
			want: []string{`mail_auth.trusted_servers[0]: "mx.example.vn; dkim=pass" is not a host name`}},
		{name: "ReceivedHosts", new: auth + "received_hosts = [\"mx1.example.vn\"]\n"},
		{name: "ReceivedHostsAlone", new: "[mail_auth]\nverify_dkim = true\nreceived_hosts = [\"mx1.example.vn\"]\n",
			want: []string{`mail_auth.received_hosts: is only used with mail_auth.trusted_servers`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := mailAuthProblems(t, strings.Replace(minimal, auth, tt.new, 1))
			for _, w := range tt.want {
				if !containsPrefix(problems, w) {
					t.Errorf("missing problem %q; got:\n  %s", w, strings.Join(problems, "\n  "))
				}
			}
			if len(problems) != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n  %s", len(problems), len(tt.want), strings.Join(problems, "\n  "))
			}
		})
	}
}

// mailAuthProblems parses src and returns its problems, none when it loads.
func mailAuthProblems(t *testing.T, src string) []string {
	t.Helper()
	_, err := Parse([]byte(src), "t.toml")
	if err == nil {
		return nil
	}
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got error %v, want *Errors", err)
	}
	return errs.Problems
}

// TestParse_MailAuthWithoutChain: an office without approval chains needs no authentication.
func TestParse_MailAuthWithoutChain(t *testing.T) {
	src := strings.Replace(strings.Replace(minimal, "approval = [\"truong_ban\"]\n", "", 1),
		"[mail_auth]\ntrusted_servers = [\"mx.example.vn\"]\n", "", 1)
	if _, err := Parse([]byte(src), "t.toml"); err != nil {
		t.Fatalf("Parse without a chain and without [mail_auth]: %v", err)
	}
}
