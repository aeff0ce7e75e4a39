package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minimal is a valid configuration the bad cases below spoil one key at a time; the office's
// tests read the same file.
var minimal = "\n" + string(must(os.ReadFile("testdata/minimal.toml")))

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestParse_Minimal(t *testing.T) {
	c, err := Parse([]byte(minimal), "/etc/tonghop/tonghop.toml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if got, want := c.DataDir, "/etc/tonghop/data"; got != want {
		t.Errorf("DataDir: got %q, want %q", got, want)
	}
	if got, want := c.Mailbox.Port, 993; got != want {
		t.Errorf("mailbox port: got %d, want %d", got, want)
	}
	if got, want := c.SMTP.Port, 587; got != want {
		t.Errorf("smtp port: got %d, want %d", got, want)
	}
	if c.Location == nil || c.Location.String() != "Asia/Ho_Chi_Minh" {
		t.Errorf("Location: got %v, want Asia/Ho_Chi_Minh", c.Location)
	}
	f, ok := c.Form("BM.02.01/KH")
	if !ok || len(f.Indicators) == 0 || f.Title == "" {
		t.Fatalf("built-in layout not taken: %+v", f)
	}
	if u, ok := c.UnitByEmail("QLDN@Example.vn"); !ok || u.Code != "QLDN" {
		t.Errorf("UnitByEmail: got %v %v, want QLDN", u, ok)
	}
}

func TestParse_Example(t *testing.T) {
	t.Setenv("TONGHOP_TEMPLATE_KEY", "k")
	t.Setenv("TONGHOP_IMAP_PASSWORD", "p")
	t.Setenv("TONGHOP_SMTP_PASSWORD", "p")
	c, err := Load("../config.example.toml")
	if err != nil {
		t.Fatalf("config.example.toml: %v", err)
	}
	if len(c.Units) < 3 || len(c.Forms) < 2 {
		t.Errorf("example: got %d units and %d forms, want at least 3 and 2", len(c.Units), len(c.Forms))
	}
	if c.Mailbox.Password != "p" {
		t.Errorf("password_env not resolved: got %q", c.Mailbox.Password)
	}
}

func TestParse_Errors(t *testing.T) {
	tests := []struct {
		name string
		old  string // text of minimal to replace
		new  string
		want []string // every message expected, in any order
	}{
		{"BadEmail", `emails = ["qldn@example.vn"]`, `emails = ["abc"]`,
			[]string{`units[0].emails[0]: "abc" is not an email address`}},
		{"DomainWithoutDot", `emails = ["qldn@example.vn"]`, `emails = ["qldn@example"]`,
			[]string{`units[0].emails[0]: "qldn@example" is not an email address`}},
		{"KelvinSignEmail", `emails = ["qldn@example.vn"]`, "emails = [\"qldn@\u212Aexample.vn\"]",
			[]string{"units[0].emails[0]: \"qldn@\u212Aexample.vn\" is not an email address"}},
		{"NonASCIIName", `emails = ["qldn@example.vn"]`, `emails = ["phòng.qldn@example.vn"]`,
			[]string{`units[0].emails[0]: "phòng.qldn@example.vn" is not an email address`}},
		{"PersonTrailingDot", `emails = ["an@example.vn"]`, `emails = ["an@example.vn."]`,
			[]string{`people[0].emails[0]: "an@example.vn." is not an email address`}},
		{"DuplicateIDNEmail", `emails = ["qldn@example.vn"]`, "emails = [\"qldn@bắcninh.vn\"]\n[[units]]\ncode = \"QLDT\"\nname = \"Y\"\nemails = [\"QLDN@XN--bcninh-pf8b.vn\"]",
			[]string{`units[1].emails[0]: "QLDN@XN--bcninh-pf8b.vn" already belongs to units[0]`}},
		{"UnknownKey", `host = "imap.example.vn"`, `hots = "imap.example.vn"`,
			[]string{`mailbox.hots: unknown key (misspelt?)`, `mailbox.host: is required`}},
		{"TimeZone", `name = "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh"`, "name = \"B\"\ntime_zone = \"Hanoi\"",
			[]string{`office.time_zone: "Hanoi" is not a time zone name such as "Asia/Ho_Chi_Minh"`}},
		{"XLSConverter", `[mailbox]`, "[files]\nxls_converter = \"ssconvert\"\n[mailbox]",
			[]string{`files.xls_converter: "ssconvert": want "auto", "off" or the absolute path of ssconvert or soffice`}},
		{"TLS", `user = "tonghop@example.vn"`, "user = \"tonghop@example.vn\"\ntls = \"ssl\"",
			[]string{`mailbox.tls: "ssl" is not one of implicit, starttls, none`}},
		{"TwoSecrets", `password = "secret"`, "password = \"x\"\npassword_env = \"Y\"",
			[]string{`mailbox.password: give only one of password, password_env and password_file`}},
		{"EnvUnset", `password = "secret"`, `password_env = "TONGHOP_TEST_UNSET_VAR"`,
			[]string{`mailbox.password_env: environment variable "TONGHOP_TEST_UNSET_VAR" is not set`}},
		{"Supervisor", `supervisor = "truong_ban"`, `supervisor = "nobody"`,
			[]string{`units[0].supervisor: "nobody" is not the id of anyone in [[people]]`}},
		{"Deadline", `deadline = "day 18"`, `deadline = "day 32"`,
			[]string{`forms[0].deadline: `}},
		{"PeriodKind", `period = "month"`, `period = "fortnight"`,
			[]string{`forms[0].period: "fortnight" is not one of week, month, quarter, half, 9m, year`}},
		{"ReminderSign", `reminders = ["-2d"]`, `reminders = ["2d"]`,
			[]string{`forms[0].reminders[0]: "2d" must start with "-"`}},
		{"ApproverRole", `roles = ["approver"]`, `roles = ["reviewer"]`,
			[]string{`forms[0].approval[0]: "truong_ban" ends the chain but does not have the role "approver"`}},
		{"Role", `roles = ["approver"]`, `roles = ["approver", "boss"]`,
			[]string{`people[0].roles[1]: "boss" is not one of clerk, reviewer, approver, supervisor, registry`}},
		{"DuplicateUnitEmail", `supervisor = "truong_ban"`, "supervisor = \"truong_ban\"\n[[units]]\ncode = \"QLDN\"\nname = \"X\"\nemails = [\"QLDN@example.vn\"]",
			[]string{`units[1].code: "QLDN" is already used by units[0]`, `units[1].emails[0]: "QLDN@example.vn" already belongs to units[0]`}},
		{"Syntax", `[office]`, `[office`, []string{`line 4: `}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := problemsWith(t, tt.old, tt.new)
			for _, w := range tt.want {
				if !containsPrefix(problems, w) {
					t.Errorf("missing problem %q; got:\n  %s", w, strings.Join(problems, "\n  "))
				}
			}
			if len(problems) != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n  %s", len(problems), len(tt.want), strings.Join(problems, "\n  "))
			}
		})
	}
}

