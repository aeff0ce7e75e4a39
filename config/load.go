package config

import (
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/tonghop/tonghop/form"
)

// Errors lists every problem found in a configuration, each prefixed with its key path.
type Errors struct {
	Path     string
	Problems []string
}

func (e *Errors) Error() string {
	name := e.Path
	if name == "" {
		name = "config"
	}
	if len(e.Problems) == 1 {
		return name + ": " + e.Problems[0]
	}
	return fmt.Sprintf("%s: %d problems:\n  %s", name, len(e.Problems), strings.Join(e.Problems, "\n  "))
}

// Load reads, completes and validates the configuration file at path. A relative data_dir or
// password_file is taken relative to the file's directory.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(data, path)
}

// LoadOffline is Load for commands that neither read nor send mail (template, check): the
// mailbox and relay passwords are left unresolved, so a clerk need not hold them.
func LoadOffline(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return parse(data, path, secretsTemplate)
}

// LoadListing is Load for commands that only read the calendar and the ledger (deadlines,
// status): no secret is resolved, neither passwords nor the template key.
func LoadListing(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return parse(data, path, secretsNone)
}

// Parse is Load on bytes already read; path names the source in messages and anchors relative paths.
func Parse(data []byte, path string) (*Config, error) { return parse(data, path, secretsAll) }

// Which secrets parse resolves.
type secrets int

const (
	secretsAll      secrets = iota // passwords, CA files and the template key: the daemon
	secretsTemplate                // the template key only: commands that make or check workbooks
	secretsNone                    // none: listings
)

func parse(data []byte, path string, which secrets) (*Config, error) {
	c := Defaults()
	md, err := toml.Decode(string(data), c)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, &Errors{Path: path, Problems: []string{fmt.Sprintf("line %d: %s", perr.Position.Line, perr.Message)}}
		}
		return nil, &Errors{Path: path, Problems: []string{err.Error()}}
	}
	c.Path = path
	v := &validator{}
	for _, key := range md.Undecoded() {
		v.add(key.String(), "unknown key (misspelt?)")
	}
	c.complete(filepath.Dir(path))
	c.resolveSecrets(v, which)
	c.validate(v)
	if len(v.problems) > 0 {
		return nil, &Errors{Path: path, Problems: v.problems}
	}
	return c, nil
}

// Defaults returns a configuration holding every default value.
func Defaults() *Config {
	return &Config{
		DataDir: "data",
		Office: Office{TimeZone: "Asia/Ho_Chi_Minh", Desk: "Văn phòng",
			PublicHolidays: PublicHolidaysVietnam, HolidayCompensation: true, DigestTime: "08:00"},
		Files:  Files{XLSConverter: ConverterAuto},
		Health: Health{Listen: DefaultHealthListen},
		Mailbox: Mailbox{
			Server:                  Server{TLS: TLSImplicit},
			Inbox:                   "INBOX",
			Processed:               "Processed",
			Rejected:                "Rejected",
			Quarantine:              "Quarantine",
			Failed:                  "Failed",
			FailedAfter:             3,
			PollInterval:            Duration(time.Minute),
			MaxMessageBytes:         30 << 20,
			MaxAttachments:          20,
			RepliesPerHour:          10,
			NoticesPerHour:          5,
			NoticesPerSenderPerHour: 3,
		},
		SMTP: SMTP{Server: Server{TLS: TLSStartTLS}},
	}
}

// complete fills what depends on other fields: default ports, relative paths, built-in layouts.
func (c *Config) complete(base string) {
	c.completeWeb() // issue 22
	if c.DataDir != "" && !filepath.IsAbs(c.DataDir) {
		c.DataDir = filepath.Join(base, c.DataDir)
	}
	c.Mailbox.defaultPort(map[TLSMode]int{TLSImplicit: 993, TLSStartTLS: 143, TLSNone: 143})
	c.SMTP.defaultPort(map[TLSMode]int{TLSImplicit: 465, TLSStartTLS: 587, TLSNone: 25})
	for _, s := range []*Server{&c.Mailbox.Server, &c.SMTP.Server} {
		if s.PasswordFile != "" && !filepath.IsAbs(s.PasswordFile) {
			s.PasswordFile = filepath.Join(base, s.PasswordFile)
		}
		if s.CAFile != "" && !filepath.IsAbs(s.CAFile) {
			s.CAFile = filepath.Join(base, s.CAFile)
		}
	}
	if c.SMTP.DKIMKeyFile != "" && !filepath.IsAbs(c.SMTP.DKIMKeyFile) {
		c.SMTP.DKIMKeyFile = filepath.Join(base, c.SMTP.DKIMKeyFile)
	}
	for _, f := range []*string{&c.Office.TemplateKeyFile, &c.Office.PreviousTemplateKeysFile} {
		if *f != "" && !filepath.IsAbs(*f) {
			*f = filepath.Join(base, *f)
		}
	}
	if c.SMTP.FromName == "" {
		c.SMTP.FromName = strings.TrimSpace(c.Office.Desk + " " + c.Office.Name)
	}
	builtins := form.Builtins()
	for i := range c.Forms {
		c.Forms[i].completeFrom(builtins)
		c.Forms[i].completeCalendar()
	}
	if loc, err := time.LoadLocation(c.Office.TimeZone); err == nil {
		c.Location = loc
	}
}

