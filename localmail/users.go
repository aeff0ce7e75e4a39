package localmail

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"sync"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// ErrUnknownUser is returned for an address that was never added with AddUser.
var ErrUnknownUser = errors.New("localmail: unknown user")

// ErrUserExists is returned by AddUser for an address already added.
var ErrUserExists = errors.New("localmail: user already exists")

// account is one mailbox owner. The IMAP login name and the SMTP address are
// the same lower-cased email address, as at most providers.
type account struct {
	email    string // lower-case
	password string // kept so assertions can log in as the user
	mem      *imapmemserver.User
}

// checkPassword compares in constant time (imapmemserver does it for us).
func (a *account) checkPassword(password string) bool {
	return a.mem.Login(a.email, password) == nil
}

type userStore struct {
	mu      sync.RWMutex
	byEmail map[string]*account
}

func (st *userStore) init() { st.byEmail = make(map[string]*account) }

// lookup finds an account by address, ignoring case and surrounding blanks.
func (st *userStore) lookup(email string) *account {
	st.mu.RLock()
	defer st.mu.RUnlock()
	return st.byEmail[normalizeEmail(email)]
}

func (st *userStore) add(email, password string) (*account, error) {
	addr := normalizeEmail(email)
	parsed, err := mail.ParseAddress(addr)
	if err != nil || parsed.Address != addr || parsed.Name != "" {
		return nil, fmt.Errorf("add user %q: not a bare email address", email)
	}
	if password == "" {
		return nil, fmt.Errorf("add user %q: empty password", email)
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.byEmail[addr] != nil {
		return nil, fmt.Errorf("add user %q: %w", email, ErrUserExists)
	}
	acct := &account{email: addr, password: password, mem: imapmemserver.NewUser(addr, password)}
	if err := ensureMailbox(acct.mem, "INBOX"); err != nil {
		return nil, fmt.Errorf("add user %q: %w", email, err)
	}
	st.byEmail[addr] = acct
	return acct, nil
}

func normalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

// canonicalMailbox spells INBOX the way IMAP does (it is case-insensitive)
// and drops a trailing hierarchy delimiter, as imapmemserver's Create does.
func canonicalMailbox(name string) string {
	if strings.EqualFold(name, "INBOX") {
		return "INBOX"
	}
	return strings.TrimRight(name, "/")
}

// ensureMailbox creates a mailbox unless it already exists.
func ensureMailbox(u *imapmemserver.User, name string) error {
	err := u.Create(name, nil)
	var imapErr *imap.Error
	if errors.As(err, &imapErr) && imapErr.Code == imap.ResponseCodeAlreadyExists {
		return nil
	}
	if err != nil {
		return fmt.Errorf("create mailbox %q: %w", name, err)
	}
	return nil
}

// AddUser creates a mailbox owner with an empty INBOX. The email address is
// both the IMAP login name (case-insensitive) and the SMTP recipient.
func (s *Server) AddUser(email, password string) error {
	acct, err := s.users.add(email, password)
	if err != nil {
		return err
	}
	s.log.Debug("user added", "email", acct.email)
	return nil
}

func (s *Server) account(email string) (*account, error) {
	acct := s.users.lookup(email)
	if acct == nil {
		return nil, fmt.Errorf("%q: %w", email, ErrUnknownUser)
	}
	return acct, nil
}
