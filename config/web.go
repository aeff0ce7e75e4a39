package config

import (
	"net"
	"net/url"
	"strconv"
)

// Web is the Planning Office's board (issue 22): where `tonghop run` and `tonghop serve` serve
// it. A configuration without a [web] table serves no board from `tonghop run`.
type Web struct {
	// Listen is a host:port; DefaultWebListen when the table is present without it. The
	// loopback default is reached through a reverse proxy that terminates TLS, or on the
	// machine itself.
	Listen string `toml:"listen"`
	// PublicURL is the board's address as people reach it ("https://tonghop.kcn.example"):
	// letters link to its pages, and an https address makes its cookies Secure.
	PublicURL string `toml:"public_url"`
	// SessionHours is how long a log-in lasts (default 12).
	SessionHours int `toml:"session_hours"`
}

// DefaultWebListen is web.listen's default: loopback, the usual port of a web application
// behind a proxy.
const DefaultWebListen = "127.0.0.1:8080"

// DefaultSessionHours is web.session_hours' default: a working day and the evening.
const DefaultSessionHours = 12

// completeWeb fills the defaults of a [web] table that is present.
func (c *Config) completeWeb() {
	if c.Web == nil {
		return
	}
	if c.Web.Listen == "" {
		c.Web.Listen = DefaultWebListen
	}
	if c.Web.SessionHours == 0 {
		c.Web.SessionHours = DefaultSessionHours
	}
}

func (c *Config) validateWeb(v *validator) {
	if c.Web == nil {
		return
	}
	if _, port, err := net.SplitHostPort(c.Web.Listen); err != nil {
		v.add("web.listen", "%q: want host:port such as %q", c.Web.Listen, DefaultWebListen)
	} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		v.add("web.listen", "%q: the port must be a number from 0 to 65535", c.Web.Listen)
	}
	if c.Web.PublicURL != "" {
		u, err := url.Parse(c.Web.PublicURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
			v.add("web.public_url", "%q: want the board's address, such as \"https://tonghop.example.gov.vn\"", c.Web.PublicURL)
		}
	}
	if c.Web.SessionHours < 1 || c.Web.SessionHours > 24*7 {
		v.add("web.session_hours", "%d: want from 1 to 168 hours", c.Web.SessionHours)
	}
}
