package config

import (
	"errors"
	"strings"
	"testing"
)

// wardForm is minimal with two groups, a ward and a police unit, and a form whose first row
// only wards report.
var wardForm = strings.Replace(minimal, "[[forms]]", `[groups]
phuong = "UBND các phường"
phong = "Các phòng, ban, đơn vị"
[[units]]
code = "P_NHATTAN"
name = "UBND phường Nhật Tân"
emails = ["nhattan@example.vn"]
group = "phuong"
[[units]]
code = "CAQ"
name = "Công an quận"
emails = ["caq@example.vn"]
group = "phong"
[[forms]]`, 1) + `
[[forms]]
code = "KTXH/T"
title = "Báo cáo tình hình kinh tế - xã hội tháng"
period = "month"
deadline = "day 20"
approval = ["truong_ban"]
  [[forms.indicators]]
  key = "ktxh"
  title = "Chỉ tiêu"
  columns = [{ key = "plan", title = "Kế hoạch năm", type = "decimal" }, { key = "period", title = "Thực hiện trong tháng", type = "decimal" }]
    [[forms.indicators.rows]]
    code = "1"
    name = "Thu ngân sách trên địa bàn"
    unit = "triệu đồng"
    required = true
    groups = ["phuong"]
    [[forms.indicators.rows]]
    code = "3"
    name = "Số vụ phạm pháp hình sự"
    unit = "vụ"
  [[forms.narrative]]
  key = "ket_qua"
  title = "Kết quả thực hiện nhiệm vụ trong tháng"
  required = true
`

func TestParse_Groups(t *testing.T) {
	c, err := Parse([]byte(wardForm), "t.toml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if u, _ := c.Unit("P_NHATTAN"); u.Group != "phuong" {
		t.Errorf("unit group: got %q, want phuong", u.Group)
	}
	if got := c.GroupName("phuong"); got != "UBND các phường" {
		t.Errorf("group name: got %q", got)
	}
	f, _ := c.Form("KTXH/T")
	if got := f.Indicators[0].Rows[0].Groups; len(got) != 1 || got[0] != "phuong" {
		t.Errorf("row groups: got %v", got)
	}
}

func TestParse_GroupErrors(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"UnknownRowGroup", `groups = ["phuong"]`, `groups = ["phường"]`,
			`forms[1].indicators[0].rows[0].groups[0]: "phường" is not a group of [groups]`},
		{"UnknownUnitGroup", `group = "phong"`, `group = "cong_an"`,
			`units[2].group: "cong_an" is not a group of [groups]`},
		{"BadKey", `phong = "Các phòng`, `Phong = "Các phòng`, `groups.Phong: is not a group key`},
		{"EmptyName", `phong = "Các phòng, ban, đơn vị"`, `phong = " "`, `groups.phong: needs the name`},
		{"Twice", `groups = ["phuong"]`, `groups = ["phuong", "phuong"]`,
			`forms[1].indicators[0].rows[0].groups[1]: "phuong" is listed twice`},
		{"NobodyFills", `group = "phuong"`, `group = "phong"`,
			`forms[1].indicators[0].rows[0].groups: no unit of phuong reports this form`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(wardForm, tt.old, tt.new, 1)
			if src == wardForm {
				t.Fatalf("%q not found", tt.old)
			}
			_, err := Parse([]byte(src), "t.toml")
			var errs *Errors
			if !errors.As(err, &errs) {
				t.Fatalf("got %v, want *Errors", err)
			}
			if !containsPrefix(errs.Problems, tt.want) {
				t.Errorf("got %q, want a problem starting %q", errs.Problems, tt.want)
			}
		})
	}
}

func TestParse_GroupNothingToFill(t *testing.T) {
	src := strings.Replace(wardForm, `name = "Số vụ phạm pháp hình sự"`, `name = "Số vụ phạm pháp hình sự"
    groups = ["phuong"]`, 1)
	src = strings.Replace(src, `title = "Kết quả thực hiện nhiệm vụ trong tháng"`, `title = "Kết quả thực hiện nhiệm vụ trong tháng"
  groups = ["phuong"]`, 1)
	_, err := Parse([]byte(src), "t.toml")
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got %v, want *Errors", err)
	}
	for _, want := range []string{`forms[1]: unit QLDN (group "") reports this form but fills none of its parts`,
		`forms[1]: unit CAQ (group "phong") reports this form`} {
		if !containsPrefix(errs.Problems, want) {
			t.Errorf("got %q, want a problem starting %q", errs.Problems, want)
		}
	}
	if containsPrefix(errs.Problems, "forms[1]: unit P_NHATTAN") {
		t.Error("the ward, which fills every part, is named")
	}
}
