package document

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// upper capitalises what the decree prints in capitals (the offices, the signer's title), NFC.
func upper(s string) string {
	return norm.NFC.String(strings.ToUpper(s))
}
