package intake

import (
	"testing"
)

func TestMessage_IsAutomatic(t *testing.T) {
	xlsxPart := "--b\nContent-Type: text/plain\n\nXin gửi\n--b\n" +
		"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=\"bc.xlsx\"\n\nPK\n--b--\n"
	tests := []struct {
		name   string
		header []string
		body   string
		want   bool
	}{
		{name: "ordinary mail", want: false},
		{name: "Auto-Submitted no", header: []string{"Auto-Submitted: no"}, want: false},
		{name: "Auto-Submitted auto-replied", header: []string{"Auto-Submitted: auto-replied"}, want: true},
		{name: "Auto-Submitted with parameter", header: []string{"Auto-Submitted: auto-generated; owner-email=x@y"}, want: true},
		{name: "X-Autoreply", header: []string{"X-Autoreply: yes"}, want: true},
		{name: "X-Autorespond", header: []string{"X-Autorespond: on vacation"}, want: true},
		{name: "Precedence bulk", header: []string{"Precedence: bulk"}, want: true},
		{name: "Precedence list", header: []string{"Precedence: list"}, want: true},
		{name: "Precedence junk", header: []string{"Precedence: junk"}, want: true},
		{name: "Precedence auto_reply", header: []string{"Precedence: auto_reply"}, want: true},
		{name: "Precedence first-class", header: []string{"Precedence: first-class"}, want: false},
		{name: "empty Return-Path", header: []string{"Return-Path: <>"}, want: true},
		{name: "ordinary Return-Path", header: []string{"Return-Path: <a@b.vn>"}, want: false},
		{name: "multipart/report", header: []string{"Content-Type: multipart/report; report-type=delivery-status; boundary=b"}, want: true},
		{name: "List-Id", header: []string{"List-Id: <tin-tuc.example.gov.vn>"}, want: true},
		{name: "X-Failed-Recipients", header: []string{"X-Failed-Recipients: x@y.vn"}, want: true},
		{name: "X-Auto-Response-Suppress alone", header: []string{"X-Auto-Response-Suppress: All"}, want: false},
		{name: "Vietnamese auto-reply subject", header: []string{"Subject: Trả lời tự động: Báo cáo tháng 5"}, want: true},
		{name: "auto-reply subject but carries a workbook", body: xlsxPart,
			header: []string{"Subject: Automatic reply: Báo cáo", "Content-Type: multipart/mixed; boundary=b"}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := append([]string{"From: Phòng KH <kh@x.vn>"}, tt.header...)
			msg, err := Parse(buildMail(tt.body, header...), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if got := msg.IsAutomatic(); got != tt.want {
				t.Errorf("IsAutomatic: got %v, want %v", got, tt.want)
			}
		})
	}
	for _, from := range []string{"MAILER-DAEMON@mx.x.vn", "postmaster@x.vn"} {
		t.Run(from, func(t *testing.T) {
			msg, err := Parse(buildMail("", "From: "+from), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if !msg.IsAutomatic() {
				t.Errorf("IsAutomatic from %s: got false, want true", from)
			}
		})
	}
}

func TestAttachment_Kind(t *testing.T) {
	xlsxBytes := []byte("PK\x03\x04....xl/workbook.xml....")
	tests := []struct {
		name string
		att  Attachment
		want string
	}{
		{name: "xlsx by name", att: Attachment{Name: "Báo cáo.XLSX", ContentType: "application/octet-stream"}, want: KindXLSX},
		{name: "xlsm by name", att: Attachment{Name: "bc.xlsm"}, want: KindXLSX},
		{name: "name beats wrong type", att: Attachment{Name: "bc.xlsx", ContentType: "application/vnd.ms-excel"}, want: KindXLSX},
		{name: "xls by name", att: Attachment{Name: "bc.xls", ContentType: "application/octet-stream"}, want: KindXLS},
		{name: "ods by name", att: Attachment{Name: "bc.ods"}, want: KindODS},
		{name: "pdf", att: Attachment{Name: "bc.pdf", ContentType: "application/pdf"}, want: KindOther},
		{name: "xlsx by type", att: Attachment{ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, want: KindXLSX},
		{name: "xls by type", att: Attachment{Name: "bc", ContentType: "application/vnd.ms-excel"}, want: KindXLS},
		{name: "ods by type", att: Attachment{ContentType: "application/vnd.oasis.opendocument.spreadsheet"}, want: KindODS},
		{name: "nameless octet-stream workbook sniffed", att: Attachment{ContentType: "application/octet-stream", Data: xlsxBytes}, want: KindXLSX},
		{name: "nameless octet-stream zip", att: Attachment{ContentType: "application/octet-stream", Data: []byte("PK\x03\x04abc")}, want: KindZip},
		{name: "old binary sniffed", att: Attachment{Name: "x.dat", ContentType: "application/octet-stream",
			Data: []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1..W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00")}, want: KindXLS},
		{name: "docx by name", att: Attachment{Name: "Báo cáo.DOCX", ContentType: "application/octet-stream"}, want: KindDOCX},
		{name: "docm by name", att: Attachment{Name: "bc.docm"}, want: KindDOCX},
		{name: "docx by type", att: Attachment{Name: "bc", ContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}, want: KindDOCX},
		{name: "nameless Word document sniffed", att: Attachment{ContentType: "application/octet-stream", Data: []byte("PK\x03\x04....word/document.xml....")}, want: KindDOCX},
		{name: "old Word is no Word report", att: Attachment{Name: "bc.doc", ContentType: "application/msword"}, want: KindOther},
		{name: "workbook renamed .zip is the workbook", att: Attachment{Name: "a.zip", ContentType: "application/zip", Data: xlsxBytes}, want: KindXLSX},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.att.Kind(); got != tt.want {
				t.Errorf("Kind: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMessage_Spreadsheets(t *testing.T) {
	msg := parseFile(t, "fwd__webklex_embedded_email_no_disposition.eml")
	var names []string
	for _, a := range msg.Spreadsheets() {
		names = append(names, a.Name)
	}
	if got, want := len(names), 3; got != want {
		t.Fatalf("Spreadsheets: got %q, want %d (file1..3.xlsx)", names, want)
	}
	if names[0] != "file1.xlsx" || names[2] != "file3.xlsx" {
		t.Errorf("Spreadsheets order: got %q, want file1, file2, file3", names)
	}
}
