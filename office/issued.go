package office

import (
	"fmt"
	"strings"
)

// IssuedArchivePath is where the archive keeps the workbook of an issue: the first issue under
// IssuedFileName, a replacement (number 2 and up) under the same name marked "_gui-lan-N", as
// the approver files them.
func (o *Office) IssuedArchivePath(formCode, periodName string, number int) string {
	name := IssuedFileName(formCode, periodName)
	if number > 1 {
		name = strings.TrimSuffix(name, ".xlsx") + fmt.Sprintf("_gui-lan-%d.xlsx", number)
	}
	return o.ArchivePath(formCode, periodName, ReportFolder, name)
}

// ReadArchived reads a file of the archive (see ArchivePath) through the data directory's root,
// so a name can never reach outside it.
func (o *Office) ReadArchived(rel string) ([]byte, error) {
	root, done, err := o.dataRoot()
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	defer done()
	data, err := root.ReadFile(rel)
	if err != nil {
		return nil, fmt.Errorf("archive %s: %w", rel, err)
	}
	return data, nil
}
