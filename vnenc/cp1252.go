package vnenc

// Legacy Vietnamese text reaches us as the bytes of the legacy encoding read
// as Windows-1252 (Excel on Windows) or as ISO-8859-1 (other tools). Either
// way each rune stands for one byte, and the decoders work on that byte.

// cp1252High holds the Windows-1252 characters of bytes 0x80–0x9F; zero marks
// the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
var cp1252High = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 0x80
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, // 0x88
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 0x90
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178, // 0x98
}

// byteOf maps a rune back to the byte it was read from: ASCII and Latin-1
// (including raw C1 controls U+0080–U+009F) stand for themselves, the
// Windows-1252 specials for their byte in 0x80–0x9F. ok is false for any
// other rune, which therefore cannot be part of legacy text.
func byteOf(r rune) (b byte, ok bool) {
	if r < 0x100 {
		return byte(r), true
	}
	if r < 0x152 || r > 0x2122 {
		return 0, false
	}
	for i, c := range cp1252High {
		if c == r {
			return 0x80 + byte(i), true
		}
	}
	return 0, false
}

// cp1252Rune is the Windows-1252 reading of byte b, used when a byte is passed
// through undecoded: a raw C1 control becomes the punctuation it stood for.
func cp1252Rune(b byte) rune {
	if b >= 0x80 && b < 0xA0 && cp1252High[b-0x80] != 0 {
		return cp1252High[b-0x80]
	}
	return rune(b)
}

// isLatin1Letter reports whether byte b read as Windows-1252 is a letter
// (ASCII letters, À–ÿ except × and ÷, and Š š Œ œ Ž ž Ÿ ƒ).
func isLatin1Letter(b byte) bool {
	switch {
	case isASCIILetter(rune(b)):
		return true
	case b >= 0xC0:
		return b != 0xD7 && b != 0xF7
	}
	switch b {
	case 0x83, 0x8A, 0x8C, 0x8E, 0x9A, 0x9C, 0x9E, 0x9F:
		return true
	}
	return false
}

// isLatin1Lower reports whether byte b read as Windows-1252 is a lowercase letter.
func isLatin1Lower(b byte) bool {
	return ('a' <= b && b <= 'z') || (b >= 0xDF && b != 0xF7)
}
