package daemon

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// attackLine is one line of testdata/attacks/MANIFEST.tsv: an attack (or a genuine mail the
// attacks must not stop) and everything it must come to.
type attackLine struct {
	id     string
	mails  []attackMail // the mails, in order; a run sends many
	files  []string     // the workbooks and archives the mails attach
	env    string       // the office it runs against (attackEnvs)
	kind   string
	tries  string
	result ledger.Outcome // of every mail, which also says its folder
	out    []outWant      // the mail tonghop queues because of it
	chain  string         // "status step vN decisions" of November's approval, or "-"
	subs   [2]int         // submissions recorded / valid
	arch   string         // a glob under the data directory that must match a file, or "-"
	says   string         // a text one of the queued mails must hold, or "-"
	expect string
}

// attackMail is a file of the corpus sent n times (n > 1: a run, ${N} counting 001, 002, …), or
// a mail built at run time ("gen:…").
type attackMail struct {
	file string
	n    int
}

// outWant is "role/kind=n" (exactly n mails of that kind to that role) or "role/*<=n" (at most
// n mails of any kind to that role).
type outWant struct {
	role, kind string
	n          int
	atMost     bool
}

var attackKinds = []string{"forgery", "genuine", "spoofed-submission", "path", "bomb", "loop", "amplification", "gap"}

// TestAttackCorpus sends every attack of the corpus to the test office through its mailbox, as
// the office's MX delivers it, and checks each against the manifest: the mail's outcome and
// folder, what tonghop sent because of it, the approval chain, the submissions counted, the
// archive. Each office (env column) is a fresh one, its lines run in order two minutes apart, a
// run (many mails) an hour after the line before it; in the approval office, the genuine replies
// through the MX then move the chain past every forgery and issue the report, which holds none
// of the forged edits.
func TestAttackCorpus(t *testing.T) {
	t.Parallel()
	lines := readAttackManifest(t)
	if len(lines) < 40 {
		t.Fatalf("manifest: got %d attacks, want at least 40", len(lines))
	}
	var envs []string
	for _, l := range lines {
		if !slices.Contains(envs, l.env) {
			envs = append(envs, l.env)
		}
	}
	for _, name := range envs {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // each office is a fresh one of its own
			r := &attackRun{e: newAttackEnv(t, name)}
			for _, l := range lines {
				if l.env == name {
					t.Run(l.id, func(t *testing.T) { r.send(t, l) })
				}
			}
			r.nothingOutside(t)
			r.e.noDuplicates(t)
		})
	}
}

// newAttackEnv builds an office of the corpus. The hourly limits on notices are raised where
// each forgery's notice is asserted on its own; the loops office keeps the defaults, which its
// runs test.
func newAttackEnv(t *testing.T, name string) *env {
	raise := func(o *Options) {
		o.Config.Mailbox.NoticesPerHour, o.Config.Mailbox.NoticesPerSenderPerHour = 1000, 1000
	}
	var e *env
	switch name {
	case "approval": // a draft v1 of November waiting for the deputy, then the head
		e = submittedEnv(t, twoStepForms)
		raise(&Options{Config: e.cfg})
		e.restart(t) // its daemon compiled the office before the raise
		return e
	case "units":
		e = newOfficeEnv(t, officetest.Options{}, raise)
	case "paths", "loops":
		e = newEnv(t)
	case "bombs":
		e = newOfficeEnv(t, officetest.Options{Forms: bombForms}, nil)
	case "gaps":
		e = newEnvWith(t, func(o *Options) { o.Config.Mailbox.MaxMessageBytes = 1 << 20 })
	default:
		t.Fatalf("no office %q", name)
	}
	e.step(t) // templates and whatever else is due at the start, before the first attack
	return e
}

// attackRun is one office of the corpus under attack.
type attackRun struct {
	e      *env
	lastEv int64 // the last event seen (lastEvent)
}

