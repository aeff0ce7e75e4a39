package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"time"

	"github.com/tonghop/tonghop/status"
)

//go:embed templates
var templateFiles embed.FS

// view is what every template receives: the page's own data in Data, and what the layout and
// the forms need.
type view struct {
	Title   string
	Office  string
	Account *Account
	CSRF    string // the session's token, for {{template "csrf" $}}
	Data    any
}

// views are the parsed templates: one set per page file, each with the layout and the hooks.
type views struct{ pages map[string]*template.Template }

// loadViews parses the layout, the hooks (templates/hooks.html, then templates/hooks/*.html,
// which may define the hooks again) and every page file over them.
func loadViews(files fs.FS, loc *time.Location) (*views, error) {
	base := template.New("layout.html").Funcs(funcs(loc))
	base, err := base.ParseFS(files, "templates/layout.html", "templates/hooks.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	extra, _ := fs.Glob(files, "templates/hooks/*.html")
	for _, name := range extra { // one by one: a later definition replaces the empty hook
		if base, err = base.ParseFS(files, name); err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", name, err)
		}
	}
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	v := &views{pages: map[string]*template.Template{}}
	for _, name := range names {
		file := path.Base(name)
		if file == "layout.html" || file == "hooks.html" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(files, name)
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", file, err)
		}
		v.pages[file] = t
	}
	return v, nil
}

// render writes a page through the layout; a template that fails is a 500, never half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, file string, v view) {
	t, ok := s.views.pages[file]
	if !ok {
		s.serverError(w, r, fmt.Errorf("no template %s", file))
		return
	}
	v.Office = s.env.Office.Office.Name
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout.html", v); err != nil {
		s.serverError(w, r, fmt.Errorf("render %s: %w", file, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(b.Bytes()) //nolint:errcheck // the client went away
}

// fail shows a short message in Vietnamese with its status.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, code int, msg string) {
	v := view{Title: msgErrorTitle, Data: msg}
	if sess, ok := s.currentSession(r); ok {
		v.Account, v.CSRF = &sess.Account, sess.CSRF
	}
	s.render(w, r, code, "error.html", v)
}

// serverError logs err once and shows a failure without its detail.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.env.Log.Error("board request failed", "path", r.URL.Path, "err", err)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprintln(w, msgFailed)
}

// page serves a registered page with its data.
func (s *Server) page(p Page) func(http.ResponseWriter, *http.Request, session) {
	return func(w http.ResponseWriter, r *http.Request, sess session) {
		data, err := p.Data(r.Context(), s.env, r, sess.Account)
		var nf *notFound
		switch {
		case asNotFound(err, &nf):
			s.fail(w, r, http.StatusNotFound, msgNotFound)
			return
		case err != nil:
			s.serverError(w, r, err)
			return
		}
		title := p.Title
		if t, ok := data.(titled); ok {
			title = t.PageTitle()
		}
		s.render(w, r, http.StatusOK, p.Template, view{Title: title, Account: &sess.Account, CSRF: sess.CSRF, Data: data})
	}
}

// titled is page data that names its page ("Biểu mẫu BM.02.01/KH").
type titled interface{ PageTitle() string }

// funcs are the templates' helpers: times in the office's zone and words, rates as
// percentages, an action's address.
func funcs(loc *time.Location) template.FuncMap {
	return template.FuncMap{
		"date":     func(t time.Time) string { return status.FormatDate(t.In(loc)) },
		"datetime": func(t time.Time) string { return status.FormatDateTime(t.In(loc)) },
		"percent":  func(x float64) string { return fmt.Sprintf("%.0f%%", x) },
		"action":   ActionURL,
		"dec":      func(n int) int { return n - 1 },
	}
}
