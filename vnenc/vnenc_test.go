package vnenc_test

import (
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/vnenc"
)

// fixCase is one cell: what a unit typed and what Fix must make of it.
type fixCase struct {
	name string
	in   string
	want string
	enc  vnenc.Encoding
}

// The legacy forms below were produced independently of this package:
// TCVN3 with `iconv -t TCVN5712-1` (VN3 capitals typed as .VnTimeH would),
// VNI from the published VNI-Windows chart.
var tcvn3Cases = []fixCase{
	{"QuocHieu", "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", vnenc.TCVN3},
	{"BaoCao", "B¸o c¸o kÕt qu¶ thùc hiÖn nhiÖm vô", "Báo cáo kết quả thực hiện nhiệm vụ", vnenc.TCVN3},
	{"Phong", "Phßng KÕ ho¹ch - Tæng hîp", "Phòng Kế hoạch - Tổng hợp", vnenc.TCVN3},
	// VN3 has no Ủ: .VnTime users type the lowercase code.
	{"UyBanVN3", "ñy ban nh©n d©n ph\u00adêng", "ủy ban nhân dân phường", vnenc.TCVN3},
	// ž is byte 0x9E, the VN1 capital Ủ, as iconv writes it.
	{"UyBanVN1", "žy ban nh©n d©n ph\u00adêng", "Ủy ban nhân dân phường", vnenc.TCVN3},
	{"DonVi", "§¬n vÞ chñ tr×", "Đơn vị chủ trì", vnenc.TCVN3},
	{"TieuNgu", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc", vnenc.TCVN3},
	{"HeadingBaoCao", "B¸O C¸O KÕT QU¶ THùC HIÖN NHIÖM Vô", "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ", vnenc.TCVN3},
	{"HeadingShort", "B¸O C¸O", "BÁO CÁO", vnenc.TCVN3},
	{"HeadingQuocHieu", "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", vnenc.TCVN3},
	{"HeadingUyBan", "ñY BAN NH©N D©N PH¦êNG", "ỦY BAN NHÂN DÂN PHƯỜNG", vnenc.TCVN3},
	{"HeadingDonVi", "§¥N VÞ CHñ TR×", "ĐƠN VỊ CHỦ TRÌ", vnenc.TCVN3},
	{"HeadingPhong", "PHßNG KÕ HO¹CH - TæNG HîP", "PHÒNG KẾ HOẠCH - TỔNG HỢP", vnenc.TCVN3},
	// VN1 capitals in 0x80–0x9F inside a word, as glibc writes them.
	{"HeadingVN1", "BƒO CƒO KÚT QU\u0081", "BÁO CÁO KẾT QUẢ", vnenc.TCVN3},
	{"HeadingVN1RawC1", "B\u0083O C\u0083O KÚT QU\u0081", "BÁO CÁO KẾT QUẢ", vnenc.TCVN3},
	{"AmbiguousNextToHeading", "Hµ NéI", "HÀ NỘI", vnenc.TCVN3},
	{"NameCell", "Hµ", "Hà", vnenc.TCVN3},
	{"NameTitle", "Vò Hµ", "Vũ Hà", vnenc.TCVN3},
	{"AbbreviationNeighbour", "UBND Hµ", "UBND Hà", vnenc.TCVN3},
	{"DVT", "§VT: triÖu ®ång", "ĐVT: triệu đồng", vnenc.TCVN3},
	{"Apostrophe", "HuyÖn §¨k R’LÊp", "Huyện Đăk R’Lấp", vnenc.TCVN3},
	{"SmartPunctuation", "“B¸o c¸o” – Tæng hîp…", "“Báo cáo” – Tổng hợp…", vnenc.TCVN3},
	{"Degree", "NhiÖt ®é 25°C ± 2°", "Nhiệt độ 25°C ± 2°", vnenc.TCVN3},
	{"CombiningTone", "ha\u00b3 ca\u00b3c", "há các", vnenc.TCVN3},
	{"MixedASCII", "Report: B¸o c¸o th¸ng 5/2024 (UBND)", "Report: Báo cáo tháng 5/2024 (UBND)", vnenc.TCVN3},
	{"Multiline", "Néi dung:\n- KÕ ho¹ch\tth¸ng", "Nội dung:\n- Kế hoạch\ttháng", vnenc.TCVN3},
	// Latin-1 lowercase codes between capitals: .VnTimeH headings.
	{"HeadingSandwich", "## III. Tæ CHøC THùC HIÖN", "## III. TỔ CHỨC THỰC HIỆN", vnenc.TCVN3},
	{"HeadingNoiDung", "5. NéI DUNG", "5. NỘI DUNG", vnenc.TCVN3},
	{"Names", "Lª V¨n A, Ng« Thµnh", "Lê Văn A, Ngô Thành", vnenc.TCVN3},
}

var vniCases = []fixCase{
	{"QuocHieu", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", vnenc.VNI},
	{"BaoCao", "Baùo caùo keát quaû thöïc hieän nhieäm vuï", "Báo cáo kết quả thực hiện nhiệm vụ", vnenc.VNI},
	{"Phong", "Phoøng Keá hoaïch - Toång hôïp", "Phòng Kế hoạch - Tổng hợp", vnenc.VNI},
	{"UyBan", "UÛy ban nhaân daân phöôøng", "Ủy ban nhân dân phường", vnenc.VNI},
	{"DonVi", "Ñôn vò chuû trì", "Đơn vị chủ trì", vnenc.VNI},
	{"TieuNgu", "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc", vnenc.VNI},
	{"HeadingBaoCao", "BAÙO CAÙO KEÁT QUAÛ THÖÏC HIEÄN NHIEÄM VUÏ", "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ", vnenc.VNI},
	{"HeadingQuocHieu", "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", vnenc.VNI},
	{"HeadingUyBan", "UÛY BAN NHAÂN DAÂN PHÖÔØNG", "ỦY BAN NHÂN DÂN PHƯỜNG", vnenc.VNI},
	{"HeadingDonVi", "ÑÔN VÒ CHUÛ TRÌ", "ĐƠN VỊ CHỦ TRÌ", vnenc.VNI},
	{"NameCell", "Haø", "Hà", vnenc.VNI},
	{"Name", "Nguyeãn Thò Hoàng Nhung", "Nguyễn Thị Hồng Nhung", vnenc.VNI},
	{"WeakMarksOnly", "Caùc ñôn vò", "Các đơn vị", vnenc.VNI},
}

// Genuine text: Fix must hand it back (in NFC) and call it Unicode.
var genuineCases = []fixCase{
	{"Empty", "", "", vnenc.Unicode},
	{"ASCII", "Total 2024: 1,234.56", "Total 2024: 1,234.56", vnenc.Unicode},
	{"Email", "nguyen.van.a@tayho.gov.vn", "nguyen.van.a@tayho.gov.vn", vnenc.Unicode},
	{"EmailLatin1", "müller@firma.de", "müller@firma.de", vnenc.Unicode},
	{"Cafe", "Café", "Café", vnenc.Unicode},
	{"Muller", "Müller", "Müller", vnenc.Unicode},
	{"PlusMinus", "±5%", "±5%", vnenc.Unicode},
	{"Half", "½", "½", vnenc.Unicode},
	{"Fractions", "½ + ¼ = ¾", "½ + ¼ = ¾", vnenc.Unicode},
	{"Degrees", "25°C ± 0,5", "25°C ± 0,5", vnenc.Unicode},
	{"Symbols", "© 2024 Company® – “quoted” … §3", "© 2024 Company® – “quoted” … §3", vnenc.Unicode},
	{"Ordinals", "1ª Nº 5", "1ª Nº 5", vnenc.Unicode},
	{"French", "Où est la gare? Crème brûlée, naïve, déjà vu", "Où est la gare? Crème brûlée, naïve, déjà vu", vnenc.Unicode},
	{"FrenchWord", "Où", "Où", vnenc.Unicode},
	{"FrenchName", "Loïc Noël", "Loïc Noël", vnenc.Unicode},
	{"German", "Straße in München, Größe", "Straße in München, Größe", vnenc.Unicode},
	{"Spanish", "Señor Peña, año, José, sí", "Señor Peña, año, José, sí", vnenc.Unicode},
	{"Portuguese", "São Paulo, não, mãe", "São Paulo, não, mãe", vnenc.Unicode},
	{"Guillemets", "«Bonjour»", "«Bonjour»", vnenc.Unicode},
	{"Apostrophe", "don’t", "don’t", vnenc.Unicode},
	{"NBSP", "1\u00a0000\u00a0đ", "1\u00a0000\u00a0đ", vnenc.Unicode},
	// Unicode Vietnamese that happens to fit in Latin-1 must not be "decoded".
	{"UnicodeLatin1Name", "Tên: Hà", "Tên: Hà", vnenc.Unicode},
	{"UnicodeLatin1Place", "Cà Mau, Tây Ninh", "Cà Mau, Tây Ninh", vnenc.Unicode},
	{"UnicodeLatin1Hoang", "Hoàng Anh", "Hoàng Anh", vnenc.Unicode},
	{"UnicodeLatin1Header", "Ghi chú", "Ghi chú", vnenc.Unicode},
	{"UnicodeLatin1Caps", "BÁO CÁO", "BÁO CÁO", vnenc.Unicode},
	{"UnicodeNFC", "Báo cáo kết quả thực hiện nhiệm vụ", "Báo cáo kết quả thực hiện nhiệm vụ", vnenc.Unicode},
	{"UnicodeNFD", norm.NFD.String("Ủy ban nhân dân phường"), "Ủy ban nhân dân phường", vnenc.Unicode},
	{"UnicodeNFDLatin1", norm.NFD.String("Tên: Hà"), "Tên: Hà", vnenc.Unicode},
	{"UnicodeCaps", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ CHỦ TRÌ", vnenc.Unicode},
	// A line mixing Unicode Vietnamese and legacy text is left alone.
	{"MixedLine", "Cộng hoà x· héi chñ nghÜa", "Cộng hoà x· héi chñ nghÜa", vnenc.Unicode},
	{"InvalidUTF8", "B\xffO", "B\uFFFDO", vnenc.Unicode},
	// Symbols next to letters, as Latin-1 text uses them.
	{"CurrencyMillions", "Revenue (€m), (£m)", "Revenue (€m), (£m)", vnenc.Unicode},
	{"Micrometre", "10 µm", "10 µm", vnenc.Unicode},
	{"SpanishAbbreviation", "Mª José", "Mª José", vnenc.Unicode},
	{"TorqueUnit", "50 N·m", "50 N·m", vnenc.Unicode},
	{"Multiply", "1920×1080, 2×3", "1920×1080, 2×3", vnenc.Unicode},
	{"Square", "m², km²", "m², km²", vnenc.Unicode},
	// Languages whose short words decode into valid syllables.
	{"Norwegian", "Nå må vi gå på do", "Nå må vi gå på do", vnenc.Unicode},
	{"Danish", "Ubrydeligt mellemrumstegn på andet niveau, på tredje niveau, på fjerde niveau",
		"Ubrydeligt mellemrumstegn på andet niveau, på tredje niveau, på fjerde niveau", vnenc.Unicode},
	{"Albanian", "Numri i proceseve të printimit në pritje në printer",
		"Numri i proceseve të printimit në pritje në printer", vnenc.Unicode},
	{"Irish", "Seán Ó Briain", "Seán Ó Briain", vnenc.Unicode},
	{"Swedish", "poäng", "poäng", vnenc.Unicode},
	// UTF-8 read as Windows-1252 or Latin-1 is mojibake, not legacy text.
	{"Mojibake", "chÆ°Æ¡ng trÃ¬nh", "chÆ°Æ¡ng trÃ¬nh", vnenc.Unicode},
	{"MojibakeRawC1", "Viá»\u0087t Nam", "Viá»\u0087t Nam", vnenc.Unicode},
	{"MojibakeCafe", "CafÃ©", "CafÃ©", vnenc.Unicode},
}

func TestFix(t *testing.T) {
	for _, group := range []struct {
		name  string
		cases []fixCase
	}{{"TCVN3", tcvn3Cases}, {"VNI", vniCases}, {"Genuine", genuineCases}} {
		for _, tc := range group.cases {
			t.Run(group.name+"/"+tc.name, func(t *testing.T) {
				got, enc := vnenc.Fix(tc.in)
				if got != tc.want || enc != tc.enc {
					t.Errorf("Fix(%q) = %q, %v; want %q, %v", tc.in, got, enc, tc.want, tc.enc)
				}
				if !norm.NFC.IsNormalString(got) {
					t.Errorf("Fix(%q) = %q is not NFC", tc.in, got)
				}
			})
		}
	}
}

func TestDetect(t *testing.T) {
	for _, cases := range [][]fixCase{tcvn3Cases, vniCases, genuineCases} {
		for _, tc := range cases {
			t.Run(tc.enc.String()+"/"+tc.name, func(t *testing.T) {
				if got := vnenc.Detect(tc.in); got != tc.enc {
					t.Errorf("Detect(%q) = %v, want %v", tc.in, got, tc.enc)
				}
			})
		}
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		enc  vnenc.Encoding
		want string
	}{
		{"UnicodeReturnsInput", "B¸o c¸o", vnenc.Unicode, "B¸o c¸o"},
		{"UnknownEncodingReturnsInput", "B¸o c¸o", vnenc.Encoding(9), "B¸o c¸o"},
		{"TCVN3", "B¸o c¸o", vnenc.TCVN3, "Báo cáo"},
		{"VNI", "Baùo caùo", vnenc.VNI, "Báo cáo"},
		{"TCVN3Empty", "", vnenc.TCVN3, ""},
		// Forced decoding of text that is not legacy still gives valid NFC.
		{"TCVN3ForeignRunesPassThrough", "ộ x· 中", vnenc.TCVN3, "ộ xã 中"},
		{"VNIOrphanMarkStays", "Café", vnenc.VNI, "Café"},
		{"TCVN3ControlsStay", "a\u0001b\tc", vnenc.TCVN3, "a\u0001b\tc"},
		{"TCVN3RawC1Punctuation", "x \u0096 y \u0085", vnenc.TCVN3, "x – y …"},
		{"TCVN3ToneAfterToned", "µ\u00b0", vnenc.TCVN3, "à°"},
		{"VNIHornWithTone", "öôùc", vnenc.VNI, "ước"},
		{"VNIYDot", "Kyï", vnenc.VNI, "Kỵ"},
		{"VNICapitalBaseLowerMark", "Aù", vnenc.VNI, "Á"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := vnenc.Decode(tc.in, tc.enc); got != tc.want {
				t.Errorf("Decode(%q, %v) = %q, want %q", tc.in, tc.enc, got, tc.want)
			}
		})
	}
}

func TestFixAs(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		hint    vnenc.Encoding
		want    string
		wantEnc vnenc.Encoding
	}{
		{"TCVN3ShortCell", "Tèt", vnenc.TCVN3, "Tốt", vnenc.TCVN3},
		{"TCVN3ShortHeading", "BIÓU MÉU", vnenc.TCVN3, "BIỂU MẪU", vnenc.TCVN3},
		{"VNIShortCell", "Keùm", vnenc.VNI, "Kém", vnenc.VNI},
		{"VNIWord", "Baùo", vnenc.VNI, "Báo", vnenc.VNI},
		{"ConfidentOtherEncoding", "B¸O C¸O", vnenc.VNI, "BÁO CÁO", vnenc.TCVN3},
		{"InvalidSyllable", "Café", vnenc.TCVN3, "Café", vnenc.Unicode},
		{"AlreadyVietnamese", "Tên", vnenc.TCVN3, "Tên", vnenc.Unicode},
		{"ForeignWordsOutnumber", "Revenue report Tèt", vnenc.TCVN3, "Revenue report Tèt", vnenc.Unicode},
		{"ASCII", "Total", vnenc.VNI, "Total", vnenc.Unicode},
		{"UnicodeHint", "Tèt", vnenc.Unicode, "Tèt", vnenc.Unicode},
		{"Mojibake", "CafÃ©", vnenc.VNI, "CafÃ©", vnenc.Unicode},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, enc := vnenc.FixAs(tc.in, tc.hint)
			if got != tc.want || enc != tc.wantEnc {
				t.Errorf("FixAs(%q, %v) = %q, %v; want %q, %v", tc.in, tc.hint, got, enc, tc.want, tc.wantEnc)
			}
		})
	}
}

func TestEncoding_String(t *testing.T) {
	tests := []struct {
		name string
		enc  vnenc.Encoding
		want string
	}{
		{"Unicode", vnenc.Unicode, "Unicode"},
		{"TCVN3", vnenc.TCVN3, "TCVN3"},
		{"VNI", vnenc.VNI, "VNI"},
		{"Unknown", vnenc.Encoding(7), "Encoding(7)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.enc.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFix_UnicodeDoesNotAllocate pins the promise made to the workbook reader:
// ordinary cells cost a scan, not an allocation.
func TestFix_UnicodeDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"Total 2024", "Báo cáo kết quả thực hiện nhiệm vụ", "Café", ""} {
		allocs := testing.AllocsPerRun(100, func() {
			if _, enc := vnenc.Fix(s); enc != vnenc.Unicode {
				t.Fatalf("Fix(%q) = %v, want Unicode", s, enc)
			}
		})
		if s != "Café" && allocs != 0 {
			t.Errorf("Fix(%q): got %v allocations, want 0", s, allocs)
		}
	}
}