func (s *Server) defaultPort(ports map[TLSMode]int) {
	if s.Port == 0 {
		s.Port = ports[s.TLS]
	}
}

// completeFrom takes the layout of the built-in form with the same code when the file gives none.
func (f *Form) completeFrom(builtins map[string]form.Form) {
	b, ok := builtins[f.Code]
	if !ok {
		if f.Version == 0 {
			f.Version = 1
		}
		return
	}
	if len(f.Tables)+len(f.Indicators)+len(f.Narrative) == 0 {
		f.Tables, f.Indicators, f.Narrative = b.Tables, b.Indicators, b.Narrative
		if f.Version == 0 {
			f.Version = b.Version
		}
	}
	if f.Version == 0 {
		f.Version = 1
	}
	if f.Title == "" {
		f.Title = b.Title
	}
	if len(f.Period) == 0 {
		f.Period = b.Period
	}
}

// resolveSecrets reads passwords and the template key from where the file says they are.
func (c *Config) resolveSecrets(v *validator, which secrets) {
	if which == secretsAll {
		c.Mailbox.Password = resolveSecret(v, "mailbox.password", c.Mailbox.Password, c.Mailbox.PasswordEnv, c.Mailbox.PasswordFile)
		c.SMTP.Password = resolveSecret(v, "smtp.password", c.SMTP.Password, c.SMTP.PasswordEnv, c.SMTP.PasswordFile)
		c.Mailbox.RootCAs = loadCAFile(v, "mailbox.ca_file", c.Mailbox.CAFile)
		c.SMTP.RootCAs = loadCAFile(v, "smtp.ca_file", c.SMTP.CAFile)
		c.SMTP.DKIMKeyPEM = c.loadDKIMKey(v)
	}
	if which != secretsNone {
		o := &c.Office
		o.TemplateKey = resolveSecret(v, "office.template_key", o.TemplateKey, o.TemplateKeyEnv, o.TemplateKeyFile)
		o.PreviousTemplateKeys = readKeyList(v, "office.previous_template_keys_file", o.PreviousTemplateKeysFile)
	}
}

// readKeyList reads a file of keys, one a line, blank lines and "#" comments left out; a file
// named but unreadable or holding no key is a problem, never an empty ring.
func readKeyList(v *validator, path, file string) []string {
	if file == "" {
		return nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		v.add(path, "cannot read %q: %v", file, errors.Unwrap(err))
		return nil
	}
	var keys []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			keys = append(keys, line)
		}
	}
	if len(keys) == 0 {
		v.add(path, "%q holds no key", file)
	}
	return keys
}

func resolveSecret(v *validator, path, clear, env, file string) string {
	given := 0
	for _, s := range []string{clear, env, file} {
		if s != "" {
			given++
		}
	}
	if given > 1 {
		v.add(path, "give only one of %s, %s_env and %s_file", last(path), last(path), last(path))
		return ""
	}
	switch {
	case env != "":
		val, ok := os.LookupEnv(env)
		if !ok || val == "" {
			v.add(path+"_env", "environment variable %q is not set", env)
		}
		return val
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			v.add(path+"_file", "cannot read %q: %v", file, errors.Unwrap(err))
			return ""
		}
		return strings.TrimRight(string(b), "\r\n")
	}
	return clear
}

func last(path string) string { return path[strings.LastIndexByte(path, '.')+1:] }

// loadCAFile reads a PEM bundle of certificate authorities; "" means the system's roots (nil).
func loadCAFile(v *validator, path, file string) *x509.CertPool {
	if file == "" {
		return nil
	}
	pem, err := os.ReadFile(file)
	if err != nil {
		v.add(path, "cannot read %s: %v", file, err)
		return nil
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		v.add(path, "%s holds no PEM certificate", file)
		return nil
	}
	return pool
}

// loadDKIMKey reads the signing key's file when DKIM is configured, and checks the three keys
// go together. The key itself is parsed, and checked against the From domain, when the office
// is compiled (package office).
func (c *Config) loadDKIMKey(v *validator) []byte {
	s := c.SMTP
	if s.DKIMDomain == "" && s.DKIMSelector == "" && s.DKIMKeyFile == "" {
		return nil
	}
	if s.DKIMDomain == "" || s.DKIMSelector == "" || s.DKIMKeyFile == "" {
		v.add("smtp.dkim_key_file", "DKIM needs dkim_domain, dkim_selector and dkim_key_file together")
		return nil
	}
	data, err := os.ReadFile(s.DKIMKeyFile)
	if err != nil {
		v.add("smtp.dkim_key_file", "%v", err)
		return nil
	}
	return data
}
