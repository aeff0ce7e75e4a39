package templates

import (
	"github.com/tonghop/tonghop/vnenc"
)

// legacyCells counts the cells typed in a legacy Vietnamese encoding (TCVN3 with .VnTime, VNI
// with VNI-Times), so the unit gets one warning per encoding with an example, not one per cell.
type legacyCells struct {
	enc    vnenc.Encoding // the first found: later cells are converted on less evidence
	counts map[vnenc.Encoding]int
	first  map[vnenc.Encoding][3]string // sheet, cell, converted text
}

func (l *legacyCells) note(sheet, cell string, enc vnenc.Encoding, converted string) {
	if enc == vnenc.Unicode {
		return
	}
	if l.counts == nil {
		l.counts, l.first, l.enc = map[vnenc.Encoding]int{}, map[vnenc.Encoding][3]string{}, enc
	}
	if l.counts[enc] == 0 {
		l.first[enc] = [3]string{sheet, cell, converted}
	}
	l.counts[enc]++
}

// report adds the warnings to the reader's report.
func (l *legacyCells) report(r *reader) {
	for _, enc := range []vnenc.Encoding{vnenc.TCVN3, vnenc.VNI} {
		n := l.counts[enc]
		if n == 0 {
			continue
		}
		ex := l.first[enc]
		r.warnf(ex[0], ex[1], "", CodeLegacyEncoding, msgLegacyEncoding, viCount(n), legacyFonts[enc], ex[1], truncateRunes(ex[2], 60))
	}
}

// legacyFonts names each encoding as units know it: by its fonts.
var legacyFonts = map[vnenc.Encoding]string{
	vnenc.TCVN3: "TCVN3 (phông .VnTime, bộ gõ ABC)",
	vnenc.VNI:   "VNI (phông VNI-Times)",
}
