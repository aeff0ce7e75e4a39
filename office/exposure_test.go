package office

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/config"
)

func TestExposures(t *testing.T) {
	const path = "/etc/tonghop/tonghop.toml"
	base := func() *config.Config {
		c := parse(t, minimal).Config
		c.Path = path
		c.Mailbox.Password, c.Mailbox.PasswordEnv = "secret", "TONGHOP_IMAP_PASSWORD" // resolved from the environment
		return c
	}
	tests := []struct {
		name  string
		edit  func(c *config.Config)
		modes map[string]fs.FileMode
		want  []string // keys warned about
	}{
		{"PrivateConfigInlinePassword", func(c *config.Config) { c.Mailbox.PasswordEnv = "" }, map[string]fs.FileMode{path: 0o600}, nil},
		{"ReadableConfigInlinePassword", func(c *config.Config) { c.Mailbox.PasswordEnv = "" }, map[string]fs.FileMode{path: 0o644}, []string{"mailbox.password"}},
		{"GroupReadableConfigInlinePassword", func(c *config.Config) { c.SMTP.Password = "x" }, map[string]fs.FileMode{path: 0o640}, []string{"smtp.password"}},
		{"ReadableConfigPasswordFromEnv", nil, map[string]fs.FileMode{path: 0o644}, nil},
		{"ReadableConfigPasswordFromFile", func(c *config.Config) { c.Mailbox.PasswordEnv, c.Mailbox.PasswordFile = "", "/etc/tonghop/imap.pw" },
			map[string]fs.FileMode{path: 0o644, "/etc/tonghop/imap.pw": 0o600}, nil},
		{"ReadablePasswordFile", func(c *config.Config) { c.Mailbox.PasswordEnv, c.Mailbox.PasswordFile = "", "/etc/tonghop/imap.pw" },
			map[string]fs.FileMode{path: 0o600, "/etc/tonghop/imap.pw": 0o604}, []string{"mailbox.password_file"}},
		{"ReadableConfigInlineTemplateKey", func(c *config.Config) { c.Office.TemplateKey = "k" }, map[string]fs.FileMode{path: 0o664}, []string{"office.template_key"}},
		{"ReadableConfigTemplateKeyFromEnv", func(c *config.Config) { c.Office.TemplateKey, c.Office.TemplateKeyEnv = "k", "TONGHOP_TEMPLATE_KEY" },
			map[string]fs.FileMode{path: 0o644}, nil},
		{"ConfigModeUnknown", func(c *config.Config) { c.Mailbox.PasswordEnv = "" }, nil, nil},
		{"ReadableDKIMKey", func(c *config.Config) { c.SMTP.DKIMKeyFile = "/etc/tonghop/dkim.pem" },
			map[string]fs.FileMode{path: 0o600, "/etc/tonghop/dkim.pem": 0o644}, []string{"smtp.dkim_key_file"}},
		{"GroupReadableDKIMKey", func(c *config.Config) { c.SMTP.DKIMKeyFile = "/etc/tonghop/dkim.pem" },
			map[string]fs.FileMode{"/etc/tonghop/dkim.pem": 0o640}, []string{"smtp.dkim_key_file"}},
		{"PrivateDKIMKey", func(c *config.Config) { c.SMTP.DKIMKeyFile = "/etc/tonghop/dkim.pem" },
			map[string]fs.FileMode{"/etc/tonghop/dkim.pem": 0o400}, nil},
		{"PlainIMAPRemote", func(c *config.Config) { c.Mailbox.TLS = config.TLSNone }, nil, []string{"mailbox.tls"}},
		{"PlainSMTPRemote", func(c *config.Config) { c.SMTP.TLS, c.SMTP.Host = config.TLSNone, "10.0.0.5" }, nil, []string{"smtp.tls"}},
		{"PlainToLocalhost", func(c *config.Config) { c.Mailbox.TLS, c.Mailbox.Host = config.TLSNone, "localhost" }, nil, nil},
		{"PlainTo127/8", func(c *config.Config) { c.SMTP.TLS, c.SMTP.Host = config.TLSNone, "127.0.0.53" }, nil, nil},
		{"PlainToIPv6Loopback", func(c *config.Config) { c.SMTP.TLS, c.SMTP.Host = config.TLSNone, "::1" }, nil, nil},
		{"PlainToHostNamedLikeLoopback", func(c *config.Config) { c.SMTP.TLS, c.SMTP.Host = config.TLSNone, "localhost.example.vn" }, nil, []string{"smtp.tls"}},
		{"PlainTo128", func(c *config.Config) { c.SMTP.TLS, c.SMTP.Host = config.TLSNone, "128.0.0.1" }, nil, []string{"smtp.tls"}},
		{"StartTLSRemote", func(c *config.Config) { c.SMTP.TLS = config.TLSStartTLS }, nil, nil},
		{"Everything", func(c *config.Config) {
			c.Mailbox.PasswordEnv, c.Mailbox.TLS, c.SMTP.TLS, c.SMTP.DKIMKeyFile = "", config.TLSNone, config.TLSNone, "/k.pem"
		}, map[string]fs.FileMode{path: 0o644, "/k.pem": 0o644}, []string{"mailbox.password", "smtp.dkim_key_file", "mailbox.tls", "smtp.tls"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			if tt.edit != nil {
				tt.edit(c)
			}
			var got []string
			for _, e := range Exposures(c, tt.modes) {
				got = append(got, e.Key)
				if e.Message == "" {
					t.Errorf("%s: no message", e.Key)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Exposures: got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestIsLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST": true, "localhost.": true, "127.0.0.1": true, "127.255.255.254": true,
		"::1": true, "[::1]": true, "::ffff:127.0.0.1": true,
		"": false, "imap.example.vn": false, "10.0.0.1": false, "128.0.0.1": false, "0.0.0.0": false, "::": false,
		"localhost.localdomain": false, "127.0.0.1.example.vn": false, "127.1": false,
	} {
		if got := IsLoopback(host); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}

// TestFileModes finds the modes of the configuration and of the secret files it names, and
// leaves out what cannot be examined.
func TestFileModes(t *testing.T) {
	dir := t.TempDir()
	c := parse(t, minimal).Config
	c.Path = filepath.Join(dir, "tonghop.toml")
	c.SMTP.DKIMKeyFile = filepath.Join(dir, "dkim.pem")
	c.Mailbox.PasswordFile = filepath.Join(dir, "absent")
	for name, mode := range map[string]fs.FileMode{"tonghop.toml": 0o644, "dkim.pem": 0o640} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(dir, name), mode); err != nil {
			t.Fatal(err)
		}
	}
	modes := FileModes(c)
	if len(modes) != 2 || modes[c.Path].Perm() != 0o644 || modes[c.SMTP.DKIMKeyFile].Perm() != 0o640 {
		t.Errorf("FileModes: got %v, want the configuration 0644 and the key 0640 only", modes)
	}
	if got := Exposures(c, modes); len(got) != 1 || !strings.Contains(got[0].String(), "smtp.dkim_key_file: ") {
		t.Errorf("Exposures: got %v, want the DKIM key's", got)
	}
}
