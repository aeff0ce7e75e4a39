package upstream

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/reply"
)

// A clerk holds a filled file back, or lets it go, by answering its copy: "Giữ lại", "Gửi".
// The answer is bound as approvals' are — authenticated by [mail_auth], from a clerk, and
// answering (In-Reply-To or References, keyed Message-IDs nobody else can make) the copy sent
// to that clerk — and read by the reply reader. Holding is the safe side: an answer that reads
// both ways, or a "không gửi", holds; only a plain "Gửi" sends before the hold is over.

var (
	holdQuestion = reply.Question{Yes: []string{"giữ lại", "giữ [lại] chưa gửi", "tạm giữ [lại]", "khoan gửi", "đừng gửi", "chưa gửi"}}
	sendQuestion = reply.Question{Yes: []string{"gửi", "gửi đi", "gửi ngay", "cho gửi", "gửi lên", "gửi luôn"}}
)

// answerOf reads a clerk's answer: hold, send or unclear (nothing changes, the clerk is asked
// to write plainly). It holds on "giữ lại" and on anything asking for changes ("xem lại số
// liệu") or refusing to send ("không gửi"); it sends only on a plain "gửi" that holds nothing.
// A bare "Đồng ý" reads as yes to both questions, and so holds.
func answerOf(plain, html string) letters.UpstreamAnswer {
	hold := reply.ReadAnswer(plain, html, holdQuestion).Decision
	send := reply.ReadAnswer(plain, html, sendQuestion).Decision
	switch {
	case hold == reply.Approve || hold == reply.Revise || send == reply.Revise:
		return letters.UpstreamAnswerHeld
	case send == reply.Approve:
		return letters.UpstreamAnswerReleased
	}
	return letters.UpstreamAnswerUnclear
}

// answered returns the copy of a filled file that msg answers, sent to clerk p.
func (s *Stage) answered(ctx context.Context, msg *intake.Message, p config.Person) (ledger.OutMail, bool) {
	for _, id := range append([]string{msg.InReplyTo}, msg.References...) {
		if id == "" || !mailer.IsOwnMessageID(id, s.Office.SMTP.From) {
			continue
		}
		m, err := s.Ledger.OutMailByMessageID(ctx, id)
		if err != nil || m.Kind != ledger.KindUpstreamOffice || m.About.Unit == "" || m.About.Step == 0 || !sentTo(m, p.Emails) {
			continue
		}
		return m, true
	}
	return ledger.OutMail{}, false
}

func sentTo(m ledger.OutMail, addrs []string) bool {
	for _, to := range append(append([]string(nil), m.To...), m.Cc...) {
		for _, a := range addrs {
			if strings.EqualFold(strings.TrimSpace(to), strings.TrimSpace(a)) {
				return true
			}
		}
	}
	return false
}

// answer applies clerk p's answer to the copy c: hold, send, or say why nothing changed. The
// request moves in its own transaction before the mail is recorded: read again after a crash,
// the same answer finds it moved and changes nothing more.
func (s *Stage) answer(ctx context.Context, in *ledger.Intake, msg *intake.Message, raw []byte, p config.Person, c ledger.OutMail, log *slog.Logger) error {
	now := s.now()
	if why := s.authFailure(raw, msg); why != "" {
		log.Warn("answer about an upstream file refused: authentication failed", "from", msg.From.Addr, "why", why)
		in.Settle(now, ledger.OutcomeQuarantined, "answer about an upstream file failed authentication: "+why, ledger.ActionUpstreamRefused)
		return nil
	}
	r, err := s.Ledger.UpstreamRequest(ctx, c.About.Unit, c.About.Form, c.About.Period)
	if errors.Is(err, ledger.ErrNotFound) {
		in.Settle(now, ledger.OutcomeIgnored, "answer about an upstream request no longer recorded: kept", ledger.ActionMailFromClerk)
		return nil
	} else if err != nil {
		return err
	}
	t, ok := s.targetOf(r)
	if !ok || r.Issue != c.About.Step {
		in.Settle(now, ledger.OutcomeIgnored, "answer about an older filled file of upstream "+r.Upstream+": kept", ledger.ActionMailFromClerk)
		return nil
	}
	a := answerOf(msg.Text, msg.HTML)
	sendAt, err := s.apply(ctx, r, p.ID, a)
	if err != nil {
		return err
	}
	switch {
	case r.State == ledger.UpstreamSent && a != letters.UpstreamAnswerUnclear:
		a = letters.UpstreamAnswerSent
	case r.State == ledger.UpstreamSent, r.State == ledger.UpstreamFailed, r.State == ledger.UpstreamWaiting:
		// Nothing to hold or send: a thank-you after the file went, or a file never filled.
		in.Settle(now, ledger.OutcomeIgnored, "answer about upstream "+r.Upstream+" "+r.Form+" "+r.Period+" ("+string(r.State)+"): kept",
			ledger.ActionMailFromClerk)
		return nil
	}
	log.Info("clerk's answer about an upstream file", "person", p.ID, "answer", a, "state", r.State)
	l := letters.UpstreamAnswerLetter(s.describe(t), letters.Person{Title: p.Title, Name: p.Name}, a, sendAt)
	in.Queue(now, ledger.OutMail{Key: ledger.UpstreamAnswerKey(in.Mail.SHA256), Kind: ledger.KindUpstreamOffice,
		To: []string{msg.From.Addr}, Subject: l.Subject, Body: l.Body, InReplyTo: msg.MessageID}, "person:"+p.ID)
	in.Settle(now, ledger.OutcomeAccepted, "clerk's answer about upstream "+r.Upstream+" "+r.Form+" "+r.Period+" read", ledger.ActionMailFromClerk)
	return nil
}

