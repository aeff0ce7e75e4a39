package letters

import "fmt"

// What `tonghop register` prints (issue 20, part R): the register of outgoing documents of a
// year, as the registry keeps it on paper — number, date, form, period, version, who numbered
// it, the number it replaces — and the reports waiting for the registry clerk's number.

// RegisterTitle heads the register of year.
func RegisterTitle(year int) string {
	return fmt.Sprintf("Sổ văn bản đi năm %d (báo cáo do hệ thống phát hành)", year)
}

// RegisterHeader names the register's columns, separated by tabs.
const RegisterHeader = "Số, ký hiệu\tNgày\tBiểu mẫu\tKỳ\tDự thảo\tCấp số\tThay thế số"

// RegisterEmpty is the register of a year without a document.
const RegisterEmpty = "Chưa có văn bản nào được cấp số trong năm."

// RegisterVersion is the version issued, and which issue of the period it was: "lần 3" or
// "lần 4, gửi lần 2".
func RegisterVersion(version, issue int) string {
	if issue > 1 {
		return fmt.Sprintf("lần %d, gửi lần %d", version, issue)
	}
	return fmt.Sprintf("lần %d", version)
}

// RegisterHow says who numbered a document: "tự động", or the registry clerk by her name.
func RegisterHow(how, name string) string {
	if how == "registry" {
		return "văn thư " + name
	}
	return "tự động"
}

// RegisterWaiting says a report is approved and waits for the registry clerk's number.
func RegisterWaiting(form, period string, version int) string {
	return fmt.Sprintf("Chờ văn thư cấp số: biểu mẫu %s, %s, dự thảo lần %d đã được duyệt.", form, period, version)
}
