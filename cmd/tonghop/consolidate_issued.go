package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"unicode"
	"unicode/utf8"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/status"
)

// An issued period is not consolidated again on demand: a draft stored after the issue would
// never be sent (the approval is over) while looking like the report. consolidate writes the
// report as issued instead, and --force is refused; only a correction — a leader's request for
// changes, or the clerks taking in a file received after the issue — reopens the period, and
// then consolidate builds the corrected draft as usual.

// issuedState is where an issued period stands: its report in force, and whether a correction
// is open.
type issuedState struct {
	issue      ledger.Issue
	correcting bool
}

// issuedPeriod reads the issue of f's period p; ok is false for a period never issued.
func issuedPeriod(ctx context.Context, l *ledger.Ledger, f *config.Form, p period.Period) (issuedState, bool, error) {
	is, err := l.LatestIssue(ctx, f.Code, p.String())
	if errors.Is(err, ledger.ErrNotFound) {
		return issuedState{}, false, nil
	}
	if err != nil {
		return issuedState{}, false, err
	}
	_, err = l.OpenCorrection(ctx, f.Code, p.String())
	switch {
	case err == nil:
		return issuedState{issue: is, correcting: true}, true, nil
	case errors.Is(err, ledger.ErrNotFound):
		return issuedState{issue: is}, true, nil
	}
	return issuedState{}, false, err
}

// writeIssued writes the report in force to out: the stamped workbook that was sent (or, for
// an issue recorded without it, the draft it issued).
func writeIssued(ctx context.Context, l *ledger.Ledger, is ledger.Issue, out string) error {
	sha := is.FileSHA256
	if sha == "" {
		drafts, err := l.Drafts(ctx, is.Form, is.Period)
		if err != nil {
			return err
		}
		for _, d := range drafts {
			if d.Version == is.Version {
				sha = d.FileSHA256
			}
		}
	}
	data, err := l.Blob(sha)
	if err != nil {
		return fmt.Errorf("the issued report's workbook: %w", err)
	}
	return os.WriteFile(out, data, 0o644)
}

// issuedWhat names the report in force for the clerk: "Báo cáo BM.02.01/KH tháng 11/2026 đã
// duyệt ngày 20/11/2026 (dự thảo lần 3, 4/4 đơn vị)".
func issuedWhat(cfg *config.Config, f *config.Form, is ledger.Issue) string {
	counted, missing := office.UnitsByBasis(cfg.FormUnits(f), is.Basis)
	when := "đã duyệt"
	if is.Number > 1 {
		when = fmt.Sprintf("đã duyệt lần %d", is.Number)
	}
	return fmt.Sprintf("Báo cáo %s %s %s ngày %s (dự thảo lần %d, %d/%d đơn vị)", f.Code, periodName(is.Period), when,
		status.FormatDate(is.At.In(cfg.Location)), is.Version, len(counted), len(counted)+len(missing))
}

// issuedLine tells the clerk the approved report was written, not a new draft.
func issuedLine(cfg *config.Config, f *config.Form, is ledger.Issue, out string) string {
	return issuedWhat(cfg, f, is) + "; không lập dự thảo mới. Tệp báo cáo đã duyệt: " + out
}

// errIssuedForce refuses --force on an approved period without a correction.
func errIssuedForce(cfg *config.Config, f *config.Form, is ledger.Issue) error {
	return errors.New(issuedWhat(cfg, f, is) + ". Không lập dự thảo mới vì dự thảo này sẽ không được trình duyệt " +
		"và không được gửi đi. Để điều chỉnh báo cáo: lãnh đạo trong trình tự duyệt trả lời thư gửi báo cáo đã duyệt, " +
		"nêu nội dung cần sửa; hoặc " + cfg.Office.Desk + " trả lời thư thông báo tệp gửi sau khi duyệt là “Đồng ý đưa vào”; " +
		"khi đó kỳ báo cáo được mở lại và có thể lập dự thảo mới.")
}

// periodName names a period inside a sentence, "tháng 11/2026"; a text that is not a period is
// kept as it is.
func periodName(s string) string {
	p, err := period.Parse(s)
	if err != nil {
		return s
	}
	label := p.Label()
	r, size := utf8.DecodeRuneInString(label)
	return string(unicode.ToLower(r)) + label[size:]
}
