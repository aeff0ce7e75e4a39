package config

import (
	"strings"
	"testing"
)

func TestParse_HealthListen(t *testing.T) {
	tests := []struct {
		name    string
		section string // inserted before [mailbox]; "" leaves the key out
		want    string // health.listen after parsing
		problem string // "" when valid
	}{
		{"Default", "", DefaultHealthListen, ""},
		{"Off", "[health]\nlisten = \"\"\n", "", ""},
		{"AnyPort", "[health]\nlisten = \"127.0.0.1:0\"\n", "127.0.0.1:0", ""},
		{"IPv6", "[health]\nlisten = \"[::1]:9464\"\n", "[::1]:9464", ""},
		{"NoPort", "[health]\nlisten = \"localhost\"\n", "", `health.listen: "localhost": want host:port`},
		{"BadPort", "[health]\nlisten = \"127.0.0.1:99999\"\n", "", `health.listen: "127.0.0.1:99999": the port must be a number`},
		{"NamedPort", "[health]\nlisten = \"127.0.0.1:http\"\n", "", `health.listen: "127.0.0.1:http": the port must be a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(minimal, "[mailbox]", tt.section+"[mailbox]", 1)
			c, err := Parse([]byte(src), "t.toml")
			if tt.problem != "" {
				if err == nil || !strings.Contains(err.Error(), tt.problem) {
					t.Errorf("got %v, want the problem %q", err, tt.problem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Health.Listen != tt.want {
				t.Errorf("health.listen: got %q, want %q", c.Health.Listen, tt.want)
			}
		})
	}
}
