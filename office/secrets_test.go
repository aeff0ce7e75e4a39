package office

import (
	"bytes"
	"testing"

	"github.com/tonghop/tonghop/config"
)

// TestApprovalMAC: the MAC binds form, period, version and person under a key derived from
// the office's key; it never verifies without a key or for any other value.
func TestApprovalMAC(t *testing.T) {
	o := &Office{Key: []byte("office-key")}
	mac := o.ApprovalMAC("BM.02.01/KH", "2026-11", 2, "tb")
	if len(mac) != approvalMACLen || mac != o.ApprovalMAC("BM.02.01/KH", "2026-11", 2, "tb") {
		t.Fatalf("got %q, want %d stable hex digits", mac, approvalMACLen)
	}
	tests := []struct {
		name                 string
		o                    *Office
		form, period, person string
		version              int
		mac                  string
		want                 bool
	}{
		{"Same", o, "BM.02.01/KH", "2026-11", "tb", 2, mac, true},
		{"OtherPerson", o, "BM.02.01/KH", "2026-11", "ptb", 2, mac, false},
		{"OtherVersion", o, "BM.02.01/KH", "2026-11", "tb", 3, mac, false},
		{"OtherPeriod", o, "BM.02.01/KH", "2026-12", "tb", 2, mac, false},
		{"OtherForm", o, "BM.04.01/KH", "2026-11", "tb", 2, mac, false},
		{"Shifted", o, "BM.02.01/KH", "2026-1", "tb", 12, mac, false}, // "2026-1"+"12" = "2026-11"+"2"
		{"OtherKey", &Office{Key: []byte("other")}, "BM.02.01/KH", "2026-11", "tb", 2, mac, false},
		{"NoKey", &Office{}, "BM.02.01/KH", "2026-11", "tb", 2, "", false},
		{"Empty", o, "BM.02.01/KH", "2026-11", "tb", 2, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.o.VerifyApprovalMAC(tt.form, tt.period, tt.version, tt.person, tt.mac); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDerive: each label has its own key, never the office's key itself.
func TestDerive(t *testing.T) {
	key := []byte("office-key")
	a, b := derive(key, labelMessageID), derive(key, labelApproval)
	if len(a) != 32 || bytes.Equal(a, b) || bytes.Contains(a, key) || derive(nil, labelApproval) != nil {
		t.Fatalf("derive: got %x and %x", a, b)
	}
	c, err := config.Parse([]byte(minimal), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	o, err := Compile(c, key)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(o.Mail.MessageIDSecret, a) {
		t.Errorf("Mail.MessageIDSecret: got %x, want %x", o.Mail.MessageIDSecret, a)
	}
}

// TestLateFileMAC: the late file's tag binds form, period, unit and version under its own key:
// an approval token's MAC of the same values never verifies as one.
func TestLateFileMAC(t *testing.T) {
	o := &Office{Key: []byte("office-key")}
	mac := o.LateFileMAC("BM.02.01/KH", "2026-11", "QLDN", 4)
	tests := []struct {
		name               string
		o                  *Office
		form, period, unit string
		version            int
		mac                string
		want               bool
	}{
		{"Same", o, "BM.02.01/KH", "2026-11", "QLDN", 4, mac, true},
		{"OtherUnit", o, "BM.02.01/KH", "2026-11", "QLDT", 4, mac, false},
		{"OtherVersion", o, "BM.02.01/KH", "2026-11", "QLDN", 3, mac, false},
		{"ApprovalMAC", o, "BM.02.01/KH", "2026-11", "QLDN", 4, o.ApprovalMAC("BM.02.01/KH", "2026-11", 4, "QLDN"), false},
		{"NoKey", &Office{}, "BM.02.01/KH", "2026-11", "QLDN", 4, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.o.VerifyLateFileMAC(tt.form, tt.period, tt.unit, tt.version, tt.mac); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
