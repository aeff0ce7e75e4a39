package xlsconv

import (
	"bytes"
	"encoding/binary"
)

// oleSignature starts every OLE2 compound file: Excel 97-2003 (BIFF8) and Excel 5/95 (BIFF5)
// workbooks, but also .doc and .ppt, which the forced Excel import filter then refuses.
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// looksLikeXLS reports whether data starts like an .xls workbook: an OLE2 compound file, or a
// bare BIFF2-4 worksheet stream (Excel 2.x-4.0, no container) opening with a BOF record. It is
// the cheap first gate so that mail attachments of any other kind never start a converter.
func looksLikeXLS(data []byte) bool {
	if bytes.HasPrefix(data, oleSignature) {
		return true
	}
	if len(data) < 8 {
		return false
	}
	opcode := binary.LittleEndian.Uint16(data[0:2])
	length := binary.LittleEndian.Uint16(data[2:4])
	switch opcode {
	case 0x0009, 0x0209, 0x0409: // BOF of BIFF2, BIFF3, BIFF4
		return length >= 4 && length <= 16
	}
	return false
}
