package localmail

import (
	"bytes"
	"testing"
)

// TestSMTP_AuthServID: as a checking MX, the server vouches (Authentication-Results above its
// Received field) only for a user sending under their own address.
func TestSMTP_AuthServID(t *testing.T) {
	const mx = "mx.sokhcn.gov.vn"
	tests := []struct {
		name, user, pass string
		want             bool
	}{
		{"OwnAddress", office, password, true},
		{"OtherUsersAddress", unitA, password, false},
		{"Anonymous", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startServer(t, Options{Domain: mx, AuthServID: mx})
			if err := sendRaw(t, s, tt.user, tt.pass, office, []string{unitA}, sampleRaw); err != nil {
				t.Fatalf("send: %v", err)
			}
			msgs, err := s.Messages(unitA, "INBOX")
			if err != nil || len(msgs) != 1 {
				t.Fatalf("Messages: %d, %v", len(msgs), err)
			}
			want := []byte("Authentication-Results: " + mx + "; dkim=pass header.d=sokhcn.gov.vn; " +
				"spf=pass smtp.mailfrom=sokhcn.gov.vn; dmarc=pass header.from=sokhcn.gov.vn\r\nReturn-Path: <" + office +
				">\r\nReceived: from ")
			if got := bytes.HasPrefix(msgs[0], want); got != tt.want {
				t.Errorf("got header start %q, want Authentication-Results %v", msgs[0][:min(len(msgs[0]), 200)], tt.want)
			}
		})
	}
}
