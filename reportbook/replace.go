package reportbook

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// Replaced is the issue a corrected report replaces, as its stamp names it.
type Replaced struct {
	At      time.Time // when the replaced report was issued
	Version int       // the draft it issued
}

// PropReplaces is the custom property of a replacement report: the issue it replaces, as
// "2026-11-20T03:30:00Z; v3".
const PropReplaces = "tonghop.replaces"

// StampReplacement is Stamp for the correction of an issued report: the approval lines begin
// with "Thay thế báo cáo đã gửi ngày 20/11/2026 (dự thảo lần 3)", and PropReplaces records the
// issue replaced.
func StampReplacement(data []byte, approvals []Approval, r Replaced, loc *time.Location) ([]byte, error) {
	return stamp(data, approvals, &r, "", loc)
}

// stampReplaced records the issue replaced in PropReplaces; the description already begins with
// replacedLine, as the title block does.
func stampReplaced(f *excelize.File, r *Replaced) error {
	if r == nil {
		return nil
	}
	value := propText(fmt.Sprintf("%s; v%d", r.At.UTC().Format(time.RFC3339), r.Version))
	if err := f.SetCustomProps(excelize.CustomProperty{Name: PropReplaces, Value: value}); err != nil {
		return fmt.Errorf("stamp: custom property %s: %w", PropReplaces, err)
	}
	return nil
}
