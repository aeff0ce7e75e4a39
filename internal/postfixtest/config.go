package postfixtest

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// binaries are the installed Postfix programs: postconf, for the built-in defaults, and the
// master daemon.
type binaries struct{ postconf, master string }

// findBinaries looks for postconf in PATH and then in /usr/sbin, which is not in every user's
// PATH, and for the master in the package's daemon directory.
func findBinaries() (binaries, error) {
	var b binaries
	if p, err := exec.LookPath("postconf"); err == nil {
		b.postconf = p
	} else if isExecutable("/usr/sbin/postconf") {
		b.postconf = "/usr/sbin/postconf"
	} else {
		return b, fmt.Errorf("postfix not found")
	}
	for _, dir := range []string{"/usr/lib/postfix/sbin", "/usr/libexec/postfix"} {
		if p := filepath.Join(dir, "master"); isExecutable(p) {
			b.master = p
			return b, nil
		}
	}
	return b, fmt.Errorf("postfix's master daemon not found")
}

func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0
}

// owner is a system user's ids.
type owner struct{ uid, gid int }

// mailOwner is the postfix user, Postfix's mail_owner, whose daemons own the queue.
func mailOwner() (owner, error) {
	u, err := user.Lookup("postfix")
	if err != nil {
		return owner{}, fmt.Errorf("postfix's system user: %w", err)
	}
	uid, err := strconv.Atoi(u.Uid)
	if err != nil {
		return owner{}, err
	}
	gid, err := strconv.Atoi(u.Gid)
	return owner{uid, gid}, err
}

// writeConfig writes main.cf and master.cf for the current port. They stand alone: nothing of
// /etc/postfix is read but the package's own lists (meta_directory).
//
// Their times are set a minute back: Postfix reads a file written less than a second or two ago
// again and again, 0.3 s apart, until it is that old (a writer might still be at it), which made
// every start wait one to two seconds.
func (s *Server) writeConfig() error {
	past := time.Now().Add(-time.Minute)
	for name, text := range map[string]string{"main.cf": s.mainCF(), "master.cf": s.masterCF()} {
		path := filepath.Join(s.confDir(), name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
		if err := os.Chtimes(path, past, past); err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) mainCF() string {
	var b strings.Builder
	set := func(name, value string) { fmt.Fprintf(&b, "%s = %s\n", name, value) }
	b.WriteString("# Written by postfixtest for one test; removed when it ends.\n")
	set("compatibility_level", "3.6")
	set("queue_directory", filepath.Join(s.dir, "queue"))
	set("data_directory", filepath.Join(s.dir, "data"))
	set("maillog_file", s.logPath())
	set("maillog_file_prefixes", s.dir)
	set("myhostname", s.opts.Hostname)
	set("mydomain", s.opts.Domains[0])
	set("myorigin", s.opts.Domains[0])
	set("inet_interfaces", "127.0.0.1")
	set("inet_protocols", "ipv4")
	set("mynetworks", "127.0.0.0/8")
	// Nothing is delivered on this machine: the test's domains go to the store by LMTP, every
	// other domain is refused at RCPT.
	set("mydestination", "")
	set("local_recipient_maps", "")
	set("alias_maps", "")
	set("alias_database", "")
	set("relay_domains", strings.Join(s.opts.Domains, ", "))
	set("relay_transport", "lmtp:inet:"+s.opts.LMTP)
	set("default_transport", "error:this test mail system delivers to its own domains only")
	set("local_transport", "error:this test mail system delivers nothing locally")
	set("smtpd_relay_restrictions", "permit_mynetworks, reject_unauth_destination")
	// What the sender signed reaches the store unchanged: no header rewriting for loopback
	// clients (the Received field is added on top, as every server does).
	set("local_header_rewrite_clients", "")
	// No look-ups of the network: the peer is 127.0.0.1, the store an address.
	set("smtpd_peername_lookup", "no")
	set("smtp_dns_support_level", "disabled")
	set("lmtp_dns_support_level", "disabled")
	set("lmtp_host_lookup", "native")
	// No waiting: no arrival throttling, and a delivery deferred while the store was starting
	// is retried within seconds.
	set("in_flow_delay", "0")
	set("queue_run_delay", "1s")
	set("minimal_backoff_time", "1s")
	set("maximal_backoff_time", "2s")
	set("biff", "no")
	return b.String()
}

// masterCF lists the services the instance runs; none is chrooted (the queue is not laid out
// for it) and the only network listener is SMTP on loopback.
func (s *Server) masterCF() string {
	var b strings.Builder
	b.WriteString("# Written by postfixtest for one test; removed when it ends.\n")
	fmt.Fprintf(&b, "127.0.0.1:%d inet n - n - - smtpd\n", s.port)
	for _, line := range []string{
		"pickup unix n - n 60 1 pickup",
		"cleanup unix n - n - 0 cleanup",
		"qmgr unix n - n 300 1 qmgr",
		"rewrite unix - - n - - trivial-rewrite",
		"bounce unix - - n - 0 bounce",
		"defer unix - - n - 0 bounce",
		"trace unix - - n - 0 bounce",
		"verify unix - - n - 1 verify",
		"flush unix n - n 1000? 0 flush",
		"proxymap unix - - n - - proxymap",
		"showq unix n - n - - showq",
		"error unix - - n - - error",
		"retry unix - - n - - error",
		"discard unix - - n - - discard",
		"lmtp unix - - n - - lmtp",
		"anvil unix - - n - 1 anvil",
		"scache unix - - n - 1 scache",
		"postlog unix-dgram n - n - 1 postlogd",
	} {
		b.WriteString(line + "\n")
	}
	return b.String()
}