// send delivers one line's mails, lets the daemon poll, consolidate and send, and checks it.
func (r *attackRun) send(t *testing.T, l attackLine) {
	e, ctx := r.e, context.Background()
	if len(l.mails) > 1 || l.mails[0].n > 1 {
		e.clock.Advance(61 * time.Minute) // a run of its own hour
	} else {
		e.clock.Advance(2 * time.Minute)
	}
	outBefore, evBefore, draftBefore := lastOutboxID(t, e), r.lastEvent(t), r.draftVersion(t)
	var raws [][]byte
	for _, m := range l.mails {
		for i := 1; i <= m.n; i++ {
			raws = append(raws, r.build(t, m.file, i))
		}
	}
	for _, raw := range raws {
		if l.id == "B05" { // two tries that never ended: the daemon died on this mail twice
			for range maxFailedTries {
				if _, err := e.ledger.BeginAttempt(ctx, shaOf(raw), e.clock.Now()); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := e.srv.Append(officeAddr, "INBOX", raw); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 10 && e.count(t, "INBOX") > 0; i++ {
		if err := e.d.Poll(ctx); err != nil {
			t.Errorf("poll: %v", err)
		}
	}
	if err := errors.Join(e.d.Report(ctx), e.d.Flush(ctx)); err != nil {
		t.Errorf("report and outbox: %v", err)
	}
	r.checkMails(t, l, raws)
	r.checkOut(t, l, outBefore)
	r.checkRecord(t, l, evBefore, draftBefore)
	if check := attackChecks[l.id]; check != nil {
		check(t, r, attackDelta{out: outBefore, events: evBefore})
	}
	if t.Failed() {
		t.Logf("%s (%s): %s; expected: %s", l.id, l.kind, l.tries, l.expect)
	}
}

// checkMails checks the outcome recorded for each mail and the folder it was moved to.
func (r *attackRun) checkMails(t *testing.T, l attackLine, raws [][]byte) {
	e := r.e
	folder := map[ledger.Outcome]string{ledger.OutcomeAccepted: e.cfg.Mailbox.Processed, ledger.OutcomeIgnored: e.cfg.Mailbox.Processed,
		ledger.OutcomeRejected: e.cfg.Mailbox.Rejected, ledger.OutcomeQuarantined: e.cfg.Mailbox.Quarantine}[l.result]
	msgs, err := e.srv.Messages(officeAddr, folder)
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{}
	for _, m := range msgs {
		in[shaOf(m)] = true
	}
	wrong := map[string]int{}
	for _, raw := range raws {
		m, ok := r.recorded(t, raw)
		switch {
		case !ok:
			wrong["not recorded"]++
		case m.Outcome != l.result:
			wrong[fmt.Sprintf("%s (%s)", m.Outcome, m.Note)]++
		case !in[shaOf(raw)]:
			wrong["not in "+folder]++
		}
	}
	for what, n := range wrong {
		t.Errorf("outcome: %d of %d mails %s, want %s in %s", n, len(raws), what, l.result, folder)
	}
}

// recorded finds the ledger's record of a raw mail: by its bytes, or (a mail too large to
// download is recorded from its header) by its sender and Message-ID.
func (r *attackRun) recorded(t *testing.T, raw []byte) (ledger.Mail, bool) {
	ctx := context.Background()
	if m, err := r.e.ledger.MailBySHA(ctx, shaOf(raw)); err == nil {
		return m, true
	}
	hdr, err := intake.ParseHeader(raw)
	if err != nil || hdr.MessageID == "" {
		return ledger.Mail{}, false
	}
	m, err := r.e.ledger.MailByMessageID(ctx, hdr.MessageID, hdr.From.Addr)
	return m, err == nil
}

// checkOut compares the mail queued since outBefore, by recipient and kind, with the line's;
// every letter must be free of control and bidi characters, whatever the attacker wrote.
func (r *attackRun) checkOut(t *testing.T, l attackLine, outBefore int64) {
	got, out := map[string]int{}, r.outSince(t, outBefore)
	for _, m := range out {
		for _, to := range append(slices.Clone(m.To), m.Cc...) {
			got[attackRole(to)+"/"+string(m.Kind)]++
		}
		if c, ok := hostileRune(m.Subject + m.Body); ok {
			t.Errorf("%s mail %q holds the character %U", m.Kind, m.Subject, c)
		}
	}
	for _, w := range l.out {
		if !w.atMost {
			if got[w.role+"/"+w.kind] != w.n {
				t.Errorf("mail: got %d %s to %s, want %d", got[w.role+"/"+w.kind], w.kind, w.role, w.n)
			}
			delete(got, w.role+"/"+w.kind)
			continue
		}
		sum, kinds := 0, map[string]int{}
		for k, n := range got {
			if strings.HasPrefix(k, w.role+"/") {
				sum += n
				kinds[k] = n
				delete(got, k)
			}
		}
		if sum > w.n {
			t.Errorf("mail: got %d to %s %v, want at most %d", sum, w.role, kinds, w.n)
		}
	}
	for k, n := range got {
		t.Errorf("mail: got %d %s, want none", n, k)
	}
	if l.says != "-" && !slices.ContainsFunc(out, func(m ledger.OutMail) bool {
		return strings.Contains(m.Subject+"\n"+m.Body, l.says)
	}) {
		t.Errorf("no mail queued says %q", l.says)
	}
}

// checkRecord checks the submissions recorded, the approval, the archive; a forgery never
// makes a draft.
func (r *attackRun) checkRecord(t *testing.T, l attackLine, evBefore int64, draftBefore int) {
	var subs [2]int
	for _, ev := range r.eventsSince(t, evBefore) {
		switch ev.Action {
		case ledger.ActionSubmissionAccepted:
			subs[0]++
			subs[1]++
		case ledger.ActionSubmissionRejected:
			subs[0]++
		}
	}
	if subs != l.subs {
		t.Errorf("submissions: got %d/%d (recorded/valid), want %d/%d", subs[0], subs[1], l.subs[0], l.subs[1])
	}
	if l.chain != "-" {
		st := r.e.state(t)
		if got := fmt.Sprintf("%s %d v%d %d", st.Status, st.Step+1, st.Version, len(st.Decisions)); got != l.chain {
			t.Errorf("approval: got %q, want %q (status step version decisions)", got, l.chain)
		}
	}
	if l.kind == "forgery" {
		if v := r.draftVersion(t); v != draftBefore {
			t.Errorf("drafts: a forgery made draft v%d (was v%d)", v, draftBefore)
		}
	}
	if l.arch != "-" {
		if found, _ := filepath.Glob(filepath.Join(r.e.cfg.DataDir, l.arch)); len(found) == 0 {
			t.Errorf("archive: nothing matches %s; archive holds %q", l.arch, r.archive(t))
		}
	}
}

// nothingOutside fails when the office wrote a file beside its data directory.
func (r *attackRun) nothingOutside(t *testing.T) {
	data := r.e.cfg.DataDir
	err := filepath.WalkDir(filepath.Dir(data), func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p == data:
			return filepath.SkipDir
		case !d.IsDir() && d.Name() != "tonghop.toml":
			t.Errorf("written outside the data directory: %s", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range r.archive(t) {
		if c, ok := hostileRune(name); ok {
			t.Errorf("archive: %q holds the character %U", name, c)
		}
	}
}

// archive lists the archive's files, for a failure's message.
func (r *attackRun) archive(t *testing.T) []string {
	var all []string
	root := filepath.Join(r.e.cfg.DataDir, "archive")
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(r.e.cfg.DataDir, p)
			all = append(all, rel)
		}
		return nil
	})
	return all
}

func (r *attackRun) outSince(t *testing.T, after int64) []ledger.OutMail {
	all, err := r.e.ledger.Outbox(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	return slices.DeleteFunc(all, func(m ledger.OutMail) bool { return m.ID <= after })
}

func (r *attackRun) eventsSince(t *testing.T, after int64) []ledger.Event {
	evs, err := r.e.ledger.Events(context.Background(), after, 0)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// lastEvent is the ID of the ledger's last event, read on from the one found before.
func (r *attackRun) lastEvent(t *testing.T) int64 {
	if evs := r.eventsSince(t, r.lastEv); len(evs) > 0 {
		r.lastEv = evs[len(evs)-1].ID
	}
	return r.lastEv
}

// draftVersion is the latest draft of November's monthly report, 0 without one.
func (r *attackRun) draftVersion(t *testing.T) int {
	d, err := r.e.ledger.LatestDraft(context.Background(), "BM.02.01/KH", "2026-11")
	if errors.Is(err, ledger.ErrNotFound) {
		return 0
	} else if err != nil {
		t.Fatal(err)
	}
	return d.Version
}

// attackRole names who an address is in the test office.
func attackRole(addr string) string {
	addr = strings.ToLower(strings.TrimSpace(addr))
	switch addr {
	case officetest.Clerk:
		return "clerk"
	case officetest.Supervisor:
		return "ptb"
	case officetest.Approver:
		return "tb"
	}
	for _, u := range officetest.Units {
		if addr == officetest.UnitAddr(u) {
			return strings.ToLower(u)
		}
	}
	return "other"
}

// hostileRune finds a control character (but line breaks and tabs) or a bidi or invisible
// format character in a letter.
func hostileRune(s string) (rune, bool) {
	for _, c := range s {
		switch {
		case c == '\n' || c == '\r' || c == '\t':
		case c < 0x20 || c >= 0x7f && c < 0xa0,
			c >= 0x200b && c <= 0x200f, c >= 0x202a && c <= 0x202e, c >= 0x2066 && c <= 0x2069, c == 0x061c, c == 0xfeff:
			return c, true
		}
	}
	return 0, false
}

// readAttackManifest reads MANIFEST.tsv and checks that it names every file of the corpus, and
// only files that exist.
func readAttackManifest(t *testing.T) []attackLine {
	t.Helper()
	rows := manifestRows(t, attackDir, "id\tfiles\tenv\tkind\ttries\toutcome\tout\tchain\tsubmissions\tarchive\tsays\texpected")
	var lines []attackLine
	listed, ids := map[string]bool{}, map[string]bool{}
	for i, row := range rows[1:] {
		l, err := parseAttackLine(row)
		if err != nil {
			t.Fatalf("manifest line %d: %v", i+2, err)
		}
		if ids[l.id] {
			t.Fatalf("manifest line %d: %s twice", i+2, l.id)
		}
		ids[l.id] = true
		for _, f := range l.files {
			listed[f] = true
		}
		for _, m := range l.mails {
			listed[m.file] = true
		}
		lines = append(lines, l)
	}
	files, _ := filepath.Glob(filepath.Join(attackDir, "*"))
	for _, f := range files {
		if name := filepath.Base(f); name != "MANIFEST.tsv" && !listed[name] {
			t.Errorf("manifest: %s is not listed", name)
		}
	}
	for f := range listed {
		if _, err := os.Stat(filepath.Join(attackDir, f)); !strings.HasPrefix(f, "gen:") && err != nil {
			t.Errorf("manifest: %v", err)
		}
	}
	return lines
}

func parseAttackLine(row string) (attackLine, error) {
	f := strings.Split(row, "\t")
	if len(f) != 12 {
		return attackLine{}, fmt.Errorf("got %d columns, want 12", len(f))
	}
	l := attackLine{id: f[0], env: f[2], kind: f[3], tries: f[4], result: ledger.Outcome(f[5]), chain: f[7], arch: f[9], says: f[10], expect: f[11]}
	if !slices.Contains(attackKinds, l.kind) {
		return l, fmt.Errorf("kind %q: want one of %v", l.kind, attackKinds)
	}
	if !slices.Contains([]ledger.Outcome{ledger.OutcomeAccepted, ledger.OutcomeRejected, ledger.OutcomeIgnored, ledger.OutcomeQuarantined}, l.result) {
		return l, fmt.Errorf("outcome %q", l.result)
	}
	for _, item := range strings.Split(f[1], "+") {
		n, file := 1, item
		if count, rest, ok := strings.Cut(item, "*"); ok {
			var err error
			if n, err = strconv.Atoi(count); err != nil || n < 1 {
				return l, fmt.Errorf("files %q: bad count", item)
			}
			file = rest
		}
		if strings.HasSuffix(file, ".eml") || strings.HasPrefix(file, "gen:") {
			l.mails = append(l.mails, attackMail{file: file, n: n})
		} else {
			l.files = append(l.files, file)
		}
	}
	if len(l.mails) == 0 {
		return l, fmt.Errorf("files %q: no mail", f[1])
	}
	if f[6] != "-" {
		for _, w := range strings.Split(f[6], ",") {
			var o outWant
			rk, num, ok := strings.Cut(w, "<=")
			if o.atMost = ok; !ok {
				rk, num, ok = strings.Cut(w, "=")
			}
			role, kind, ok2 := strings.Cut(rk, "/")
			n, err := strconv.Atoi(num)
			if !ok || !ok2 || err != nil || o.atMost != (kind == "*") {
				return l, fmt.Errorf("out %q: want role/kind=n or role/*<=n", w)
			}
			o.role, o.kind, o.n = role, kind, n
			l.out = append(l.out, o)
		}
	}
	rec, val, ok := strings.Cut(f[8], "/")
	var err1, err2 error
	l.subs[0], err1 = strconv.Atoi(rec)
	l.subs[1], err2 = strconv.Atoi(val)
	if !ok || err1 != nil || err2 != nil {
		return l, fmt.Errorf("submissions %q: want recorded/valid", f[8])
	}
	return l, nil
}
