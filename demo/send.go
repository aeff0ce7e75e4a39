package demo

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/internal/zipflate"
	"github.com/wneessen/go-mail"
)

// send mails r to the office as the unit's mail client would: a plain human message, no
// Auto-Submitted header, the filled workbook attached under the name it was received with (or
// zipped), or only a few words when r is a message without a workbook.
func (a *agent) send(ctx context.Context, r reply, now time.Time) error {
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
	if r.text != "" {
		m.Subject("Re: báo cáo của " + a.unit.Name)
		m.SetGenHeader(mail.HeaderInReplyTo, r.inReply)
		m.SetBodyString(mail.TypeTextPlain, "Kính gửi Văn phòng,\n\n"+r.text+"\n\nTrân trọng.")
		return a.deliver(ctx, m)
	}
	if err := a.attachWorkbook(m, r, now); err != nil {
		return err
	}
	if err := a.deliver(ctx, m); err != nil {
		return err
	}
	a.submitted["<"+id+">"] = r.job
	a.submitted[id] = r.job
	return nil
}

// attachWorkbook fills the job's workbook and attaches it with the subject and words a clerk writes.
func (a *agent) attachWorkbook(m *mail.Msg, r reply, now time.Time) error {
	data, err := a.fill(r.job, r.mistakes, now)
	if err != nil {
		return err
	}
	m.Subject(fmt.Sprintf("%s - %s - %s", a.unit.Name, r.job.form.Title, r.job.label))
	body := "Kính gửi Văn phòng,\n\n" + a.unit.Name + " gửi kèm " + r.job.form.Code + " " + r.job.label + ".\n\nTrân trọng."
	if a.corrected[r.job.key()] {
		body = "Kính gửi Văn phòng,\n\n" + a.unit.Name + " gửi lại tệp đã sửa theo góp ý (tệp nén).\n\nTrân trọng."
	}
	m.SetBodyString(mail.TypeTextPlain, body)
	name := r.job.fileName
	if r.zipped {
		if data, err = zipped(name, data); err != nil {
			return err
		}
		name = strings.TrimSuffix(name, ".xlsx") + ".zip"
	}
	return m.AttachReader(name, bytes.NewReader(data))
}

// zipped wraps one file in a zip archive.
func zipped(name string, data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zipflate.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (a *agent) deliver(ctx context.Context, m *mail.Msg) error {
	return deliverAs(ctx, a.env, a.unit.Email(), m)
}

// deliverAs submits m to the embedded SMTP server as user, as their mail client would.
func deliverAs(ctx context.Context, env *environment, user string, m *mail.Msg) error {
	c, err := mail.NewClient(env.smtpHost, mail.WithPort(env.smtpPort), mail.WithTLSPolicy(mail.NoTLS),
		mail.WithSMTPAuth(mail.SMTPAuthPlain), mail.WithUsername(user), mail.WithPassword(password))
	if err != nil {
		return fmt.Errorf("%s: smtp client: %w", user, err)
	}
	if err := c.DialAndSendWithContext(ctx, m); err != nil {
		return fmt.Errorf("%s: send: %w", user, err)
	}
	return nil
}
