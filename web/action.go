package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// Env is what an action or a page reads and writes through: the compiled office, the ledger,
// the clock and the log. It is the server's, shared by every request.
type Env struct {
	Office *office.Office
	Ledger *ledger.Ledger
	Now    func() time.Time
	Log    *slog.Logger
	// PublicURL is the board's address as people reach it ("" when not configured).
	PublicURL string
}

// Action is a state-changing request of the board, served as POST /act/<Path>: see the
// package documentation for how to add one.
type Action struct {
	Path   string
	Role   Role // the least role allowed; the zero Role means RoleClerk
	Handle func(ctx context.Context, env Env, r *http.Request, acct Account) (redirect string, err error)
}

// Page is a page of the board served as GET /<Path> from the template file Template (in
// templates/, with the layout), with the data Data returns.
type Page struct {
	Path     string
	Role     Role // the least role allowed; the zero Role means RoleViewer
	Title    string
	Template string
	Data     func(ctx context.Context, env Env, r *http.Request, acct Account) (any, error)
}

// The registries, filled by init functions before main runs and only read afterwards.
var (
	actions = map[string]Action{}
	pages   = map[string]Page{}
)

// Register adds an action; called from an init function. A path registered twice, empty or not
// clean panics at start, where a test sees it.
func Register(a Action) {
	if a.Path == "" || strings.Trim(a.Path, "/") != a.Path || a.Handle == nil {
		panic(fmt.Sprintf("web: action %q: want a path without leading or trailing slash and a handler", a.Path))
	}
	if _, dup := actions[a.Path]; dup {
		panic(fmt.Sprintf("web: action %q registered twice", a.Path))
	}
	if a.Role == roleNone {
		a.Role = RoleClerk
	}
	actions[a.Path] = a
}

// RegisterPage adds a page; called from an init function, like Register.
func RegisterPage(p Page) {
	if p.Path == "" || strings.Trim(p.Path, "/") != p.Path || p.Data == nil || p.Template == "" {
		panic(fmt.Sprintf("web: page %q: want a path, a template and a data function", p.Path))
	}
	if _, dup := pages[p.Path]; dup {
		panic(fmt.Sprintf("web: page %q registered twice", p.Path))
	}
	if p.Role == roleNone {
		p.Role = RoleViewer
	}
	pages[p.Path] = p
}

// Actions lists the registered actions by path (the tests iterate over them).
func Actions() []Action {
	out := make([]Action, 0, len(actions))
	for _, a := range actions {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// ActionURL is where a form posts to run the action at path.
func ActionURL(path string) string { return "/act/" + path }

// Refusal is an action declined for a reason the person can act on, in Vietnamese.
type Refusal struct{ Message string }

func (r *Refusal) Error() string { return "refused: " + r.Message }

// Refuse returns a Refusal with the message shown to the person.
func Refuse(message string) error { return &Refusal{Message: message} }

// serveAction runs a registered action for a request the session and CSRF checks passed.
func (s *Server) serveAction(w http.ResponseWriter, r *http.Request, sess session) {
	a, ok := actions[strings.TrimPrefix(r.URL.Path, "/act/")]
	if !ok {
		s.fail(w, r, http.StatusNotFound, msgNotFound)
		return
	}
	if !sess.Account.Role.Allows(a.Role) {
		s.refuseRequest(r, sess.Account.Name, "role "+sess.Account.Role.String()+" may not "+a.Path)
		s.fail(w, r, http.StatusForbidden, msgForbidden)
		return
	}
	next, err := a.Handle(r.Context(), s.env, r, sess.Account)
	var refusal *Refusal
	switch {
	case errors.As(err, &refusal):
		s.fail(w, r, http.StatusConflict, refusal.Message)
		return
	case err != nil:
		s.env.Log.Error("board action failed", "component", "web", "action", a.Path, "account", sess.Account.Name, "err", err)
		s.fail(w, r, http.StatusInternalServerError, msgFailed)
		return
	}
	ev := ledger.Event{At: s.env.Now(), Actor: sess.Account.Actor(), Action: ledger.ActionBoardAction,
		Object: "board:" + a.Path, Detail: formDetail(r)}
	if err := s.env.Ledger.Record(r.Context(), ev); err != nil {
		s.env.Log.Error("record board action", "component", "web", "action", a.Path, "err", err)
	}
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = "/" // only a path of the board: never an address elsewhere
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// formDetail sums up an action's form for the audit trail, without its CSRF token.
func formDetail(r *http.Request) string {
	keys := make([]string, 0, len(r.PostForm))
	for k := range r.PostForm {
		if k != csrfField {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%s ", k, strings.Join(r.PostForm[k], ","))
	}
	return strings.TrimSpace(b.String())
}
