package letters

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The catalogue: every letter tonghop writes, in every variant, and every problem message a
// letter quotes, rendered with the sample office's data into testdata/letters/*.txt, so that a
// person can read them side by side, and held to Lint's rules. `go test ./letters -run
// TestCatalogue -update` rewrites the files; review the difference by reading it.
//
// The workbooks' catalogue (catalogue_books_test.go, package letters_test) writes its own files
// through CheckGolden.

var update = flag.Bool("update", false, "rewrite the golden files in testdata/letters")

// goldenDir holds the catalogue's files.
const goldenDir = "testdata/letters"

// CheckGolden compares text with testdata/letters/<name>.txt, or rewrites the file under
// -update, and fails on every finding of Lint.
func CheckGolden(t *testing.T, name, text string) {
	t.Helper()
	checkGolden(t, name, text, Lint(text))
}

// CheckGoldenFindings is CheckGolden with the findings of Lint already made: the workbooks'
// catalogue (package letters_test) lints only what a person reads of each line.
func CheckGoldenFindings(t *testing.T, name, text string, findings []Finding) {
	t.Helper()
	checkGolden(t, name, text, findings)
}

// checkLetter is CheckGolden for a letter: its subject line, then its body; its subject's tokens
// are left out of Lint's reading.
func checkLetter(t *testing.T, name string, l Letter) {
	t.Helper()
	findings := LintLetter(l)
	if !strings.HasPrefix(l.Body, "Kính gửi:") || !strings.Contains(l.Body, "Trân trọng./.") {
		t.Errorf("%s: the body does not run from “Kính gửi:” to the signature", name)
	}
	checkGolden(t, name, "Tiêu đề: "+l.Subject+"\n\n"+l.Body, findings)
}

func checkGolden(t *testing.T, name, text string, findings []Finding) {
	t.Helper()
	for _, f := range findings {
		t.Errorf("%s: %s", name, f)
	}
	path := filepath.Join(goldenDir, name+".txt")
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (run with -update to write it)", name, err)
	}
	if string(want) != text {
		got, exp := strings.Split(text, "\n"), strings.Split(string(want), "\n")
		i := 0
		for i < min(len(got), len(exp)) && got[i] == exp[i] {
			i++
		}
		t.Errorf("%s differs from %s from line %d:\n got %q\nwant %q\n(run with -update and read the difference)",
			name, path, i+1, lineAt(got, i), lineAt(exp, i))
	}
}

// TestCatalogue renders every letter and every message a letter quotes into the golden files.
func TestCatalogue(t *testing.T) {
	names := map[string]bool{}
	for _, e := range catalogue() {
		if names[e.name] || !fileName.MatchString(e.name) {
			t.Fatalf("catalogue: %q twice or not a file name", e.name)
		}
		names[e.name] = true
		if e.text != "" {
			CheckGolden(t, e.name, e.text)
		} else {
			checkLetter(t, e.name, e.letter)
		}
	}
	if *update {
		return
	}
	// A file no entry writes any more is a letter that is gone: remove it with the entry.
	files, _ := filepath.Glob(filepath.Join(goldenDir, "*.txt"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if !names[name] && !booksFile(name) {
			t.Errorf("%s: no entry of the catalogue writes it", f)
		}
	}
}

// booksFile says whether a golden file is the workbooks' catalogue's (catalogue_books_test.go),
// which checks its own files for staleness.
func booksFile(name string) bool {
	for _, p := range []string{"books-", "templates-", "cli-"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

var fileName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// entry is one golden file: a letter, or a text (a list of messages).
type entry struct {
	name   string
	letter Letter
	text   string
}

func catalogue() []entry {
	var all []entry
	for _, part := range [][]entry{unitLetters(), rejections(), leaderLetters(), recipientLetters(), deskLetters(),
		forwards(), lateFiles(), messageLists(), reviewLetters(), stepLetters(),
		upstreamLetters(),  // issue 19, part 3
		numberingLetters(), // issue 20, part R
		wordLetters(),      // issue 20, part W
		documentLetters(),  // issue 20, part D
		boardLetters(),     // issue 22, part A
	} {
		all = append(all, part...)
	}
	return all
}

// The sample office: a provincial Industrial Zones Authority, its people and units, as the demo
// has them.
var (
	hanoi  = time.FixedZone("ICT", 7*3600)
	office = Office{Name: "Ban Quản lý các khu công nghiệp tỉnh Hòa Bình", Desk: "Văn phòng", Phone: "0218 3 000 000",
		Email: "tonghop@bqlkcn.example", Clerks: []Person{clerkHa}}
	clerkHa    = Person{Title: "Chuyên viên tổng hợp", Name: "Đinh Thu Hà"}
	contactHa  = Contact{Name: "Đinh Thu Hà", Title: "Chuyên viên tổng hợp", Email: "chuyen.vien.th@bqlkcn.example"}
	truongBan  = Person{Title: "Trưởng Ban", Name: "Nguyễn Văn An"}
	phoBanBinh = Person{Title: "Phó Trưởng Ban", Name: "Trần Thị Bình"}
	phoBanDung = Person{Title: "Phó Trưởng Ban", Name: "Phạm Quốc Dũng"}
	chanhVP    = Person{Title: "Chánh Văn phòng", Name: "Lê Văn Cường"}
	qldn       = "Phòng Quản lý doanh nghiệp"
	qhxd       = "Phòng Quy hoạch - Xây dựng"
	allUnits   = []string{qldn, "Phòng Quản lý đầu tư", qhxd, "Phòng Quản lý môi trường", "Phòng Quản lý lao động",
		"Phòng Thanh tra - Pháp chế", "Phòng Xúc tiến đầu tư", "Trung tâm Dịch vụ hỗ trợ đầu tư"}

	monthly = Request{FormCode: "BM.02.01/KH", FormTitle: "Báo cáo kết quả thực hiện nhiệm vụ", Period: "Tháng 11/2026",
		Deadline: day(18, 17, 0)}
	weekly = Request{FormCode: "BM.04.01/KH", FormTitle: "Chương trình công tác trọng tâm", Period: "Tuần 48 (23/11 – 29/11/2026)",
		Deadline: day(19, 15, 0)}
	// quarterly is due at midnight: the end of 15/12/2026, not a day of 16/12.
	quarterly = Request{FormCode: "BM.03.01/KH", FormTitle: "Báo cáo tình hình thu hút đầu tư", Period: "Quý IV/2026",
		Deadline: time.Date(2026, 12, 16, 0, 0, 0, 0, hanoi)}

	monthlyFile = "BM.02.01-KH_2026-11_QLDN.xlsx"
	weeklyFile  = "BM.04.01-KH_2026-W48_QLDN.xlsx"
)

// day is a moment of November 2026 in Hà Nội.
func day(d, hour, minute int) time.Time { return time.Date(2026, 11, d, hour, minute, 0, 0, hanoi) }

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<no line>"
}