func TestParse_PasswordFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "imap.pw"), []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(minimal, `password = "secret"`, `password_file = "imap.pw"`, 1)
	c, err := Parse([]byte(src), filepath.Join(dir, "t.toml"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if got, want := c.Mailbox.Password, "s3cret"; got != want {
		t.Errorf("password: got %q, want %q", got, want)
	}
}

// problemsWith parses minimal with old replaced by new and returns the problems found.
func problemsWith(t *testing.T, old, new string) []string {
	t.Helper()
	src := strings.Replace(minimal, old, new, 1)
	if src == minimal {
		t.Fatalf("test case does not change the config: %q not found", old)
	}
	_, err := Parse([]byte(src), "t.toml")
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got error %v, want *Errors", err)
	}
	return errs.Problems
}

func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

func TestParse_CustomForm(t *testing.T) {
	src := minimal + `
[[forms]]
code = "BM-VP-02"
title = "Báo cáo công tác cải cách hành chính"
period = "quarter"
deadline = "day 15"
[[forms.tables]]
key = "tasks"
title = "Nhiệm vụ"
min_rows = 1
[[forms.tables.columns]]
key = "content"
title = "Nội dung"
type = "text"
required = true
[[forms.tables.columns]]
key = "done"
title = "Tỷ lệ hoàn thành"
type = "percent"
max = 100
`
	c, err := Parse([]byte(src), "t.toml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	f, ok := c.Form("BM-VP-02")
	if !ok || len(f.Tables) != 1 || len(f.Tables[0].Columns) != 2 || f.Version != 1 {
		t.Fatalf("custom form not decoded: %+v", f)
	}
	if f.Tables[0].Columns[1].Max == nil || *f.Tables[0].Columns[1].Max != 100 {
		t.Errorf("max: got %v, want 100", f.Tables[0].Columns[1].Max)
	}

	bad := strings.Replace(src, `type = "percent"`, `type = "money"`, 1)
	_, err = Parse([]byte(bad), "t.toml")
	if err == nil || !strings.Contains(err.Error(), `forms[1].tables[0].columns[1].type: "money" is not a column type`) {
		t.Errorf("got %v, want the bad column type with its key path", err)
	}
}

// TestLoadOffline loads the example without the mail passwords, as template and check do; the
// template key is still required.
func TestLoadOffline(t *testing.T) {
	t.Setenv("TONGHOP_IMAP_PASSWORD", "")
	t.Setenv("TONGHOP_SMTP_PASSWORD", "")
	t.Setenv("TONGHOP_TEMPLATE_KEY", "k")
	c, err := LoadOffline("../config.example.toml")
	if err != nil {
		t.Fatalf("LoadOffline: %v", err)
	}
	if c.Mailbox.Password != "" || string(c.Office.TemplateKey) != "k" {
		t.Errorf("got mailbox password %q, template key %q; want none and k", c.Mailbox.Password, c.Office.TemplateKey)
	}
	if _, err := Load("../config.example.toml"); err == nil || !strings.Contains(err.Error(), "TONGHOP_IMAP_PASSWORD") {
		t.Errorf("Load without the mail passwords: got %v, want an error naming TONGHOP_IMAP_PASSWORD", err)
	}
	t.Setenv("TONGHOP_TEMPLATE_KEY", "")
	if _, err := LoadOffline("../config.example.toml"); err == nil {
		t.Error("LoadOffline without the template key: got no error")
	}
}

func TestParse_CAFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "empty.pem"), []byte("not a certificate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, wantErr string
	}{
		{"no certificate in it", "empty.pem", "mailbox.ca_file: " + filepath.Join(dir, "empty.pem") + " holds no PEM certificate"},
		{"missing", "missing.pem", "mailbox.ca_file: cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(minimal, `password = "secret"`, "password = \"secret\"\nca_file = \""+tt.file+"\"", 1)
			_, err := Parse([]byte(src), filepath.Join(dir, "t.toml"))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestParse_FormCodeColon: a colon in a form code is refused with its key path, since it
// separates the parts of the outbox keys built from the code.
func TestParse_FormCodeColon(t *testing.T) {
	src := minimal + `
[[forms]]
code = "VP:02"
title = "Báo cáo"
period = "quarter"
deadline = "day 15"
[[forms.tables]]
key = "tasks"
title = "Nhiệm vụ"
[[forms.tables.columns]]
key = "content"
title = "Nội dung"
type = "text"
`
	_, err := Parse([]byte(src), "t.toml")
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got error %v, want *Errors", err)
	}
	want := `forms[1].code: "VP:02" must not contain ':'`
	if len(errs.Problems) != 1 || errs.Problems[0] != want {
		t.Errorf("got problems %q, want only %q", errs.Problems, want)
	}
	if _, err := Parse([]byte(strings.Replace(src, "VP:02", "VP-02", 1)), "t.toml"); err != nil {
		t.Errorf("the same form coded VP-02: %v, want valid", err)
	}
}

