package office

import (
	"errors"
	"io/fs"
	"path/filepath"
)

// RemoveArchivedPeriod removes the archive's folder of a form's period (the people's copy of its
// workbooks) once the records schedule let the period go. Only a configured form's folder and a
// canonical period's are ever removed.
func (o *Office) RemoveArchivedPeriod(formCode, periodName string) error {
	formDir, periodDir := o.formFolder(formCode), periodFolder(periodName)
	if formDir == UnknownFolder || periodDir == UnknownFolder {
		return errors.New("remove archived period: not a configured form and a period")
	}
	root, err := OpenDataDir(o.Config.DataDir)
	if err != nil {
		return err
	}
	defer root.Close()
	err = root.RemoveAll(filepath.Join(archiveDir, formDir, periodDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
