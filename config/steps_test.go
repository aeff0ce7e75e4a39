package config

import (
	"strings"
	"testing"
	"time"
)

// stepsConfig gives the form of chainConfig's office the chain as [[forms.steps]] tables,
// replacing its approval key.
func stepsConfig(tables string) string {
	src := chainConfig(`["truong_ban"]`, "")
	src = strings.Replace(src, `approval = ["truong_ban"]`, "", 1)
	return strings.Replace(src, "[mail_auth]", tables+"\n[mail_auth]", 1)
}

const commentInitialSign = `
[[forms.steps]]
people = ["chanh_vp", "pho_tb"]
kind = "comment"
due = "+2wd"
reminders = ["-4h"]
[[forms.steps]]
people = ["chanh_vp"]
kind = "initial"
due = "day 20"
[[forms.steps]]
people = ["truong_ban"]
`

func TestApprovalSteps_Tables(t *testing.T) {
	c, err := Parse([]byte(stepsConfig(commentInitialSign)), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, _ := c.Form("BM.02.01/KH")
	if !f.HasChain() {
		t.Fatal("HasChain: got false for a form with [[forms.steps]]")
	}
	steps := c.ApprovalSteps(f)
	if len(steps) != 3 {
		t.Fatalf("steps: got %d, want 3", len(steps))
	}
	tests := []struct {
		name       string
		step       ApprovalStep
		kind       string
		people     int
		after      Span
		rule       string
		reminders  []Span
		escalation []Span
	}{
		{"Comment", steps[0], StepComment, 2, Span{Days: 2}, "", []Span{{Hours: -4 * time.Hour}}, []Span{{Days: 1}}},
		{"Initial", steps[1], StepInitial, 1, Span{}, "day 20", []Span{{Days: -1}}, []Span{{Days: 1}}},
		{"Sign", steps[2], StepApprove, 1, Span{}, "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.step
			rule := ""
			if !s.Due.Rule.IsZero() {
				rule = s.Due.Rule.String()
			}
			if s.Kind != tt.kind || len(s.People) != tt.people || s.Due.After != tt.after || rule != tt.rule {
				t.Fatalf("got %s %d people due %+v %q, want %s %d due %+v %q", s.Kind, len(s.People), s.Due.After, rule, tt.kind, tt.people, tt.after, tt.rule)
			}
			if !spansEqual(s.Reminders, tt.reminders) || !spansEqual(s.Escalate, tt.escalation) {
				t.Fatalf("reminders %v escalate %v, want %v %v", s.Reminders, s.Escalate, tt.reminders, tt.escalation)
			}
		})
	}
}

func spansEqual(a, b []Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestApprovalSteps_TableErrors(t *testing.T) {
	step := func(people, more string) string {
		return "[[forms.steps]]\npeople = " + people + "\n" + more + "\n"
	}
	sign := step(`["truong_ban"]`, "")
	tests := []struct {
		name, tables, want string
	}{
		{"Both", sign, "forms[0]: both approval and steps give the approval chain"},
		{"CommentLast", step(`["truong_ban"]`, `kind = "comment"`+"\n"+`due = "+1wd"`), `forms[0].steps[0].kind: "comment" cannot end the chain`},
		{"InitialLast", step(`["chanh_vp"]`, `kind = "initial"`) + step(`["truong_ban"]`, `kind = "initial"`), `forms[0].steps[1].kind: "initial" cannot end the chain`},
		{"UnknownKind", step(`["chanh_vp"]`, `kind = "sign"`) + sign, `forms[0].steps[0].kind: "sign" must be`},
		{"CommentWithoutDue", step(`["chanh_vp"]`, `kind = "comment"`) + sign, `forms[0].steps[0].due: a comment step needs a due date`},
		{"Unknown", step(`["ghost"]`, "") + sign, `forms[0].steps[0].people[0]: "ghost" is not the id`},
		{"NoPeople", step(`[]`, "") + sign, `forms[0].steps[0].people: give the id`},
		{"Twice", step(`["chanh_vp", "chanh_vp"]`, "") + sign, `forms[0].steps[0].people[1]: "chanh_vp" is listed twice`},
		{"ReviewerLast", step(`["chanh_vp"]`, ""), `forms[0].steps[0].people[0]: "chanh_vp" ends the chain`},
		{"BadDue", step(`["chanh_vp"]`, `due = "soon"`) + sign, `forms[0].steps[0].due:`},
		{"DueBeforeRequest", step(`["chanh_vp"]`, `due = "-1wd"`) + sign, `forms[0].steps[0].due:`},
		{"DueWrongKind", step(`["chanh_vp"]`, `due = "31/12"`) + sign, `forms[0].steps[0].due: rule "31/12" names a fixed date`},
		{"DueWeekday", step(`["chanh_vp"]`, `due = "fri 15:00"`) + sign, `forms[0].steps[0].due: rule`},
		{"ReminderAfter", step(`["chanh_vp"]`, `due = "+2wd"`+"\n"+`reminders = ["+1wd"]`) + sign, `forms[0].steps[0].reminders[0]: "+1wd": give a time before`},
		{"EscalateBefore", step(`["chanh_vp"]`, `due = "+2wd"`+"\n"+`escalate = ["-1wd"]`) + sign, `forms[0].steps[0].escalate[0]: "-1wd": give a time after`},
		{"BadReminder", step(`["chanh_vp"]`, `due = "+2wd"`+"\n"+`reminders = ["-1week"]`) + sign, `forms[0].steps[0].reminders[0]: "-1week"`},
		{"RemindersWithoutDue", step(`["chanh_vp"]`, `reminders = ["-1wd"]`) + sign, `forms[0].steps[0].due: reminders and escalate count from the due date`},
		{"CommentEscalates", step(`["chanh_vp"]`, `kind = "comment"`+"\n"+`due = "+2wd"`+"\n"+`escalate = ["+1wd"]`) + sign, `forms[0].steps[0].escalate: a comment step closes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := stepsConfig(tt.tables)
			if tt.name == "Both" {
				src = strings.Replace(chainConfig(`["truong_ban"]`, ""), "[mail_auth]", tt.tables+"\n[mail_auth]", 1)
			}
			_, err := Parse([]byte(src), "t.toml")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a problem %q", err, tt.want)
			}
		})
	}
}

func TestApprovalSteps_NoReminders(t *testing.T) {
	c, err := Parse([]byte(stepsConfig("[[forms.steps]]\npeople = [\"chanh_vp\"]\ndue = \"+1wd\"\nreminders = []\nescalate = []\n[[forms.steps]]\npeople = [\"truong_ban\"]\n")), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, _ := c.Form("BM.02.01/KH")
	if s := c.ApprovalSteps(f)[0]; len(s.Reminders)+len(s.Escalate) != 0 {
		t.Fatalf("reminders = [] and escalate = []: got %v %v, want none", s.Reminders, s.Escalate)
	}
}

func FuzzParseSpan(f *testing.F) {
	for _, s := range []string{"+2wd", "-1wd", "+4h", "-30m", "0", "", "+", "9999wd", "+1WD", "-h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := ParseSpan(s)
		if err != nil {
			if sp != (Span{}) {
				t.Fatalf("ParseSpan(%q) failed with a value %+v", s, sp)
			}
			return
		}
		if sp.Days < -999 || sp.Days > 999 || sp.Hours < -999*time.Hour || sp.Hours > 999*time.Hour {
			t.Fatalf("ParseSpan(%q) = %+v: out of bounds", s, sp)
		}
	})
}
