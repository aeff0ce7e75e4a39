package localmail

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-smtp"
)

// DefaultMaxMessageBytes is the SMTP size limit used when
// Options.MaxMessageBytes is zero: 25 MiB, as at most public providers.
const DefaultMaxMessageBytes = 25 << 20

// ErrClosed is returned by methods that need a running server after Close.
var ErrClosed = errors.New("localmail: server closed")

// Options configures Start. The zero value is a usable provider.
type Options struct {
	Logger          *slog.Logger // nil: discard
	Domain          string       // SMTP server domain / greeting, default "localhost"
	RequireAuth     bool         // SMTP: reject MAIL FROM without AUTH
	MaxMessageBytes int64        // SMTP size limit, default 25 MiB
	// AuthServID, when set, makes the SMTP server act as a receiving server that checks
	// senders (RFC 8601): a message submitted by an authenticated user whose From header is
	// that user's address gets "Authentication-Results: AuthServID; dkim=pass header.d=D;
	// spf=pass smtp.mailfrom=D; dmarc=pass header.from=D" (D the address's domain) above its
	// Received field; other messages get none. Name the server Domain the same, so that its
	// Received field says "by AuthServID".
	AuthServID string
	// Now gives the time stamped on delivered messages (Received header,
	// IMAP internal date, Delivery.At), so a demo running on a simulated
	// clock gets consistent dates. Nil means time.Now.
	Now func() time.Time
}

// Server is a running IMAP + SMTP provider sharing one in-memory store.
// All methods are safe for concurrent use.
type Server struct {
	log  *slog.Logger
	opts Options // defaults filled in

	users      userStore
	deliveries deliveryLog
	faults     faultInjector
	queueSeq   atomic.Uint64 // SMTP queue ids for Received headers

	imapLn     *trackedListener
	imapSrv    *imapserver.Server
	smtpLn     *trackedListener
	smtpSrv    *smtp.Server
	imapServed chan struct{} // closed when the IMAP accept loop returned
	smtpServed chan struct{} // closed when the SMTP accept loop returned

	closeOnce sync.Once
	closeErr  error
	closed    chan struct{}
}

// Start listens on two random loopback ports and serves IMAP and SMTP in
// background goroutines until Close.
func Start(opts Options) (*Server, error) {
	s := newServer(opts)
	imapLn, err := listenLoopback(true)
	if err != nil {
		return nil, fmt.Errorf("listen imap: %w", err)
	}
	smtpLn, err := listenLoopback(false)
	if err != nil {
		imapLn.Close()
		return nil, fmt.Errorf("listen smtp: %w", err)
	}
	s.imapLn, s.smtpLn = imapLn, smtpLn
	s.imapSrv = s.newIMAPServer()
	s.smtpSrv = s.newSMTPServer()

	go s.serve("imap", s.imapServed, func() error { return s.imapSrv.Serve(imapLn) })
	go s.serve("smtp", s.smtpServed, func() error { return s.smtpSrv.Serve(smtpLn) })
	// Both libraries register a listener in Serve without synchronising
	// with Close (imapserver even races a WaitGroup), so only return once
	// both accept loops are running.
	for _, started := range []struct{ accepting, served <-chan struct{} }{
		{imapLn.accepting, s.imapServed}, {smtpLn.accepting, s.smtpServed},
	} {
		select {
		case <-started.accepting:
		case <-started.served: // failed at once; logged by serve
		}
	}
	s.log.Info("local mail provider started", "imap", s.IMAPAddr(), "smtp", s.SMTPAddr())
	return s, nil
}

func newServer(opts Options) *Server {
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.Domain == "" {
		opts.Domain = "localhost"
	}
	if opts.MaxMessageBytes <= 0 {
		opts.MaxMessageBytes = DefaultMaxMessageBytes
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{
		log:        logger.With("component", "localmail"),
		opts:       opts,
		imapServed: make(chan struct{}),
		smtpServed: make(chan struct{}),
		closed:     make(chan struct{}),
	}
	s.users.init()
	s.deliveries.init()
	return s
}

func listenLoopback(countActive bool) (*trackedListener, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return newTrackedListener(ln, countActive), nil
}

// IMAPAddr returns the IMAP listener address, "127.0.0.1:port".
func (s *Server) IMAPAddr() string { return s.imapLn.Addr().String() }

// SMTPAddr returns the SMTP listener address, "127.0.0.1:port".
func (s *Server) SMTPAddr() string { return s.smtpLn.Addr().String() }

// IMAPPort returns the IMAP listener port.
func (s *Server) IMAPPort() int { return s.imapLn.Addr().(*net.TCPAddr).Port }

// SMTPPort returns the SMTP listener port.
func (s *Server) SMTPPort() int { return s.smtpLn.Addr().(*net.TCPAddr).Port }

// Close stops both servers, drops every client connection and waits until
// all server goroutines have returned. Calling it again returns nil.
func (s *Server) Close() error {
	first := false
	s.closeOnce.Do(func() {
		first = true
		close(s.closed)
		s.closeErr = s.shutdown()
		s.log.Info("local mail provider stopped")
	})
	if !first {
		return nil
	}
	return s.closeErr
}

// serve runs one protocol's accept loop. An error before Close means the
// provider silently stopped answering, so it is logged; errors caused by
// Close (including Serve starting only after Close) are not.
func (s *Server) serve(proto string, done chan struct{}, run func() error) {
	defer close(done)
	if err := run(); err != nil && !s.isClosed() {
		s.log.Error("mail server stopped", "proto", proto, "err", err)
	}
}

func (s *Server) shutdown() error {
	// IMAP: imapserver.Close stops accepting and waits for Serve, but does
	// not wait for connection goroutines; the tracked listener does.
	imapErr := s.imapSrv.Close()
	<-s.imapServed
	s.imapLn.closeConns()
	var stuck error
	if !s.imapLn.wait() {
		stuck = fmt.Errorf("close imap: a connection's goroutine still running %v after its connection closed", connGrace)
	}

	// SMTP: go-smtp's Close does not wait and Shutdown does not close busy
	// connections. Stop the accept loop ourselves, wait for it so that it
	// cannot start another connection, drop the connections and let
	// Shutdown wait for their goroutines.
	s.smtpLn.Close()
	<-s.smtpServed
	s.smtpLn.closeConns()
	smtpErr := s.smtpSrv.Shutdown(context.Background())

	errs := []error{stuck}
	if imapErr != nil && !errors.Is(imapErr, net.ErrClosed) {
		errs = append(errs, fmt.Errorf("close imap: %w", imapErr))
	}
	if smtpErr != nil && !errors.Is(smtpErr, net.ErrClosed) {
		errs = append(errs, fmt.Errorf("close smtp: %w", smtpErr))
	}
	return errors.Join(errs...)
}

// isClosed reports whether Close has been called.
func (s *Server) isClosed() bool {
	select {
	case <-s.closed:
		return true
	default:
		return false
	}
}

// printfLogger adapts slog to the Printf-style loggers of imapserver and
// go-smtp, which only report unexpected connection-level errors.
type printfLogger struct{ log *slog.Logger }

func (l printfLogger) Printf(format string, v ...any) {
	l.log.Warn("mail server error", "detail", fmt.Sprintf(format, v...))
}

func (l printfLogger) Println(v ...any) {
	l.log.Warn("mail server error", "detail", fmt.Sprintln(v...))
}
