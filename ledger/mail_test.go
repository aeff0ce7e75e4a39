package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

const testForm, testPeriod = "BM.02.01/KH", "2026-11"

// testIntake builds the intake of a mail carrying one workbook from each unit.
func testIntake(t *testing.T, l *Ledger, raw string, valid bool, units ...string) Intake {
	t.Helper()
	sha := mustPut(t, l, raw)
	in := Intake{
		Mail: Mail{
			SHA256: sha, MessageID: "<" + raw + "@example.gov.vn>", From: "pkh@example.gov.vn",
			Subject: "Báo cáo tháng 11", Date: t0.Add(-time.Hour), Size: int64(len(raw)),
			Mailbox: "INBOX", UIDValidity: 7, UID: 3, ReceivedAt: t0, Outcome: OutcomeAccepted,
			Note: "one workbook per unit",
		},
		Outbox: []OutMail{testOutMail("receipt:" + sha)},
		Events: []Event{{Actor: "pkh@example.gov.vn", Action: "mail.received", Object: "mail:" + sha}},
	}
	for _, u := range units {
		in.Submissions = append(in.Submissions, Submission{
			Form: testForm, Unit: u, Period: testPeriod, FileName: u + ".xlsx",
			FileSHA256: mustPut(t, l, raw+u), Valid: valid,
			Data:     json.RawMessage(`{"unit":"` + u + `"}`),
			Problems: json.RawMessage(`[]`),
		})
	}
	return in
}

func TestRecordIntake_Duplicate(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	in := testIntake(t, l, "raw mail 1", true, "PKH", "VP")

	first, err := l.RecordIntake(ctx, in)
	if err != nil || first.Duplicate || len(first.Submissions) != 2 {
		t.Fatalf("first RecordIntake = %+v, %v; want 2 new submissions", first, err)
	}
	second, err := l.RecordIntake(ctx, in)
	if err != nil || !second.Duplicate || second.MailID != first.MailID {
		t.Fatalf("second RecordIntake = %+v, %v; want Duplicate of mail %d", second, err, first.MailID)
	}
	if !reflect.DeepEqual(second.Submissions, first.Submissions) {
		t.Errorf("duplicate result submissions:\n got %+v\nwant %+v", second.Submissions, first.Submissions)
	}
	counts := map[string]int{}
	mails, _ := l.Mails(ctx)
	subs, _ := l.Submissions(ctx, testForm, testPeriod)
	outbox, _ := l.Outbox(ctx, "")
	events, _ := l.Events(ctx, 0, 0)
	counts["mails"], counts["submissions"], counts["outbox"], counts["events"] = len(mails), len(subs), len(outbox), len(events)
	want := map[string]int{"mails": 1, "submissions": 2, "outbox": 1, "events": 1}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("rows after duplicate: got %v, want %v", counts, want)
	}

	got, err := l.MailBySHA(ctx, in.Mail.SHA256)
	if err != nil {
		t.Fatalf("MailBySHA: %v", err)
	}
	wantMail := in.Mail
	wantMail.ID = first.MailID
	if !reflect.DeepEqual(got, wantMail) {
		t.Errorf("stored mail:\n got %+v\nwant %+v", got, wantMail)
	}
	if !events[0].At.Equal(t0) {
		t.Errorf("event time: got %v, want the mail's ReceivedAt %v", events[0].At, t0)
	}
}

func TestRecordIntake_Versions(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	for i := 1; i <= 3; i++ {
		in := testIntake(t, l, fmt.Sprintf("raw %d", i), true, "PKH")
		if i == 3 {
			in.Submissions = append(in.Submissions, testIntake(t, l, "other", true, "VP").Submissions...)
		}
		res, err := l.RecordIntake(ctx, in)
		if err != nil {
			t.Fatalf("RecordIntake %d: %v", i, err)
		}
		if got := res.Submissions[0]; got.Version != i || got.MailID != res.MailID || !got.ReceivedAt.Equal(t0) {
			t.Errorf("intake %d: got version %d mail %d at %v, want %d, %d, %v",
				i, got.Version, got.MailID, got.ReceivedAt, i, res.MailID, t0)
		}
	}
	subs, err := l.Submissions(ctx, testForm, testPeriod)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range subs {
		got = append(got, fmt.Sprintf("%s v%d", s.Unit, s.Version))
	}
	if want := []string{"PKH v1", "PKH v2", "PKH v3", "VP v1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Submissions: got %v, want %v", got, want)
	}
	if next, err := l.NextVersion(ctx, testForm, "PKH", testPeriod); err != nil || next != 4 {
		t.Errorf("NextVersion = %d, %v; want 4", next, err)
	}
}

