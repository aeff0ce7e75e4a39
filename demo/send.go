package demo

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/wneessen/go-mail"
)

// send mails the filled workbook of r to the office, as the unit's mail client would: a plain
// human message, no Auto-Submitted header, the file attached under the name it was received with.
func (a *agent) send(ctx context.Context, r reply, now time.Time) error {
	data, err := a.fill(r.job, r.mistakes, now)
	if err != nil {
		return err
	}
	m := mail.NewMsg()
	if err := m.FromFormat(a.unit.Name, a.unit.Email()); err != nil {
		return err
	}
	if err := m.To(officeEmail); err != nil {
		return err
	}
	a.sent++
	id := fmt.Sprintf("demo.%s.%d@%s", a.unit.Code, a.sent, domain)
	m.SetMessageIDWithValue(id)
	m.SetDateWithValue(now)
	m.Subject(fmt.Sprintf("%s - %s - %s", a.unit.Name, r.job.form.Title, r.job.label))
	body := "Kính gửi Văn phòng,\n\n" + a.unit.Name + " gửi kèm " + r.job.form.Code + " " + r.job.label + ".\n\nTrân trọng."
	if a.corrected[r.job.key()] {
		body = "Kính gửi Văn phòng,\n\n" + a.unit.Name + " gửi lại tệp đã sửa theo góp ý.\n\nTrân trọng."
	}
	m.SetBodyString(mail.TypeTextPlain, body)
	if err := m.AttachReader(r.job.fileName, bytes.NewReader(data)); err != nil {
		return err
	}
	c, err := mail.NewClient(a.env.smtpHost, mail.WithPort(a.env.smtpPort), mail.WithTLSPolicy(mail.NoTLS),
		mail.WithSMTPAuth(mail.SMTPAuthPlain), mail.WithUsername(a.unit.Email()), mail.WithPassword(password))
	if err != nil {
		return fmt.Errorf("unit %s: smtp client: %w", a.unit.Code, err)
	}
	if err := c.DialAndSendWithContext(ctx, m); err != nil {
		return fmt.Errorf("unit %s: send: %w", a.unit.Code, err)
	}
	a.submitted["<"+id+">"] = r.job
	a.submitted[id] = r.job
	return nil
}
