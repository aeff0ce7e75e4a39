package config

import (
	"fmt"
	"net/mail"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/tonghop/tonghop/address"
)

type validator struct{ problems []string }

func (v *validator) add(path, format string, args ...any) {
	v.problems = append(v.problems, path+": "+fmt.Sprintf(format, args...))
}

func (v *validator) required(path, value string) bool {
	if strings.TrimSpace(value) == "" {
		v.add(path, "is required")
		return false
	}
	return true
}

var (
	unitCodePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$`)
	personIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,39}$`)
)

// validEmail accepts a bare address such as "pkh@bqlkcn.gov.vn", without a display name, that
// has a canonical form (package address: an ASCII local part, a valid IDNA domain), so that
// mail can match it; the domain must have a dot (or be localhost), which catches the common
// "pkh@bqlkcn" slip.
func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return false
	}
	if _, ok := address.Canonical(s); !ok {
		return false
	}
	domain := s[strings.LastIndexByte(s, '@')+1:]
	return strings.Contains(domain, ".") || domain == "localhost"
}

func (c *Config) validate(v *validator) {
	v.required("data_dir", c.DataDir)
	c.validateOffice(v)
	c.validateMailbox(v)
	c.validateSMTP(v)
	c.validateFiles(v)
	c.validatePeople(v)
	c.validateUnits(v)
	c.validateForms(v)
	c.validateGroups(v)
	c.validateMailAuth(v)
	c.validateHealth(v)
	c.validateWeb(v)      // issue 22
	c.validateUpstream(v) // issue 19, part 3
}

func (c *Config) validateFiles(v *validator) {
	switch conv := c.Files.XLSConverter; {
	case conv == ConverterAuto, conv == ConverterOff, filepath.IsAbs(conv):
	default:
		v.add("files.xls_converter", "%q: want \"auto\", \"off\" or the absolute path of ssconvert or soffice", conv)
	}
}

func (c *Config) validateOffice(v *validator) {
	v.required("office.name", c.Office.Name)
	if c.Location == nil {
		v.add("office.time_zone", "%q is not a time zone name such as \"Asia/Ho_Chi_Minh\"", c.Office.TimeZone)
		return
	}
	c.validateWorkingCalendar(v)
	if c.Office.Start != "" {
		t, err := time.ParseInLocation("2006-01-02", c.Office.Start, c.Location)
		if err != nil {
			v.add("office.start", "%q is not a date written YYYY-MM-DD", c.Office.Start)
		}
		c.Start = t
	}
}

func (s *Server) validate(v *validator, section string) {
	v.required(section+".host", s.Host)
	if !slices.Contains([]TLSMode{TLSImplicit, TLSStartTLS, TLSNone}, s.TLS) {
		v.add(section+".tls", "%q is not one of implicit, starttls, none", s.TLS)
		return // the port's default depends on the mode
	}
	if s.Port < 1 || s.Port > 65535 {
		v.add(section+".port", "%d is not a port number (1–65535)", s.Port)
	}
}

func (c *Config) validateMailbox(v *validator) {
	m := &c.Mailbox
	m.validate(v, "mailbox")
	v.required("mailbox.user", m.User)
	if m.Password == "" && m.PasswordEnv == "" && m.PasswordFile == "" {
		v.add("mailbox.password", "is required: set password_env, password_file or password")
	}
	folders := map[string]string{}
	for _, f := range []struct{ key, name string }{
		{"inbox", m.Inbox}, {"processed", m.Processed}, {"rejected", m.Rejected}, {"quarantine", m.Quarantine},
		{"failed", m.Failed},
	} {
		if !v.required("mailbox."+f.key, f.name) {
			continue
		}
		if other, dup := folders[strings.ToLower(f.name)]; dup {
			v.add("mailbox."+f.key, "%q is already used by mailbox.%s: each folder must be different", f.name, other)
		}
		folders[strings.ToLower(f.name)] = f.key
	}
	if time.Duration(m.PollInterval) < time.Second {
		v.add("mailbox.poll_interval", "%v is too short: use at least 1s", time.Duration(m.PollInterval))
	}
	if m.MaxMessageBytes < 1<<20 {
		v.add("mailbox.max_message_bytes", "%d is too small: use at least 1048576 (1 MiB)", m.MaxMessageBytes)
	}
	if m.FailedAfter < 1 || m.FailedAfter > 100 {
		v.add("mailbox.failed_after", "%d is out of range: use 1 to 100", m.FailedAfter)
	}
	if m.MaxAttachments < 1 || m.MaxAttachments > 1000 {
		v.add("mailbox.max_attachments", "%d is out of range: use 1 to 1000", m.MaxAttachments)
	}
	if m.RepliesPerHour < 1 {
		v.add("mailbox.replies_per_hour", "%d is too small: use at least 1", m.RepliesPerHour)
	}
	c.validateNoticeLimits(v)
}

// validateNoticeLimits checks the hourly limits on notices to the clerks: at least one of each,
// and no more from one sender than from all of them.
func (c *Config) validateNoticeLimits(v *validator) {
	m := &c.Mailbox
	if m.NoticesPerHour < 1 {
		v.add("mailbox.notices_per_hour", "%d is too small: use at least 1", m.NoticesPerHour)
	}
	switch {
	case m.NoticesPerSenderPerHour < 1:
		v.add("mailbox.notices_per_sender_per_hour", "%d is too small: use at least 1", m.NoticesPerSenderPerHour)
	case m.NoticesPerHour >= 1 && m.NoticesPerSenderPerHour > m.NoticesPerHour:
		v.add("mailbox.notices_per_sender_per_hour", "%d is more than mailbox.notices_per_hour (%d): use at most that",
			m.NoticesPerSenderPerHour, m.NoticesPerHour)
	}
}

