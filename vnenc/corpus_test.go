package vnenc_test

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/vnenc"
)

// TestFix_SystemCatalogs replays the translations installed on this machine —
// the gettext catalogs of Latin-script languages and the gnupg help texts —
// through Fix, each line and each word as a cell of its own, and fails on any
// that Fix takes for legacy text. It is how the detection thresholds were
// tuned (detect.go) and takes a few seconds, so it runs only with
// VNENC_CORPUS=1: VNENC_CORPUS=1 go test -run SystemCatalogs -v ./vnenc/
func TestFix_SystemCatalogs(t *testing.T) {
	if os.Getenv("VNENC_CORPUS") == "" {
		t.Skip("set VNENC_CORPUS=1 to replay the system translation catalogs")
	}
	var lines []string
	for _, lang := range strings.Fields("fr de es it pt pt_BR ca da nb nn sv fi nl gl eu is af ga oc br id ms sq et") {
		mos, _ := filepath.Glob("/usr/share/locale/" + lang + "/LC_MESSAGES/*.mo")
		for _, p := range mos {
			lines = append(lines, catalogLines(p)...)
		}
	}
	helps, _ := filepath.Glob("/usr/share/gnupg/help.*.txt")
	for _, p := range helps {
		lines = append(lines, fileLines(t, p)...)
	}
	if len(lines) == 0 {
		t.Skip("no translation catalogs installed")
	}
	cells, legacy := 0, 0
	for _, l := range lines {
		for _, cell := range append([]string{l}, strings.Fields(l)...) {
			cells++
			if out, enc := vnenc.Fix(cell); enc != vnenc.Unicode {
				legacy++
				t.Logf("Fix(%q) = %q, %v", cell, out, enc)
			}
		}
	}
	// One printf format, "%s·%s", reads as TCVN3 "sã"; nothing else may.
	if legacy > len(lines)/100000+1 {
		t.Errorf("%d of %d genuine cells taken for legacy text, want at most %d", legacy, cells, len(lines)/100000+1)
	}
	t.Logf("%d of %d genuine cells taken for legacy text", legacy, cells)
}

// catalogLines returns the non-empty lines of the translations in a .mo file.
func catalogLines(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < 20 {
		return nil
	}
	var order binary.ByteOrder = binary.LittleEndian
	if order.Uint32(data) != 0x950412de {
		order = binary.BigEndian
	}
	count, table := order.Uint32(data[8:]), order.Uint32(data[16:])
	var lines []string
	for i := uint32(0); i < count; i++ {
		at := uint64(table) + 8*uint64(i)
		if at+8 > uint64(len(data)) {
			break
		}
		n, off := uint64(order.Uint32(data[at:])), uint64(order.Uint32(data[at+4:]))
		if off+n > uint64(len(data)) {
			continue
		}
		for _, part := range bytes.Split(data[off:off+n], []byte{0}) {
			lines = append(lines, splitLines(string(part))...)
		}
	}
	return lines
}

func fileLines(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, splitLines(sc.Text())...)
	}
	return lines
}

// splitLines keeps the trimmed lines that have a character beyond ASCII.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if strings.ContainsFunc(l, func(r rune) bool { return r > 0x7F }) {
			out = append(out, l)
		}
	}
	return out
}
