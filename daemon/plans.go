package daemon

import (
	"fmt"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// defaultSendTemplate is how long before the deadline templates go out when a form says nothing.
const defaultSendTemplate = "5wd"

// Plans turns the forms of a validated configuration into schedule plans, by form code: the one
// place that reads a form's calendar settings.
func Plans(c *config.Config) (map[string]schedule.Plan, error) {
	out := map[string]schedule.Plan{}
	for i := range c.Forms {
		f := &c.Forms[i]
		pl, err := plan(c, f)
		if err != nil {
			return nil, fmt.Errorf("form %s: %w", f.Code, err)
		}
		out[f.Code] = pl
	}
	return out, nil
}

// Calendar returns the office's working calendar and its forms' plans, the pair every reader
// of deadlines needs.
func Calendar(c *config.Config) (period.Calendar, map[string]schedule.Plan, error) {
	cal, err := c.Calendar()
	if err != nil {
		return period.Calendar{}, nil, fmt.Errorf("calendar: %w", err)
	}
	plans, err := Plans(c)
	return cal, plans, err
}

func plan(c *config.Config, f *config.Form) (schedule.Plan, error) {
	kind, err := period.ParseKind(f.Period)
	if err != nil {
		return schedule.Plan{}, err
	}
	policy, err := c.Policy(f)
	if err != nil {
		return schedule.Plan{}, err
	}
	send := f.SendTemplate
	if send == "" {
		send = defaultSendTemplate
	}
	sendOffset, err := period.ParseOffset("-" + send)
	if err != nil {
		return schedule.Plan{}, fmt.Errorf("send_template: %w", err)
	}
	pl := schedule.Plan{
		Form: f.Code, Kind: kind, Policy: policy, PlansNext: f.PlansNext, SendTemplate: sendOffset,
		MaxNags: f.MaxNags, EscalateFrom: f.EscalateFrom, DigestFrom: f.DigestFrom, Since: c.Start,
	}
	if pl.Reminders, err = offsets(f.Reminders); err != nil {
		return schedule.Plan{}, fmt.Errorf("reminders: %w", err)
	}
	if pl.Nags, err = offsets(f.Nags); err != nil {
		return schedule.Plan{}, fmt.Errorf("nags: %w", err)
	}
	if f.NagEvery != "" {
		if pl.NagEvery, err = period.ParseOffset(f.NagEvery); err != nil {
			return schedule.Plan{}, fmt.Errorf("nag_every: %w", err)
		}
	}
	for _, u := range c.FormUnits(f) {
		pl.Units = append(pl.Units, u.Code)
	}
	return pl, nil
}

func offsets(list []string) ([]period.Offset, error) {
	out := make([]period.Offset, 0, len(list))
	for _, s := range list {
		o, err := period.ParseOffset(s)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

func senderConfig(c *config.Config) mailer.Config {
	s := c.SMTP
	mc := mailer.Config{
		Host: s.Host, Port: s.Port, TLS: mailer.TLSMode(s.TLS),
		User: s.User, Password: s.Password, From: s.From, FromName: s.FromName,
		InsecureSkipVerify: s.InsecureSkipVerify, RootCAs: s.RootCAs,
	}
	if s.DKIMKey != nil {
		mc.DKIM = &mailer.DKIM{Domain: s.DKIMDomain, Selector: s.DKIMSelector, Key: s.DKIMKey}
	}
	return mc
}