// apply moves r as answer a of actor (a person id, or who ran the command) says: a ready file
// held, a held or ready one let go at once. It returns when the file goes unless held (zero:
// held). A request in another state is left.
func (s *Stage) apply(ctx context.Context, r ledger.UpstreamRequest, actor string, a letters.UpstreamAnswer) (time.Time, error) {
	now := s.now()
	to := r
	to.UpdatedAt = now
	var action ledger.Action
	switch {
	case a == letters.UpstreamAnswerHeld && r.State == ledger.UpstreamReady:
		to.State, to.SendAfter, action = ledger.UpstreamHeld, time.Time{}, ledger.ActionUpstreamHeld
	case a == letters.UpstreamAnswerReleased && (r.State == ledger.UpstreamReady || r.State == ledger.UpstreamHeld):
		to.State, to.SendAfter, action = ledger.UpstreamReady, now, ledger.ActionUpstreamReleased
	default:
		if r.State == ledger.UpstreamReady {
			return r.SendAfter.In(s.Office.Location), nil
		}
		return time.Time{}, nil
	}
	ev := ledger.Event{At: now, Actor: actor, Action: action, Object: ledger.PeriodObject(r.Form, r.Period), Detail: "upstream " + r.Upstream}
	err := s.Ledger.UpdateUpstream(ctx, ledger.UpstreamUpdate{From: r.State, FromIssue: r.Issue, To: to, Events: []ledger.Event{ev}})
	if errors.Is(err, ledger.ErrUpstreamChanged) {
		return time.Time{}, nil
	}
	return to.SendAfter, err
}

// ErrNotMovable is returned by Hold and Release for a request that is neither ready nor held.
var ErrNotMovable = errors.New("the filled file is neither waiting to go nor held")

// Hold holds a request's filled file back, as a clerk's "Giữ lại" does (the command line:
// tonghop upstream --hold); by names who did it in the audit trail.
func (s *Stage) Hold(ctx context.Context, upstream, form, period, by string) error {
	return s.move(ctx, upstream, form, period, by, letters.UpstreamAnswerHeld, ledger.UpstreamReady)
}

// Release lets a ready or held file go at the next step, as a clerk's "Gửi" does.
func (s *Stage) Release(ctx context.Context, upstream, form, period, by string) error {
	return s.move(ctx, upstream, form, period, by, letters.UpstreamAnswerReleased, ledger.UpstreamReady, ledger.UpstreamHeld)
}

func (s *Stage) move(ctx context.Context, upstream, form, period, by string, a letters.UpstreamAnswer, from ...ledger.UpstreamState) error {
	r, err := s.Ledger.UpstreamRequest(ctx, upstream, form, period)
	if err != nil {
		return err
	}
	if !slices.Contains(from, r.State) {
		return fmt.Errorf("%w: %s", ErrNotMovable, r.State)
	}
	_, err = s.apply(ctx, r, by, a)
	return err
}
