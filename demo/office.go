package demo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

// The sample office is a provincial Industrial Zones Authority (Ban Quản lý các KCN) on the
// invented domain bqlkcn.example; every address lives on the embedded mail server.
const (
	domain      = "bqlkcn.example"
	officeEmail = "tonghop@" + domain
	// mxHost is the sample office's receiving server: the authserv-id its Authentication-Results
	// carry and the host of its Received field.
	mxHost   = "mx." + domain
	password = "demo"
)

type sampleUnit struct {
	Code, Name, Supervisor string
}

// units of the sample office; more are invented when --units asks for them.
var sampleUnits = []sampleUnit{
	{"QLDN", "Phòng Quản lý doanh nghiệp", "pho_truong_ban_1"},
	{"QLDT", "Phòng Quản lý đầu tư", "pho_truong_ban_1"},
	{"QHXD", "Phòng Quy hoạch - Xây dựng", "pho_truong_ban_2"},
	{"QLMT", "Phòng Quản lý môi trường", "pho_truong_ban_2"},
	{"QLLD", "Phòng Quản lý lao động", "pho_truong_ban_1"},
	{"TTPC", "Phòng Thanh tra - Pháp chế", "pho_truong_ban_2"},
	{"XTDT", "Phòng Xúc tiến đầu tư", "pho_truong_ban_1"},
	{"TTDV", "Trung tâm Dịch vụ hỗ trợ đầu tư", "pho_truong_ban_2"},
}

type samplePerson struct {
	ID, Name, Title, Role string
}

var samplePeople = []samplePerson{
	{"truong_ban", "Nguyễn Văn An", "Trưởng Ban", "approver"},
	{"pho_truong_ban_1", "Trần Thị Bình", "Phó Trưởng Ban", "supervisor"},
	{"pho_truong_ban_2", "Phạm Quốc Dũng", "Phó Trưởng Ban", "supervisor"},
	{"chanh_van_phong", "Lê Văn Cường", "Chánh Văn phòng", "reviewer"},
	{"chuyen_vien_th", "Đinh Thu Hà", "Chuyên viên tổng hợp", "clerk"},
}

func (u sampleUnit) Email() string   { return strings.ToLower(u.Code) + "@" + domain }
func (p samplePerson) Email() string { return strings.ReplaceAll(p.ID, "_", ".") + "@" + domain }

// unitsFor returns n units: the sample ones, then numbered industrial zones.
func unitsFor(n int) []sampleUnit {
	out := append([]sampleUnit(nil), sampleUnits[:min(n, len(sampleUnits))]...)
	for i := len(sampleUnits); i < n; i++ {
		sup := samplePeople[1+i%2].ID
		out = append(out, sampleUnit{fmt.Sprintf("KCN%02d", i-len(sampleUnits)+1),
			fmt.Sprintf("Ban quản lý Khu công nghiệp số %d", i-len(sampleUnits)+1), sup})
	}
	return out
}

var configTemplate = template.Must(template.New("config").Parse(`# Sample office written by "tonghop demo". The mail servers it names ran inside the demo
# and are gone; copy config.example.toml from the repository to start a real office.
data_dir = "data"

[office]
name = "Ban Quản lý các khu công nghiệp tỉnh Hòa Bình (mẫu)"
desk = "Văn phòng"
phone = "0218 3 000 000"
time_zone = "Asia/Ho_Chi_Minh"
holidays = ["2026-09-01", "2026-09-02", "2027-01-01"]
start = "{{.Start}}"
template_key = "demo-template-key"
# The issued report as an administrative document (Decree 30/2020): its header and "Lưu".
governing_body = "UBND tỉnh Hòa Bình"
document_name = "Ban Quản lý các khu công nghiệp"
place = "Hòa Bình"
abbreviation = "BQL"
archive = "VP"

[mailbox]
host = "127.0.0.1"
port = {{.IMAPPort}}
tls = "none"
user = "{{.Office}}"
password = "{{.Password}}"
poll_interval = "5s"

[smtp]
host = "127.0.0.1"
port = {{.SMTPPort}}
tls = "none"
user = "{{.Office}}"
password = "{{.Password}}"
from = "{{.Office}}"
from_name = "Văn phòng Ban Quản lý các KCN"
{{range .People}}
[[people]]
id = "{{.ID}}"
name = "{{.Name}}"
title = "{{.Title}}"
emails = ["{{.Email}}"]
roles = ["{{.Role}}"]{{if eq .Role "clerk"}}
submits_for = ["*"]{{end}}
{{end}}{{range .Units}}
[[units]]
code = "{{.Code}}"
name = "{{.Name}}"
emails = ["{{.Email}}"]
supervisor = "{{.Supervisor}}"
{{end}}
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
reminders = ["-2wd", "morning"]
nag_every = "1wd"
max_nags = 4
escalate_from = 2
digest_from = 3
approval = ["chanh_van_phong", "truong_ban"]
recipients = ["truong_ban", "pho_truong_ban_1", "pho_truong_ban_2"]
document_type = "bao_cao"
symbol = "BC-BQL"
summary = "Kết quả thực hiện nhiệm vụ {ky}"

[[forms]]
code = "BM.04.01/KH"
period = "week"
deadline = "thu 15:00"
plans_next = true
send_template = "3wd"
reminders = ["-1wd", "morning"]
nags = ["+2h"]
nag_every = "1wd"
max_nags = 3
escalate_from = 2
digest_from = 3
approval = ["chanh_van_phong", "truong_ban"]
recipients = ["truong_ban", "pho_truong_ban_1", "pho_truong_ban_2"]
document_type = "chuong_trinh"
symbol = "CTr-BQL"
summary = "Công tác {ky}"

# The leaders' replies are believed as the office's receiving server checked them.
[mail_auth]
trusted_servers = ["{{.MX}}"]
`))

type configData struct {
	MX                 string
	Start              string
	IMAPPort, SMTPPort int
	Office, Password   string
	People             []samplePerson
	Units              []sampleUnit
}

// writeConfig writes the sample office's configuration into dir and returns its path.
func writeConfig(dir string, d configData) (string, error) {
	var b strings.Builder
	if err := configTemplate.Execute(&b, d); err != nil {
		return "", fmt.Errorf("render sample config: %w", err)
	}
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		return "", fmt.Errorf("write sample config: %w", err)
	}
	return path, nil
}
