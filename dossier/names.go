package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/tonghop/tonghop/ledger"
)

// Names inside the zip are made from the ledger's canonical values (IDs, versions, unit codes,
// hashes), never from a name a sender chose: a file name in a mail cannot place anything
// outside its folder or collide with another.

// Folders of the dossier.
const (
	dirReceived = "thu-den"  // the original mails, as received
	dirUnits    = "ban-nop"  // each unit's files, by version
	dirDrafts   = "du-thao"  // the consolidated drafts
	dirIssued   = "ban-hanh" // the issued report(s)
	dirSent     = "thu-di"   // the mails tonghop sent about the period, as stored
	indexName   = "index.html"
	// ManifestName is the list of sha256 sums of every other file, in sha256sum's format.
	ManifestName = "MANIFEST"
)

// safeCode is a unit code or kind usable as it is in a name.
var safeCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// codeName returns code if it is safe in a name, else a name derived from its hash.
func codeName(code string) string {
	if safeCode.MatchString(code) && !strings.Contains(code, "..") {
		return code
	}
	sum := sha256.Sum256([]byte(code))
	return "ma-" + hex.EncodeToString(sum[:6])
}

// workbookExt is the extension of a workbook's file name when it is one a spreadsheet opens,
// so that the inspector's double click works; anything else is kept without one.
func workbookExt(fileName string) string {
	switch ext := strings.ToLower(path.Ext(fileName)); ext {
	case ".xlsx", ".xlsm", ".xls", ".ods":
		return ext
	}
	return ".bin"
}

func mailName(m ledger.Mail) string {
	return fmt.Sprintf("%s/%04d-%s.eml", dirReceived, m.ID, m.SHA256[:min(12, len(m.SHA256))])
}

func submissionName(s ledger.Submission) string {
	return fmt.Sprintf("%s/%s/v%d%s", dirUnits, codeName(s.Unit), s.Version, workbookExt(s.FileName))
}

func draftName(d ledger.Draft) string {
	return fmt.Sprintf("%s/v%d%s", dirDrafts, d.Version, workbookExt(d.FileName))
}

func issueName(is ledger.Issue) string {
	return fmt.Sprintf("%s/lan-%d-du-thao-v%d.xlsx", dirIssued, is.Number, is.Version)
}

func sentName(m ledger.OutMail) string {
	return fmt.Sprintf("%s/%04d-%s.txt", dirSent, m.ID, codeName(string(m.Kind)))
}
