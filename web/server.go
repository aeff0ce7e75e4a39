package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tonghop/tonghop/internal/httpserve"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// Options configure the board.
type Options struct {
	Office *office.Office
	Ledger *ledger.Ledger
	Now    func() time.Time // default time.Now
	Log    *slog.Logger     // default: discard
	// PublicURL is the board's address as people reach it; https makes the cookies Secure.
	PublicURL string
	// SessionLifetime is how long a log-in lasts (default 12 hours).
	SessionLifetime time.Duration
}

// DefaultSessionLifetime is a working day and the evening: a clerk logs in once a day.
const DefaultSessionLifetime = 12 * time.Hour

// Server is the board. New does no I/O; Serve listens until its context ends.
type Server struct {
	env      Env
	secure   bool
	lifetime time.Duration
	views    *views
	mux      *http.ServeMux
}

// New builds the board's server over an open ledger and a compiled office.
func New(opt Options) (*Server, error) {
	if opt.Office == nil || opt.Ledger == nil {
		return nil, errors.New("web: the board needs the office and the ledger")
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.SessionLifetime <= 0 {
		opt.SessionLifetime = DefaultSessionLifetime
	}
	secure := false
	if opt.PublicURL != "" {
		u, err := url.Parse(opt.PublicURL)
		if err != nil {
			return nil, fmt.Errorf("web: public address: %w", err)
		}
		secure = u.Scheme == "https"
	}
	v, err := loadViews(templateFiles, opt.Office.Location)
	if err != nil {
		return nil, err
	}
	s := &Server{env: Env{Office: opt.Office, Ledger: opt.Ledger, Now: opt.Now, Log: opt.Log.With("component", "web"),
		PublicURL: strings.TrimSuffix(opt.PublicURL, "/")}, secure: secure, lifetime: opt.SessionLifetime, views: v}
	s.mux = s.routes()
	return s, nil
}

// Handler is the board with its security headers and limits, for a server or a test.
func (s *Server) Handler() http.Handler {
	return secureHeaders(http.MaxBytesHandler(s.mux, maxRequestBytes))
}

// maxRequestBytes bounds a request's body: the board's forms carry a few fields.
const maxRequestBytes = 1 << 20

// Serve answers on ln until ctx ends, then lets the requests under way finish for up to ten
// seconds.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute, // a large workbook or mail downloaded on a slow line
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ErrorLog:          slog.NewLogLogger(s.env.Log.Handler(), slog.LevelWarn),
	}
	return httpserve.Serve(ctx, srv, ln, 10*time.Second)
}

// routes maps every path of the board; anything else is a 404.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /logout", s.withPost(s.logout))
	mux.HandleFunc("POST /act/", s.withPost(s.serveAction))
	mux.HandleFunc("GET /download", s.withSession(RoleViewer, s.download))
	mux.HandleFunc("GET /{$}", s.withSession(RoleViewer, s.page(pageIndex)))
	for path, p := range pages {
		mux.HandleFunc("GET /"+path, s.withSession(p.Role, s.page(p)))
	}
	return mux
}
