package dovecottest

import (
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
)

// identities are the system users Dovecot's processes run as.
type identities struct {
	loginUser     string // imap-login, which Dovecot refuses to run as root
	internalUser  string // auth, anvil and the other helpers
	internalGroup string // group of the helpers' sockets; "" for the package's default
	mailUID       int    // the account's mail processes; Dovecot refuses UID 0
	mailGID       int
	unprivileged  bool // not root: no chroot, everything as the current user
}

// currentIdentities uses the Debian package's dovenull and dovecot users when running as root,
// and the current user for everything otherwise.
func currentIdentities() (identities, error) {
	if os.Geteuid() != 0 {
		me, err := user.Current()
		if err != nil {
			return identities{}, fmt.Errorf("look up current user: %w", err)
		}
		group, err := user.LookupGroupId(strconv.Itoa(os.Getegid()))
		if err != nil {
			return identities{}, fmt.Errorf("look up current group: %w", err)
		}
		return identities{loginUser: me.Username, internalUser: me.Username, internalGroup: group.Name,
			mailUID: os.Geteuid(), mailGID: os.Getegid(), unprivileged: true}, nil
	}
	for _, name := range []string{"dovenull", "dovecot"} {
		if _, err := user.Lookup(name); err != nil {
			return identities{}, fmt.Errorf("dovecot's system user: %w", err)
		}
	}
	mail, err := user.Lookup("dovecot")
	if err != nil {
		return identities{}, err
	}
	uid, err := strconv.Atoi(mail.Uid)
	if err != nil {
		return identities{}, fmt.Errorf("uid of user dovecot: %w", err)
	}
	gid, err := strconv.Atoi(mail.Gid)
	if err != nil {
		return identities{}, fmt.Errorf("gid of user dovecot: %w", err)
	}
	return identities{loginUser: "dovenull", internalUser: "dovecot", mailUID: uid, mailGID: gid}, nil
}

// capabilities is what Dovecot 2.3 announces after login. Setting imap_capability replaces the
// list, there is no way to remove one item, so NoMove and NoIdle write it out without MOVE or
// IDLE. Items an older 2.3 lacks are only advertised; no test client uses them.
const capabilities = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY " +
	"THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT " +
	"CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES " +
	"WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE " +
	"SAVEDATE LITERAL+ NOTIFY"

// capabilityList is the imap_capability value for the options, "" for Dovecot's own.
func (o Options) capabilityList() string {
	if !o.NoMove && !o.NoIdle {
		return ""
	}
	var kept []string
	for _, c := range strings.Fields(capabilities) {
		if (o.NoMove && c == "MOVE") || (o.NoIdle && c == "IDLE") {
			continue
		}
		kept = append(kept, c)
	}
	return strings.Join(kept, " ")
}

// config is the instance's dovecot.conf. It stands alone: nothing of /etc/dovecot is read.
func (s *Server) config() string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("# Written by dovecottest for one test; removed when it ends.")
	line("base_dir = %s", filepath.Join(s.dir, "run"))
	line("state_dir = %s", filepath.Join(s.dir, "state"))
	line("instance_name = %s", filepath.Base(s.dir))
	line("log_path = %s", s.logPath())
	if s.opts.LMTP {
		line("protocols = imap lmtp")
	} else {
		line("protocols = imap")
	}
	line("listen = 127.0.0.1")
	line("shutdown_clients = yes")
	line("default_login_user = %s", s.ids.loginUser)
	line("default_internal_user = %s", s.ids.internalUser)
	line("first_valid_uid = 1")
	line("disable_plaintext_auth = no")
	line("auth_mechanisms = plain login")
	line("auth_failure_delay = 0") // a wrong-password test need not wait 2 s
	// Without anvil's auth penalty: after one failed login, every later login from 127.0.0.1,
	// the right password too, would wait 2 s and more.
	line("service anvil {\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}")
	line("mail_location = maildir:~/Maildir")
	line("mail_fsync = never")
	passwd := filepath.Join(s.dir, "passwd")
	line("passdb {\n  driver = passwd-file\n  args = %s\n}", passwd)
	line("userdb {\n  driver = passwd-file\n  args = %s\n}", passwd)
	line("namespace inbox {\n  inbox = yes\n}")
	if caps := s.opts.capabilityList(); caps != "" {
		line("imap_capability = %s", caps)
	}
	s.writeTLS(line)
	line("service imap-login {")
	line("  inet_listener imap {\n    address = 127.0.0.1\n    port = %d\n  }", s.port)
	line("  inet_listener imaps {\n    address = 127.0.0.1\n    port = %d\n    ssl = yes\n  }", s.tlsPort)
	line("}")
	if s.opts.LMTP {
		s.writeLMTP(line)
	}
	if s.ids.unprivileged {
		line("default_internal_group = %s", s.ids.internalGroup)
		// chroot needs root; these are the services that chroot by default.
		for _, svc := range []string{"imap-login", "imap-urlauth-login", "anvil", "ipc", "old-stats"} {
			line("service %s {\n  chroot =\n}", svc)
		}
	}
	line("%s", s.opts.Config)
	return b.String()
}

func (s *Server) writeTLS(line func(string, ...any)) {
	if !s.opts.TLS {
		line("ssl = no")
		return
	}
	line("ssl = yes")
	line("ssl_cert = <%s", filepath.Join(s.dir, "cert.pem"))
	line("ssl_key = <%s", filepath.Join(s.dir, "key.pem"))
}

// writeLMTP adds the LMTP listener. Recipients are accounts by their full address (the account
// names are addresses); anything else is refused at RCPT, as a store refuses an unknown user.
func (s *Server) writeLMTP(line func(string, ...any)) {
	line("service lmtp {")
	line("  inet_listener lmtp {\n    address = 127.0.0.1\n    port = %d\n  }", s.lmtpPort)
	line("}")
	line("postmaster_address = postmaster@localhost")
}
