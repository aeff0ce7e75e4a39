package office

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/config"
)

func TestParse_DKIM(t *testing.T) {
	dir := t.TempDir()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "dkim.pem"), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	signing := "from = \"tonghop@example.vn\"\ndkim_domain = \"example.vn\"\ndkim_selector = \"th2026\"\ndkim_key_file = \"dkim.pem\""
	o, err := load([]byte(strings.Replace(minimal, `from = "tonghop@example.vn"`, signing, 1)), filepath.Join(dir, "t.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if o.Mail.DKIM == nil || o.Mail.DKIM.Key == nil {
		t.Fatal("DKIM key not loaded")
	}
	tests := []struct{ name, keys, want string }{
		{"incomplete", "dkim_domain = \"example.vn\"", "smtp.dkim_key_file: DKIM needs dkim_domain, dkim_selector and dkim_key_file together"},
		{"missing file", "dkim_domain = \"example.vn\"\ndkim_selector = \"s\"\ndkim_key_file = \"none.pem\"", "smtp.dkim_key_file: "},
		{"foreign domain", "dkim_domain = \"other.vn\"\ndkim_selector = \"s\"\ndkim_key_file = \"dkim.pem\"", "smtp.dkim_domain: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(minimal, `from = "tonghop@example.vn"`, "from = \"tonghop@example.vn\"\n"+tt.keys, 1)
			_, err := load([]byte(src), filepath.Join(dir, "t.toml"))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a problem %q", err, tt.want)
			}
		})
	}
}

// load parses a configuration and compiles it, as the commands do.
func load(data []byte, path string) (*Office, error) {
	c, err := config.Parse(data, path)
	if err != nil {
		return nil, err
	}
	return Compile(c, nil)
}
