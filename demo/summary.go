package demo

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/report"
)

// summarize prints, per form and period, what each unit did, then the mail counts and the files left.
func summarize(ctx context.Context, w io.Writer, cfg *office.Office, l *ledger.Ledger, agents []*agent, took time.Duration) error {
	fmt.Fprintf(w, "\nSummary — office time %s → %s, run in %.1fs\n", simStart.Format("02/01 15:04"),
		simEnd.Format("02/01 15:04"), took.Seconds())
	periods, err := l.Periods(ctx, "")
	if err != nil {
		return err
	}
	for _, p := range periods {
		subs, err := l.Submissions(ctx, p.Form, p.Period)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\n%s %s — deadline %s\n", p.Form, p.Period, p.Deadline.In(cfg.Location).Format("02/01 15:04"))
		for _, a := range agents {
			fmt.Fprintf(w, "  %-5s %-26s %s\n", a.unit.Code, a.behaviour, unitHistory(subs, a.unit.Code, cfg))
		}
		f, _ := cfg.Form(p.Form)
		m, err := report.StatusMatrix(ctx, cfg, l, f, p.Period, 1, simEnd)
		if err != nil {
			return err
		}
		r := m.Rates[0]
		fmt.Fprintf(w, "  reporting rate %d/%d (%.0f%%), on time %d/%d (%.0f%%)\n",
			r.Reported, r.Expected, r.ReportingRate(), r.OnTime, r.Expected, r.OnTimeRate())
		if err := reportLines(ctx, w, cfg, l, p); err != nil {
			return err
		}
	}
	out, err := l.Outbox(ctx, "")
	if err != nil {
		return err
	}
	mails, err := l.Mails(ctx)
	if err != nil {
		return err
	}
	kinds := map[ledger.Kind]int{}
	sent := 0
	for _, m := range out {
		kinds[m.Kind]++
		if m.Status == ledger.OutSent {
			sent++
		}
	}
	fmt.Fprintf(w, "\nMail: %d received; %d queued, %d sent (", len(mails), len(out), sent)
	var parts []string
	for _, k := range []ledger.Kind{ledger.KindTemplate, ledger.KindReceipt, ledger.KindRejection, ledger.KindReminder,
		ledger.KindNag, ledger.KindDigest, ledger.KindNotice, ledger.KindDraft, ledger.KindApprovalRequest,
		ledger.KindApprovalReminder, ledger.KindApprovalNotice, ledger.KindApprovalOffice, ledger.KindIssue} {
		if kinds[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, kinds[k]))
		}
	}
	fmt.Fprintf(w, "%s)\n", strings.Join(parts, ", "))
	fmt.Fprintf(w, "\nFiles:\n  %s\n  %s (ledger)\n  %s (every workbook sent and received)\n  %s (daemon log)\n",
		cfg.Path, filepath.Join(cfg.DataDir, "ledger.db"), filepath.Join(cfg.DataDir, "archive"),
		filepath.Join(filepath.Dir(cfg.DataDir), "tonghop.log"))
	return nil
}

// unitHistory writes a unit's versions for one period: "v1 rejected 16/11 10:30, v2 accepted 16/11 12:30".
func unitHistory(subs []ledger.Submission, unit string, cfg *office.Office) string {
	var parts []string
	for _, s := range subs {
		if s.Unit != unit {
			continue
		}
		state := "accepted"
		if !s.Valid {
			state = "rejected"
		}
		if s.Late {
			state += " late"
		}
		parts = append(parts, fmt.Sprintf("v%d %s %s", s.Version, state, s.ReceivedAt.In(cfg.Location).Format("02/01 15:04")))
	}
	if len(parts) == 0 {
		return "nothing received"
	}
	return strings.Join(parts, ", ")
}

// reportLines prints the consolidated drafts of a period and, once approved, the issued report.
func reportLines(ctx context.Context, w io.Writer, cfg *office.Office, l *ledger.Ledger, p ledger.Period) error {
	drafts, err := l.Drafts(ctx, p.Form, p.Period)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		fmt.Fprintf(w, "  consolidated v%d (%s, %d units) %s\n", d.Version, d.Trigger, len(d.Basis),
			filepath.Join(cfg.DataDir, "archive", form.Slug(p.Form), p.Period, "_tong-hop", d.FileName))
	}
	if p.Status == ledger.PeriodClosed {
		dir := filepath.Join(cfg.DataDir, "archive", form.Slug(p.Form), p.Period, "_tong-hop")
		fmt.Fprintf(w, "  ISSUED: %s\n", filepath.Join(dir, office.IssuedFileName(p.Form, p.Period)))
		is, err := l.LatestIssue(ctx, p.Form, p.Period)
		if err != nil {
			return err
		}
		if is.DocSHA256 != "" {
			number := "not numbered"
			if n, err := l.IssueNumber(ctx, p.Form, p.Period, is.Number); err == nil {
				number = "No. " + n.Number + " of " + n.Dated
			}
			fmt.Fprintf(w, "  ISSUED document (%s): %s\n", number, filepath.Join(dir, office.DocumentFileName(p.Form, p.Period, 0, "docx")))
		}
		if is.PDFSHA256 != "" {
			fmt.Fprintf(w, "  ISSUED document (PDF): %s\n", filepath.Join(dir, office.DocumentFileName(p.Form, p.Period, 0, "pdf")))
		}
	}
	return nil
}
