package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/letters"
)

// leader plays a person of the approval chain answering tonghop's requests from a phone: a few
// words above the quoted request, as mail apps write replies. The Chánh Văn phòng sends back a
// first draft that still misses units; every later draft, and every request to the Trưởng Ban,
// is approved.
type leader struct {
	person   samplePerson
	env      *environment
	inbox    mailboxReader
	pending  []answer
	answered map[string]bool // drafts answered, by subject token
	sent     int
}

type answer struct {
	at        time.Time
	subject   string
	inReplyTo string
	refs      string
	text      string
	quoted    string
	quotedAt  time.Time
}

func startLeaders(env *environment, addr string) ([]*leader, error) {
	var out []*leader
	for _, p := range samplePeople {
		if p.Role != "reviewer" && p.Role != "approver" {
			continue
		}
		l := &leader{person: p, env: env, answered: map[string]bool{}}
		if err := l.inbox.connect(addr, p.Email()); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

func (l *leader) close() { l.inbox.close() }

// step reads new requests and sends the answers that are due at now.
func (l *leader) step(ctx context.Context, now time.Time) error {
	msgs, err := l.inbox.fetchNew()
	if err != nil {
		return err
	}
	for _, raw := range msgs {
		msg, err := intake.Parse(raw, intake.Limits{})
		if err != nil {
			return fmt.Errorf("%s: read mail: %w", l.person.ID, err)
		}
		l.read(msg, now)
	}
	var keep []answer
	for _, a := range l.pending {
		if a.at.After(now) {
			keep = append(keep, a)
			continue
		}
		if err := l.send(ctx, a, now); err != nil {
			return err
		}
	}
	l.pending = keep
	return nil
}

// read plans the answer to a request (or its reminder) for a draft not answered yet.
func (l *leader) read(msg *intake.Message, now time.Time) {
	code, p, v, ok := letters.ParseApprovalToken(msg.Subject)
	again := strings.Contains(msg.Subject, "Kính đề nghị trả lời lại")
	if !ok || !again && !strings.Contains(msg.Subject, "Xin ý kiến duyệt") {
		return
	}
	token := letters.ApprovalToken(code, p, v)
	if l.answered[token] && !again {
		return
	}
	l.answered[token] = true
	l.pending = append(l.pending, answer{
		at: l.env.officeTime(now.Add(time.Hour)), subject: "Re: " + msg.Subject, inReplyTo: "<" + msg.MessageID + ">",
		refs: "<" + msg.MessageID + ">", text: l.words(v, msg.Text, again), quoted: msg.Text, quotedAt: msg.Date,
	})
}

// words is what the leader writes; asked to answer again, a plainer word.
func (l *leader) words(version int, request string, again bool) string {
	switch {
	case l.person.Role == "approver":
		return "Duyệt"
	case again:
		return "Đồng ý"
	}
	if version == 1 && strings.Contains(request, "chưa có số liệu của:") {
		return "Đề nghị Văn phòng đôn đốc các đơn vị chưa gửi, bổ sung số liệu rồi trình lại."
	}
	return "Đồng ý, trình Trưởng Ban."
}

// send mails the answer like a phone's mail app: the words, its signature, the quoted request.
func (l *leader) send(ctx context.Context, a answer, now time.Time) error {
	m := mail.NewMsg()
	if err := m.FromFormat(l.person.Name, l.person.Email()); err != nil {
		return err
	}
	if err := m.To(officeEmail); err != nil {
		return err
	}
	l.sent++
	m.SetMessageIDWithValue(fmt.Sprintf("demo.%s.%d@%s", strings.ReplaceAll(l.person.ID, "_", "."), l.sent, domain))
	m.SetDateWithValue(now)
	m.Subject(a.subject)
	m.SetGenHeader(mail.HeaderInReplyTo, a.inReplyTo)
	m.SetGenHeader(mail.HeaderReferences, a.refs)
	var quoted strings.Builder
	for _, line := range strings.Split(a.quoted, "\n") {
		quoted.WriteString("> " + line + "\n")
	}
	body := fmt.Sprintf("%s\n\nSent from my iPhone\n\nVào %s, Văn phòng <%s> đã viết:\n\n%s",
		a.text, a.quotedAt.In(l.env.cfg.Location).Format("15:04 02/01/2006"), officeEmail, quoted.String())
	m.SetBodyString(mail.TypeTextPlain, body)
	return deliverAs(ctx, l.env, l.person.Email(), m)
}
