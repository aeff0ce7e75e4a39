package ledger

// ActionReportIssued is the audit action recorded when a form's report for a period is issued,
// on the object PeriodObject(form, period): deadlines such as "5 working days after issue of
// BM.04.01/KH" count from its time.
const ActionReportIssued = "report.issued"

// PeriodObject names a form's period in the audit trail: "form:BM.02.01/KH/2026-11".
func PeriodObject(form, period string) string {
	return "form:" + form + "/" + period
}
