package report_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
)

// BenchmarkBuildReport times a draft's whole path from a real SQLite ledger: the work program
// (BM.04.01/KH) of every unit, 200 list rows each, and the week before's (tasks carried over),
// read by ConsolidationInput, consolidated and written. Filling the ledger is not timed (it
// takes longer than the draft at 1,000 units). bench/ledgerbook.sh measures the same path as a
// process, with its peak memory.
func BenchmarkBuildReport(b *testing.B) {
	for _, units := range []int{100, 1000} {
		b.Run(fmt.Sprintf("units=%d/rows=200", units), func(b *testing.B) {
			ctx := context.Background()
			of, l, f, p := benchLedger(b, units, 200)
			now := p.End(of.Location).Add(time.Hour)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := report.BuildReport(ctx, of, l, f, p, now, 1, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchLedger configures units units and records each one's submission for 2026-W47 and
// 2026-W46, each in a mail of its own as the intake does.
func benchLedger(b *testing.B, units, rows int) (*office.Office, *ledger.Ledger, *config.Form, period.Period) {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	text := fmt.Sprintf(`data_dir = %q
office = { name = "Ban Quản lý các khu công nghiệp tỉnh (thử)", template_key = "khoa-thu-nghiem" }
mailbox = { host = "127.0.0.1", tls = "none", user = "tonghop@kcn.example", password = "pw" }
smtp = { host = "127.0.0.1", tls = "none", from = "tonghop@kcn.example" }
[[forms]]
code = "BM.04.01/KH"
`, dir)
	for u := range units {
		code := fmt.Sprintf("DV%04d", u+1)
		text += fmt.Sprintf("[[units]]\ncode = %q\nname = %q\nemails = [%q]\n", code, "Phòng nghiệp vụ số "+strconv.Itoa(u+1), code+"@kcn.example")
	}
	cfg, err := config.Parse([]byte(text), dir+"/tonghop.toml")
	if err != nil {
		b.Fatal(err)
	}
	of, err := office.Compile(cfg, []byte(cfg.Office.TemplateKey))
	if err != nil {
		b.Fatal(err)
	}
	f, _ := cfg.Form("BM.04.01/KH")
	p, _ := period.Parse("2026-W47")
	l, err := ledger.Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { l.Close() })
	at := p.End(of.Location).Add(-time.Hour)
	for _, u := range cfg.Units {
		for _, q := range []period.Period{p.Prev(), p} {
			benchRecord(b, l, f.Form, u.Code, q, benchFilled(f.Form, u.Code, rows), at)
		}
	}
	return of, l, f, p
}

func benchRecord(b *testing.B, l *ledger.Ledger, f form.Form, unit string, p period.Period, filled form.Filled, at time.Time) {
	b.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("%s_%s_%s.xlsx", form.Slug(f.Code), unit, p)
	file := []byte("workbook " + name)
	sum := sha256.Sum256(file)
	if got, err := l.PutBlob(file); err != nil || got != hex.EncodeToString(sum[:]) {
		b.Fatalf("put blob: %q, %v", got, err)
	}
	msgID := "<" + unit + "." + p.String() + "@kcn.example>"
	mailSHA, err := l.PutBlob([]byte("Message-ID: " + msgID + "\r\n\r\n" + name))
	if err != nil {
		b.Fatal(err)
	}
	filled.Ident = form.Ident{Form: f.Code, FormVersion: 1, Unit: unit, Period: p.String(), TagOK: true}
	data, _ := json.Marshal(filled) // maps of strings: cannot fail
	_, err = l.RecordIntake(ctx, ledger.Intake{
		Mail: ledger.Mail{SHA256: mailSHA, MessageID: msgID, From: unit + "@kcn.example", ReceivedAt: at,
			Outcome: ledger.OutcomeAccepted},
		Submissions: []ledger.Submission{{Form: f.Code, Unit: unit, Period: p.String(), FileName: name,
			FileSHA256: hex.EncodeToString(sum[:]), Valid: true, Data: data, ReceivedAt: at}},
	})
	if err != nil {
		b.Fatal(err)
	}
}

// benchFilled is a unit's work program: rows shared evenly by the form's list tables, every
// column with a plausible value.
func benchFilled(f form.Form, unit string, rows int) form.Filled {
	out := form.Filled{Tables: map[string][]form.Row{}}
	perTable := (rows + len(f.Tables) - 1) / len(f.Tables)
	for _, t := range f.Tables {
		for i := range perTable {
			values := map[string]string{}
			for _, c := range t.Columns {
				switch {
				case c.Type == form.Date:
					values[c.Key] = fmt.Sprintf("2026-11-%02d", 16+i%5)
				case c.Type == form.Choice:
					values[c.Key] = c.Choices[i%len(c.Choices)]
				case c.Type == form.Integer || c.Type == form.Decimal || c.Type == form.Percent:
					values[c.Key] = strconv.Itoa(i)
				case c.Key == "content":
					values[c.Key] = fmt.Sprintf("Nhiệm vụ số %d của %s: rà soát, tổng hợp hồ sơ dự án đầu tư", i+1, unit)
				default:
					values[c.Key] = "Phòng Quy hoạch - Xây dựng; Văn phòng"
				}
			}
			out.Tables[t.Key] = append(out.Tables[t.Key], form.Row{Line: 10 + i, Values: values})
		}
	}
	return out
}
