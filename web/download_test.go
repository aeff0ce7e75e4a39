package web

import (
	"testing"

	"github.com/tonghop/tonghop/ledger"
)

func TestDownloadName(t *testing.T) {
	cases := []struct {
		name string
		f    ledger.StoredFile
		want string
	}{
		{"Workbook", ledger.StoredFile{Kind: ledger.FileSubmission, ID: 3, Name: "Báo cáo tháng 11.xlsx"}, "Báo_cáo_tháng_11.xlsx"},
		{"Path", ledger.StoredFile{Kind: ledger.FileSubmission, ID: 3, Name: `..\..\etc/passwd`}, "passwd"},
		{"Quotes", ledger.StoredFile{Kind: ledger.FileDraft, ID: 4, Name: "a\";\r\nX: y.xlsx"}, "a____X__y.xlsx"},
		{"Dots", ledger.StoredFile{Kind: ledger.FileDraft, ID: 4, Name: "..", Form: "BM.02.01/KH", Period: "2026-11"}, "draft-BM.02.01_KH-2026-11-4.xlsx"},
		{"Mail", ledger.StoredFile{Kind: ledger.FileMail, ID: 9}, "thu-9.eml"},
		{"Issue", ledger.StoredFile{Kind: ledger.FileIssue, ID: 2, Form: "BM.02.01/KH", Period: "2026-11"}, "issue-BM.02.01_KH-2026-11-2.xlsx"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := downloadName(c.f); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
