package reportbook

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// Issue 20, part R: the issued report's number in the office's register of outgoing documents
// (sổ văn bản đi), stamped with its approvals.

// PropNumber is the custom property of a numbered issued report: its number as printed,
// "125/BC-BQL".
const PropNumber = "tonghop.number"

// StampNumbered is Stamp (r nil) or StampReplacement (r the issue replaced) for a document of
// the register: the approval lines begin with "Số: 125/BC-BQL" and PropNumber records it. An
// empty number stamps as they do.
func StampNumbered(data []byte, approvals []Approval, r *Replaced, number string, loc *time.Location) ([]byte, error) {
	return stamp(data, approvals, r, number, loc)
}

// numberLine is the number as the title block states it.
func numberLine(number string) string { return "Số: " + cleanText(number) }

func stampNumber(f *excelize.File, number string) error {
	if number == "" {
		return nil
	}
	if err := f.SetCustomProps(excelize.CustomProperty{Name: PropNumber, Value: propText(number)}); err != nil {
		return fmt.Errorf("stamp: custom property %s: %w", PropNumber, err)
	}
	return nil
}
