package dovecottest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// writeAccounts writes the passwd file of every account and gives each its own home, owned by
// the mail user: home/0 for User, home/1… for the other accounts in their order.
func (s *Server) writeAccounts() error {
	home := filepath.Join(s.dir, "home")
	if err := os.Mkdir(home, 0o755); err != nil {
		return err
	}
	var passwd strings.Builder
	for i, a := range s.opts.Accounts {
		dir := filepath.Join(home, strconv.Itoa(i))
		if err := os.Mkdir(dir, 0o755); err != nil {
			return err
		}
		if err := os.Chown(dir, s.ids.mailUID, s.ids.mailGID); err != nil {
			return fmt.Errorf("give the mail user the home of %s: %w", a.User, err)
		}
		fmt.Fprintf(&passwd, "%s:{PLAIN}%s:%d:%d::%s::\n", a.User, a.Password, s.ids.mailUID, s.ids.mailGID, dir)
	}
	return os.WriteFile(filepath.Join(s.dir, "passwd"), []byte(passwd.String()), 0o644)
}

// password is the password of the account user; "" when there is none.
func (s *Server) password(user string) string {
	for _, a := range s.opts.Accounts {
		if strings.EqualFold(a.User, user) {
			return a.Password
		}
	}
	return ""
}
