package dovecottest

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// Doveadm runs doveadm with the instance's configuration and returns its output, failing the
// test when it fails. Commands about the account need "-u", s.User().
func (s *Server) Doveadm(t testing.TB, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.bin.doveadm, append([]string{"-c", s.conf}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("dovecottest: doveadm %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// ChangeUIDValidity gives folder a new UIDVALIDITY, as a server does when it rebuilds its
// index or the mailbox is restored from a backup, and returns it. The messages stay, with the
// same UIDs under the new UIDVALIDITY. Connections with folder selected see the change on
// their next command; Dovecot then closes them.
func (s *Server) ChangeUIDValidity(t testing.TB, folder string) uint32 {
	t.Helper()
	old := s.UIDValidity(t, folder)
	next := old + 1
	if next == 0 {
		next = 1
	}
	s.Doveadm(t, "mailbox", "update", "-u", s.opts.User, "--uid-validity", strconv.FormatUint(uint64(next), 10), folder)
	if got := s.UIDValidity(t, folder); got != next {
		t.Fatalf("dovecottest: UIDVALIDITY of %s after doveadm mailbox update: got %d, want %d", folder, got, next)
	}
	return next
}

// KickAll drops every IMAP connection of the account, as a server restart or a network
// failure would; the server keeps running. Clients see the connection end ("BYE Server
// shutting down") on their next read.
func (s *Server) KickAll(t testing.TB) {
	t.Helper()
	s.Doveadm(t, "kick", s.opts.User)
}