// TestUnitByEmail: addresses match in their canonical form only (package address): ASCII
// letters in any case and an IDN domain in Unicode or punycode, never a look-alike.
func TestUnitByEmail(t *testing.T) {
	src := strings.Replace(minimal, `emails = ["qldn@example.vn"]`, `emails = ["QLDN@bqlkcn.BacNinh.vn", "vp@bắcninh.vn"]`, 1)
	c, err := Parse([]byte(src), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, addr string
		unit       bool
	}{
		{"Lower", "qldn@bqlkcn.bacninh.vn", true},
		{"Upper", " QLDN@BQLKCN.BACNINH.VN ", true},
		{"IDNUnicode", "vp@bắcninh.vn", true},
		{"IDNPunycode", "VP@xn--bcninh-pf8b.vn", true},
		{"KelvinSign", "qldn@bql\u212Acn.bacninh.vn", false},
		{"DottedCapitalI", "qldn@bqlkcn.bac\u0130nh.vn", false},
		{"DotlessI", "qldn@bqlkcn.bac\u0131nh.vn", false},
		{"FullWidth", "\uff51ldn@bqlkcn.bacninh.vn", false},
		{"CyrillicA", "qldn@bqlkcn.b\u0430cninh.vn", false},
		{"TrailingDot", "qldn@bqlkcn.bacninh.vn.", false},
		{"Other", "qlxd@bqlkcn.bacninh.vn", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if u, ok := c.UnitByEmail(tt.addr); ok != tt.unit || ok && u.Code != "QLDN" {
				t.Errorf("UnitByEmail(%q) = %q, %v; want QLDN: %v", tt.addr, u.Code, ok, tt.unit)
			}
		})
	}
	if p, ok := c.PersonByEmail("AN@example.vn"); !ok || p.ID != "truong_ban" {
		t.Errorf("PersonByEmail(AN@example.vn) = %q, %v; want truong_ban", p.ID, ok)
	}
	if _, ok := c.PersonByEmail("\u0430n@example.vn"); ok {
		t.Error("PersonByEmail with a Cyrillic а: got a person, want none")
	}
}
