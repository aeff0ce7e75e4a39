package config

import (
	"strings"
	"testing"
	"time"
)

// chainConfig adds a reviewer and a second approver to minimal and gives the form the chain.
func chainConfig(chain, extra string) string {
	people := `[[people]]
id = "chanh_vp"
name = "Trần Thị Bình"
title = "Chánh Văn phòng"
emails = ["binh@example.vn"]
roles = ["reviewer"]
[[people]]
id = "pho_tb"
name = "Lê Văn Cường"
title = "Phó Trưởng Ban"
emails = ["cuong@example.vn"]
roles = ["approver"]
[[units]]`
	src := strings.Replace(minimal, "[[units]]", people, 1)
	return strings.Replace(src, `approval = ["truong_ban"]`, "approval = "+chain+"\n"+extra, 1)
}

func TestApprovalSteps(t *testing.T) {
	c, err := Parse([]byte(chainConfig(`["chanh_vp", "truong_ban | pho_tb"]`,
		"approval_remind_after = \"2h30m\"\nconsolidate_after = \"+1wd\"")), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, _ := c.Form("BM.02.01/KH")
	steps := c.ApprovalSteps(f)
	if len(steps) != 2 || len(steps[0].People) != 1 || len(steps[1].People) != 2 {
		t.Fatalf("steps: got %+v, want 1 person then 2", steps)
	}
	if got := steps[0].Title(); got != "Chánh Văn phòng" {
		t.Errorf("step title: got %q", got)
	}
	if steps[1].People[1].ID != "pho_tb" {
		t.Errorf("second approver: got %q, want pho_tb", steps[1].People[1].ID)
	}
	if got := f.RemindAfter(); got != 150*time.Minute {
		t.Errorf("RemindAfter: got %v, want 2h30m", got)
	}
	if got := f.MaxApprovalReminders(); got != DefaultApprovalMaxReminders {
		t.Errorf("MaxApprovalReminders: got %d, want the default", got)
	}
	if got := f.ConsolidateOffset().String(); got != "1wd" {
		t.Errorf("ConsolidateOffset: got %q, want 1wd", got)
	}
}

func TestApprovalSettings_Errors(t *testing.T) {
	tests := []struct {
		name, chain, extra, want string
	}{
		{"UnknownInStep", `["chanh_vp", "truong_ban | ghost"]`, "", `forms[0].approval[1]: "ghost" is not the id of anyone`},
		{"EmptyStep", `["chanh_vp", " | ", "truong_ban"]`, "", `forms[0].approval[1]: an empty step`},
		{"ReviewerLast", `["truong_ban", "chanh_vp"]`, "", `forms[0].approval[1]: "chanh_vp" ends the chain but does not have the role "approver"`},
		{"OnRevise", `["truong_ban"]`, `approval_on_revise = "again"`, `forms[0].approval_on_revise: "again" must be`},
		{"RemindAfter", `["truong_ban"]`, `approval_remind_after = "2wd"`, `forms[0].approval_remind_after: "2wd" is not a duration`},
		{"MaxReminders", `["truong_ban"]`, `approval_max_reminders = 99`, `forms[0].approval_max_reminders: 99 must be`},
		{"ConsolidateBefore", `["truong_ban"]`, `consolidate_after = "-1d"`, `forms[0].consolidate_after: "-1d": give a time after the deadline`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(chainConfig(tt.chain, tt.extra)), "t.toml")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a problem %q", err, tt.want)
			}
		})
	}
}
