package vnenc_test

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/vnenc"
)

// The glibc TCVN5712-1 converter is the reference for TCVN3. These tests run
// /usr/bin/iconv (always present on Debian) and skip where it is missing.

// vietAlphabet holds the 67 lowercase letters of Vietnamese that are not ASCII.
const vietAlphabet = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"

// Letters glibc writes below 0x20 (kept as control characters by vnenc, see
// decodeTCVN3) and Ò, written as 0x92, which vnenc keeps as the apostrophe ’.
const notRoundTripped = "ÚỤỪỬỮỨỰỲỶỸÝỴÒ"

// iconvLines converts newline-separated lines with iconv and returns the NFC lines.
func iconvLines(t *testing.T, from, to string, in []byte) []string {
	t.Helper()
	path, err := exec.LookPath("iconv")
	if err != nil {
		t.Skip("iconv not installed")
	}
	cmd := exec.Command(path, "-f", from, "-t", to)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("iconv -f %s -t %s: %v", from, to, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// readings turns legacy bytes into the two ways a cell can hold them:
// Windows-1252 characters (Excel) and Latin-1 code points (raw C1 controls).
func readings(b []byte) map[string]string {
	cp, latin1 := make([]rune, len(b)), make([]rune, len(b))
	for i, c := range b {
		cp[i], latin1[i] = charmap.Windows1252.DecodeByte(c), rune(c)
		if cp[i] == '\uFFFD' { // bytes Windows-1252 leaves undefined
			cp[i] = rune(c)
		}
	}
	return map[string]string{"Windows1252": string(cp), "Latin1": string(latin1)}
}

func TestDecode_TCVN3MatchesIconvByteTable(t *testing.T) {
	// Each byte 0x20–0xFF inside a word ("a" b "a"): there the VN1 capitals of
	// 0x80–0x9F are letters and the tone marks 0xB0–0xB4 combine, as in glibc.
	var src []byte
	var bs []byte
	for b := 0x20; b <= 0xFF; b++ {
		if b == 0x92 {
			continue // ’ stays an apostrophe, see TestDecode_TCVN3Apostrophe
		}
		bs = append(bs, byte(b))
		src = append(src, 'a', byte(b), 'a', '\n')
	}
	want := iconvLines(t, "TCVN5712-1", "UTF-8", src)
	if len(want) != len(bs) {
		t.Fatalf("iconv gave %d lines, want %d", len(want), len(bs))
	}
	for i, b := range bs {
		for name, in := range readings([]byte{'a', b, 'a'}) {
			if got, w := vnenc.Decode(in, vnenc.TCVN3), norm.NFC.String(want[i]); got != w {
				t.Errorf("%s byte 0x%02X: Decode(%q) = %q, want %q", name, b, in, got, w)
			}
		}
	}
}

func TestDecode_TCVN3MatchesIconvAlphabet(t *testing.T) {
	// Every Vietnamese letter, lowercase and capital, encoded by iconv and
	// decoded back, inside a word as above.
	var letters []string
	var src []byte
	for _, r := range vietAlphabet + strings.ToUpper(vietAlphabet) {
		if strings.ContainsRune(notRoundTripped, r) {
			continue
		}
		letters = append(letters, string(r))
		src = append(src, "a"+string(r)+"a\n"...)
	}
	encoded := iconvLines(t, "UTF-8", "TCVN5712-1", src)
	if len(encoded) != len(letters) {
		t.Fatalf("iconv gave %d lines, want %d", len(encoded), len(letters))
	}
	for i, l := range letters {
		for name, in := range readings([]byte(encoded[i])) {
			if got, want := vnenc.Decode(in, vnenc.TCVN3), "a"+l+"a"; got != want {
				t.Errorf("%s letter %s: Decode(%q) = %q, want %q", name, l, in, got, want)
			}
		}
	}
}

func TestFix_TCVN3PhrasesFromIconv(t *testing.T) {
	phrases := []string{
		"Báo cáo kết quả thực hiện nhiệm vụ",
		"Phòng Kế hoạch - Tổng hợp",
		"Ủy ban nhân dân phường",
		"Đơn vị chủ trì",
		"Cộng hòa xã hội chủ nghĩa Việt Nam",
		"Độc lập - Tự do - Hạnh phúc",
		"Kế hoạch công tác tháng 6 năm 2024 của Ban quản lý các khu công nghiệp",
		"BÁO CÁO KẾT QUẢ",
	}
	encoded := iconvLines(t, "UTF-8", "TCVN5712-1", []byte(strings.Join(phrases, "\n")+"\n"))
	for i, p := range phrases {
		for name, in := range readings([]byte(encoded[i])) {
			if got, enc := vnenc.Fix(in); got != p || enc != vnenc.TCVN3 {
				t.Errorf("%s: Fix(%q) = %q, %v; want %q, TCVN3", name, in, got, enc, p)
			}
		}
	}
}

func TestDecode_TCVN3Apostrophe(t *testing.T) {
	// glibc reads 0x92 as Ò; VN3 fonts draw ’ there, and names need it.
	for _, in := range []string{"K’Bang", "K\u0092Bang"} {
		if got, want := vnenc.Decode(in, vnenc.TCVN3), "K’Bang"; got != want {
			t.Errorf("Decode(%q) = %q, want %q", in, got, want)
		}
	}
}
