package office

import (
	"fmt"
	"io/fs"
	"net/netip"
	"os"
	"path/filepath"
	"strings"

	"github.com/tonghop/tonghop/config"
)

// Exposure is something a working configuration leaves open: a secret other users of the
// machine can read, or mail and passwords crossing the network in clear. `tonghop config
// check` prints each one and `tonghop run` logs each one at start; neither refuses to go on.
type Exposure struct {
	Key     string // key path of the setting, as in config errors: "mailbox.tls"
	Message string // English, for the operator
}

func (e Exposure) String() string { return e.Key + ": " + e.Message }

// othersRead are the permission bits through which someone else than the owner reads a file.
const othersRead fs.FileMode = 0o044

// Exposures lists what c exposes. modes holds the permission bits of the files c names (the
// configuration file itself, the DKIM key, password and template key files), by path, as
// FileModes finds them; a file missing from modes is not judged. It does no I/O.
func Exposures(c *config.Config, modes map[string]fs.FileMode) []Exposure {
	var out []Exposure
	readable := func(path string) (fs.FileMode, bool) {
		m, ok := modes[path]
		return m.Perm(), ok && path != "" && m&othersRead != 0
	}
	if mode, ok := readable(c.Path); ok {
		for _, s := range inlineSecrets(c) {
			out = append(out, Exposure{s, fmt.Sprintf("written in %s, which group or others can read (mode %04o): "+
				"use %s_env or %s_file, or chmod 600 %s", filepath.Base(c.Path), mode, last(s), last(s), filepath.Base(c.Path))})
		}
	}
	for _, f := range secretFiles(c) {
		if mode, ok := readable(f.path); ok {
			out = append(out, Exposure{f.key, fmt.Sprintf("%s can be read by group or others (mode %04o): chmod 600 %s", f.path, mode, f.path)})
		}
	}
	for _, s := range []struct {
		key string
		srv config.Server
	}{{"mailbox", c.Mailbox.Server}, {"smtp", c.SMTP.Server}} {
		if s.srv.TLS == config.TLSNone && !IsLoopback(s.srv.Host) {
			out = append(out, Exposure{s.key + ".tls", fmt.Sprintf(`tls = "none" sends the password and every mail in clear text `+
				`to %s, which is not this machine: use "implicit" or "starttls"`, s.srv.Host)})
		}
	}
	return out
}

// inlineSecrets are the key paths of the secrets written in the configuration file itself.
func inlineSecrets(c *config.Config) []string {
	var out []string
	for _, s := range []struct {
		key              string
		value, env, file string
	}{
		{"mailbox.password", c.Mailbox.Password, c.Mailbox.PasswordEnv, c.Mailbox.PasswordFile},
		{"smtp.password", c.SMTP.Password, c.SMTP.PasswordEnv, c.SMTP.PasswordFile},
		{"office.template_key", c.Office.TemplateKey, c.Office.TemplateKeyEnv, c.Office.TemplateKeyFile},
	} {
		// A secret from _env or _file is resolved into the same field: only one given alone is
		// written in the file.
		if s.value != "" && s.env == "" && s.file == "" {
			out = append(out, s.key)
		}
	}
	return out
}

type secretFile struct{ key, path string }

// secretFiles are the files holding secrets that c names.
func secretFiles(c *config.Config) []secretFile {
	var out []secretFile
	for _, f := range []secretFile{
		{"smtp.dkim_key_file", c.SMTP.DKIMKeyFile},
		{"mailbox.password_file", c.Mailbox.PasswordFile},
		{"smtp.password_file", c.SMTP.PasswordFile},
		{"office.template_key_file", c.Office.TemplateKeyFile},
		{"office.previous_template_keys_file", c.Office.PreviousTemplateKeysFile},
	} {
		if f.path != "" {
			out = append(out, f)
		}
	}
	return out
}

func last(key string) string { return key[strings.LastIndexByte(key, '.')+1:] }

// FileModes finds the permission bits of the configuration file and of the secret files it
// names, for Exposures; a file that cannot be examined is left out.
func FileModes(c *config.Config) map[string]fs.FileMode {
	modes := map[string]fs.FileMode{}
	paths := []string{c.Path}
	for _, f := range secretFiles(c) {
		paths = append(paths, f.path)
	}
	for _, p := range paths {
		if p == "" {
			continue
		}
		if info, err := os.Stat(p); err == nil {
			modes[p] = info.Mode()
		}
	}
	return modes
}

// IsLoopback reports whether host is this machine: localhost, 127.0.0.0/8 or ::1.
func IsLoopback(host string) bool {
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	addr, err := netip.ParseAddr(host)
	return err == nil && addr.IsLoopback()
}