func (c *Config) validateSMTP(v *validator) {
	s := &c.SMTP
	s.validate(v, "smtp")
	if s.User != "" && s.Password == "" && s.PasswordEnv == "" && s.PasswordFile == "" {
		v.add("smtp.password", "is required when smtp.user is set: set password_env, password_file or password")
	}
	if v.required("smtp.from", s.From) && !validEmail(s.From) {
		v.add("smtp.from", "%q is not an email address", s.From)
	}
}

func (c *Config) validatePeople(v *validator) {
	ids := map[string]int{}
	for i, p := range c.People {
		path := fmt.Sprintf("people[%d]", i)
		if !personIDPattern.MatchString(p.ID) {
			v.add(path+".id", "%q must be lowercase letters, digits, '_', '.' or '-' (at most 40)", p.ID)
		} else if j, dup := ids[p.ID]; dup {
			v.add(path+".id", "%q is already used by people[%d]", p.ID, j)
		}
		ids[p.ID] = i
		v.required(path+".name", p.Name)
		validateEmails(v, path+".emails", p.Emails)
		for j, r := range p.Roles {
			if !slices.Contains(Roles, r) {
				v.add(fmt.Sprintf("%s.roles[%d]", path, j), "%q is not one of %s", r, strings.Join(Roles, ", "))
			}
		}
		for j, code := range p.SubmitsFor {
			if _, ok := c.Unit(code); !ok && code != "*" {
				v.add(fmt.Sprintf("%s.submits_for[%d]", path, j), "%q is not the code of a unit (or \"*\" for all)", code)
			}
		}
	}
}

func validateEmails(v *validator, path string, emails []string) {
	if len(emails) == 0 {
		v.add(path, "at least one email address is required")
	}
	for j, e := range emails {
		if !validEmail(e) {
			v.add(fmt.Sprintf("%s[%d]", path, j), "%q is not an email address: want a bare address such as "+
				"\"pkh@bqlkcn.gov.vn\", with an ASCII name before the @ and a valid domain name after it", e)
		}
	}
}

func (c *Config) validateUnits(v *validator) {
	if len(c.Units) == 0 {
		v.add("units", "at least one unit is required")
	}
	codes := map[string]int{}
	owners := map[string]string{}
	for i, u := range c.Units {
		path := fmt.Sprintf("units[%d]", i)
		if !unitCodePattern.MatchString(u.Code) {
			v.add(path+".code", "%q must be 1–20 letters, digits, '_' or '-'", u.Code)
		} else if j, dup := codes[u.Code]; dup {
			v.add(path+".code", "%q is already used by units[%d]", u.Code, j)
		}
		codes[u.Code] = i
		v.required(path+".name", u.Name)
		validateEmails(v, path+".emails", u.Emails)
		for j, e := range u.Emails {
			key := address.Key(e)
			if other, dup := owners[key]; dup {
				v.add(fmt.Sprintf("%s.emails[%d]", path, j), "%q already belongs to %s: an address must identify one unit", e, other)
			}
			owners[key] = path
		}
		if u.Supervisor != "" {
			if _, ok := c.Person(u.Supervisor); !ok {
				v.add(path+".supervisor", "%q is not the id of anyone in [[people]]", u.Supervisor)
			}
		}
	}
}

// validateMailAuth refuses approval chains whose replies nothing authenticates, unless the
// office said explicitly that it accepts that.
func (c *Config) validateMailAuth(v *validator) {
	m := c.MailAuth
	for _, list := range []struct {
		key   string
		hosts []string
	}{{"trusted_servers", m.TrustedServers}, {"received_hosts", m.ReceivedHosts}} {
		for i, h := range list.hosts {
			if !hostPattern.MatchString(h) {
				v.add(fmt.Sprintf("mail_auth.%s[%d]", list.key, i), "%q is not a host name such as \"mx.example.gov.vn\"", h)
			}
		}
	}
	if len(m.ReceivedHosts) > 0 && len(m.TrustedServers) == 0 {
		v.add("mail_auth.received_hosts", "is only used with mail_auth.trusted_servers")
	}
	if m.InsecureUnauthenticatedApprovals && m.Authenticates() {
		v.add("mail_auth.insecure_unauthenticated_approvals",
			"is set although replies are authenticated (trusted_servers, trust_unnamed or verify_dkim): remove it")
	}
	if m.Authenticates() || m.InsecureUnauthenticatedApprovals {
		return
	}
	for i, f := range c.Forms {
		if !f.HasChain() {
			continue
		}
		v.add("mail_auth", "forms[%d].approval (%s) has an approval chain, but nothing authenticates the leaders' replies, "+
			"so anyone could send a \"Duyệt\" in a leader's name: set mail_auth.trusted_servers (the authserv-id of the office's "+
			"mail server), mail_auth.trust_unnamed (Microsoft 365) or mail_auth.verify_dkim; or, accepting forged approvals, "+
			"mail_auth.insecure_unauthenticated_approvals = true", i, f.Code)
	}
}

// hostPattern is a host name as Authentication-Results and Received fields write it.
var hostPattern = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*$`)
