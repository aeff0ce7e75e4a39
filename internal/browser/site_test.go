package browser

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/demotest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/web"
)

const (
	monthly  = "BM.02.01/KH"
	november = "2026-11"
	password = "mật khẩu của chuyên viên"
)

// site is the demo's office after its fortnight, with the board on a loopback server.
type site struct {
	office *office.Office
	ledger *ledger.Ledger
	url    string
	late   ledger.Submission // QLDN's file received after the issue, pending
}

// demoSite runs the demo into a temporary directory, opens what it left, adds a clerk and a
// viewer and a file received after November's report was issued, and serves the board at a time
// just after the demo's fortnight.
func demoSite(t *testing.T) *site {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	// Six units, not the default eight: the first six play every behaviour the demo has (on
	// time, mistakes then corrected, late, silent) and hold QLDN, QLDT and TTPC, which the test
	// looks for; the last two only answer on time again.
	demotest.Office(t, dir, "--units", "6")
	cfg, err := config.Load(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := office.Open(ctx, cfg, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, cfg.Location)
	addAccounts(t, s.Ledger, now)
	st := &site{office: s.Office, ledger: s.Ledger, late: lateFile(t, s.Ledger, now)}
	b, err := web.New(web.Options{Office: s.Office, Ledger: s.Ledger, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(b.Handler())
	t.Cleanup(srv.Close)
	st.url = srv.URL
	return st
}

// addAccounts adds a clerk and a viewer, both with password. Their hashes are bcrypt's at its
// lowest cost, not the product's: at the product's (web.HashPassword, cost 12) the race detector
// makes each hash and each of the test's three log-ins cost seconds of CPU. The log-in checks
// the password through the same bcrypt comparison whatever the cost; web's tests (at the same
// lowest cost) and cmd/tonghop's `user add` cover web.AddAccount itself.
func addAccounts(t *testing.T, l *ledger.Ledger, now time.Time) {
	t.Helper()
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	for name, role := range map[string]web.Role{"lan": web.RoleClerk, "xem": web.RoleViewer} {
		ev := ledger.Event{At: now, Actor: "test", Action: ledger.ActionAccountAdded, Object: ledger.AccountObject(name), Detail: "role " + role.String()}
		a := ledger.Account{Name: name, Role: role.String(), PasswordHash: string(hash), CreatedAt: now}
		if _, err := l.AddAccount(context.Background(), a, ev); err != nil {
			t.Fatal(err)
		}
	}
}

// lateFile records QLDN's November workbook sent again after the issue, as the intake records
// a file for a closed period: kept, pending the clerks' decision.
func lateFile(t *testing.T, l *ledger.Ledger, now time.Time) ledger.Submission {
	t.Helper()
	ctx := context.Background()
	if _, err := l.LatestIssue(ctx, monthly, november); err != nil {
		t.Fatalf("the demo issued no November report: %v", err)
	}
	latest, err := l.LatestValid(ctx, monthly, november)
	if err != nil {
		t.Fatal(err)
	}
	again, ok := latest["QLDN"]
	if !ok {
		t.Fatal("QLDN sent nothing valid in the demo")
	}
	raw := []byte("From: qldn@bqlkcn.example\r\nSubject: Gui lai bao cao thang 11\r\n\r\nGui lai.\r\n")
	sha, err := l.PutBlob(raw)
	if err != nil {
		t.Fatal(err)
	}
	again.ID, again.Version, again.MailID, again.ReceivedAt, again.AfterIssue = 0, 0, 0, now, true
	res, err := l.RecordIntake(ctx, ledger.Intake{Mail: ledger.Mail{SHA256: sha, Size: int64(len(raw)), Mailbox: "INBOX",
		From: "qldn@bqlkcn.example", Subject: "Gui lai bao cao thang 11", ReceivedAt: now, Outcome: ledger.OutcomeAccepted},
		Submissions: []ledger.Submission{again}})
	if err != nil {
		t.Fatal(err)
	}
	return res.Submissions[0]
}