func TestRecordIntake_VersionConflict(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	in := testIntake(t, l, "raw", true, "PKH")
	in.Submissions[0].Version = 2
	if _, err := l.RecordIntake(ctx, in); !errors.Is(err, ErrVersionConflict) {
		t.Fatalf("got %v, want ErrVersionConflict", err)
	}
	if _, err := l.MailBySHA(ctx, in.Mail.SHA256); !errors.Is(err, ErrNotFound) {
		t.Errorf("mail after failed intake: got %v, want ErrNotFound (rolled back)", err)
	}
	in.Submissions[0].Version = 1
	if _, err := l.RecordIntake(ctx, in); err != nil {
		t.Errorf("with the right version: %v", err)
	}
}

func TestRecordIntake_Invalid(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	tests := []struct {
		name   string
		change func(*Intake)
		want   string
	}{
		{"MissingMailBlob", func(in *Intake) { in.Mail.SHA256 = sha256Hex("never stored") }, "raw mail blob"},
		{"MissingFileBlob", func(in *Intake) { in.Submissions[0].FileSHA256 = sha256Hex("never stored") }, "file blob"},
		{"BadOutcome", func(in *Intake) { in.Mail.Outcome = "maybe" }, "unknown outcome"},
		{"NoReceivedAt", func(in *Intake) { in.Mail.ReceivedAt = time.Time{} }, "received time"},
		{"NoUnit", func(in *Intake) { in.Submissions[0].Unit = "" }, "needs form, unit and period"},
		{"BadJSON", func(in *Intake) { in.Submissions[0].Data = json.RawMessage(`{`) }, "not valid JSON"},
		{"EventWithoutAction", func(in *Intake) { in.Events[0].Action = "" }, "without action"},
		{"BadOutMail", func(in *Intake) { in.Outbox[0].To = nil }, "without recipient"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := testIntake(t, l, "raw "+tt.name, true, "PKH")
			tt.change(&in)
			_, err := l.RecordIntake(ctx, in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if mails, err := l.Mails(ctx); err != nil || len(mails) != 0 {
		t.Errorf("mails after refusals: got %d (%v), want 0", len(mails), err)
	}
}

func TestLatestValid(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	steps := []struct {
		unit  string
		valid bool
	}{
		{"PKH", true},  // v1
		{"PKH", true},  // v2: latest valid
		{"PKH", false}, // v3: invalid, does not hide v2
		{"VP", false},  // v1: no valid version at all
		{"TTXT", true}, // v1
	}
	for i, s := range steps {
		if _, err := l.RecordIntake(ctx, testIntake(t, l, fmt.Sprintf("raw %d", i), s.valid, s.unit)); err != nil {
			t.Fatal(err)
		}
	}
	latest, err := l.LatestValid(ctx, testForm, testPeriod)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for unit, s := range latest {
		got[unit] = s.Version
		if s.Unit != unit || !s.Valid || string(s.Data) != `{"unit":"`+unit+`"}` {
			t.Errorf("latest of %s: got %+v", unit, s)
		}
	}
	if want := map[string]int{"PKH": 2, "TTXT": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("LatestValid versions: got %v, want %v", got, want)
	}
	heads, err := l.LatestValidHeadsAt(ctx, testForm, testPeriod, time.Time{})
	if err != nil || len(heads) != 2 || heads["PKH"].Version != 2 || heads["TTXT"].Version != 1 {
		t.Errorf("LatestValidHeadsAt: got %v (%v), want PKH v2 and TTXT v1", heads, err)
	}
	if other, err := l.LatestValid(ctx, testForm, "2026-12"); err != nil || len(other) != 0 {
		t.Errorf("LatestValid of another period: got %v (%v), want empty", other, err)
	}
}

func TestSubmissions_ForeignKey(t *testing.T) {
	l := openTest(t)
	db := rawDB(t, l.Dir())
	_, err := db.Exec(`INSERT INTO submissions (mail_id, form, unit, period, version, valid, late, received_at)
		VALUES (12345, 'F', 'U', 'P', 1, 1, 0, '')`)
	if err == nil {
		t.Error("submission of an unknown mail was stored, want a foreign key error")
	}
}
