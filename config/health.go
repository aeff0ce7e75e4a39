package config

import (
	"net"
	"strconv"
)

// Health is where `tonghop run` serves /healthz and /metrics for the office's monitoring.
type Health struct {
	// Listen is a host:port; empty turns the endpoint off. The default, on the loopback
	// interface, is reached by a Prometheus or a check on the same machine only: neither page
	// needs a password, and the metrics say how much mail the office handles.
	Listen string `toml:"listen"`
}

// DefaultHealthListen is health.listen's default: loopback, the port OpenTelemetry's
// Prometheus exporters use, so that no other tonghop default or mail port is taken.
const DefaultHealthListen = "127.0.0.1:9464"

func (c *Config) validateHealth(v *validator) {
	if c.Health.Listen == "" {
		return
	}
	_, port, err := net.SplitHostPort(c.Health.Listen)
	if err != nil {
		v.add("health.listen", "%q: want host:port such as %q, or \"\" for none", c.Health.Listen, DefaultHealthListen)
		return
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		v.add("health.listen", "%q: the port must be a number from 0 to 65535", c.Health.Listen)
	}
}
