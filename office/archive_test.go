package office

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// archiveOffice is the minimal office with its data directory in a temporary folder.
func archiveOffice(t *testing.T) *Office {
	t.Helper()
	o := parse(t, minimal)
	o.DataDir = filepath.Join(t.TempDir(), "data")
	return o
}

func TestArchivePath(t *testing.T) {
	o := archiveOffice(t)
	tests := []struct {
		name                       string
		form, period, folder, file string
		want                       string
	}{
		{"Canonical", "BM.02.01/KH", "2026-11", "QLDN", "v1_bc.xlsx", "archive/BM.02.01-KH/2026-11/QLDN/v1_bc.xlsx"},
		{"PeriodWrittenCanonically", "BM.02.01/KH", "2026-q4", ReportFolder, "a.xlsx", "archive/BM.02.01-KH/2026-Q4/_tong-hop/a.xlsx"},
		{"TemplateFolder", "BM.02.01/KH", "2026-W05", TemplateFolder, "a.xlsx", "archive/BM.02.01-KH/2026-W05/mau/a.xlsx"},
		{"PeriodClimbs", "BM.02.01/KH", "../../../../x", "QLDN", "a.xlsx", "archive/BM.02.01-KH/khong-xac-dinh/QLDN/a.xlsx"},
		{"PeriodAfterCanonical", "BM.02.01/KH", "2026-11/../../x", "QLDN", "a.xlsx", "archive/BM.02.01-KH/khong-xac-dinh/QLDN/a.xlsx"},
		{"PeriodAbsolute", "BM.02.01/KH", "/etc", "QLDN", "a.xlsx", "archive/BM.02.01-KH/khong-xac-dinh/QLDN/a.xlsx"},
		{"PeriodEmpty", "BM.02.01/KH", "", "QLDN", "a.xlsx", "archive/BM.02.01-KH/khong-xac-dinh/QLDN/a.xlsx"},
		{"FormUnknown", "../../x", "2026-11", "QLDN", "a.xlsx", "archive/khong-xac-dinh/2026-11/QLDN/a.xlsx"},
		{"FormEmpty", "", "", "", "a.xlsx", "archive/khong-xac-dinh/khong-xac-dinh/khong-xac-dinh/a.xlsx"},
		{"FormCaseDiffers", "bm.02.01/kh", "2026-11", "QLDN", "a.xlsx", "archive/khong-xac-dinh/2026-11/QLDN/a.xlsx"},
		{"UnitUnknown", "BM.02.01/KH", "2026-11", "..", "a.xlsx", "archive/BM.02.01-KH/2026-11/khong-xac-dinh/a.xlsx"},
		{"UnitEmpty", "BM.02.01/KH", "2026-11", "", "a.xlsx", "archive/BM.02.01-KH/2026-11/khong-xac-dinh/a.xlsx"},
		{"UnitLowerCase", "BM.02.01/KH", "2026-11", "qldn", "a.xlsx", "archive/BM.02.01-KH/2026-11/khong-xac-dinh/a.xlsx"},
		{"FileClimbs", "BM.02.01/KH", "2026-11", "QLDN", "../../../x.xlsx", "archive/BM.02.01-KH/2026-11/QLDN/x.xlsx"},
		{"FileDots", "BM.02.01/KH", "2026-11", "QLDN", "..", "archive/BM.02.01-KH/2026-11/QLDN/tep.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := o.ArchivePath(tt.form, tt.period, tt.folder, tt.file)
			if got != filepath.FromSlash(tt.want) {
				t.Errorf("ArchivePath(%q, %q, %q, %q) = %q, want %q", tt.form, tt.period, tt.folder, tt.file, got, tt.want)
			}
		})
	}
}

func TestSafeName(t *testing.T) {
	long := strings.Repeat("Báo cáo ", 40) + ".xlsx"
	tests := []struct{ name, in, want string }{
		{"Plain", "BaoCao_QLDN.xlsx", "BaoCao_QLDN.xlsx"},
		{"Vietnamese", "Báo cáo tháng 11.xlsx", "Báo cáo tháng 11.xlsx"},
		{"Slash", "../../etc/passwd", "passwd"},
		{"Backslash", `..\..\Windows\x.xlsx`, "x.xlsx"},
		{"Absolute", "/etc/cron.d/x", "x"},
		{"Dot", ".", "tep.xlsx"},
		{"DotDot", "..", "tep.xlsx"},
		{"Empty", "", "tep.xlsx"},
		{"TrailingSlash", "x/", "tep.xlsx"},
		{"Hidden", ".bashrc", "bashrc"},
		{"LeadingSpaceDots", " . .x.xlsx", "x.xlsx"},
		{"Control", "a\x00b\r\nc\x1b.xlsx", "abc.xlsx"},
		{"Bidi", "invoice\u202excod.xlsx", "invoicexcod.xlsx"},
		{"Isolates", "\u2066a\u2069\u200f\u200b\ufeff.xlsx", "a.xlsx"},
		{"LineSeparator", "a\u2028b.xlsx", "ab.xlsx"},
		{"ControlHidesDots", ".\x00./x", "x"},
		{"ControlMakesDotDot", ".\u202e.", "tep.xlsx"},
		{"InvalidUTF8", "a\xff\xfeb.xlsx", "ab.xlsx"},
		{"Long", long, strings.TrimRight(long[:maxNameBytes-len(".xlsx")], " ") + ".xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SafeName(tt.in); got != tt.want {
				t.Errorf("SafeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzSafeName(f *testing.F) {
	for _, s := range []string{"a.xlsx", "../x", ".", "..", "\u202e.xlsx", strings.Repeat("ă", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := SafeName(in)
		if got == "" || got == "." || got == ".." || strings.HasPrefix(got, ".") || strings.ContainsAny(got, `/\`) ||
			len(got) > maxNameBytes || got != SafeName(got) {
			t.Fatalf("SafeName(%q) = %q", in, got)
		}
		for _, r := range got {
			if r < 0x20 || r == 0x7f || (r >= 0x200b && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				t.Fatalf("SafeName(%q) = %q keeps %U", in, got, r)
			}
		}
	})
}

// TestOffice_Archive: a copy is written where ArchivePath says, with the archive's modes; a
// name that would leave the data directory is refused and nothing is written outside.
func TestOffice_Archive(t *testing.T) {
	o := archiveOffice(t)
	rel := o.ArchivePath("BM.02.01/KH", "2026-11", "QLDN", "v1_bc.xlsx")
	if err := o.Archive(rel, []byte("workbook")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(o.DataDir, rel))
	if err != nil || string(got) != "workbook" {
		t.Fatalf("archived copy: %q, %v", got, err)
	}
	if err := o.Archive(rel, []byte("again")); err != nil {
		t.Fatalf("archive over a copy: %v", err)
	}
	assertMode(t, filepath.Join(o.DataDir, rel), 0o640)
	assertMode(t, filepath.Dir(filepath.Join(o.DataDir, rel)), 0o750)
	assertMode(t, o.DataDir, 0o750)

	outside := filepath.Join(filepath.Dir(o.DataDir), "outside")
	if err := os.Mkdir(outside, 0o700); err != nil {
		t.Fatal(err)
	}
	// A folder of the archive replaced by a link to a folder outside the data directory.
	planted := filepath.Join(o.DataDir, "archive", "BM.02.01-KH", "2026-12")
	if err := os.Symlink(outside, planted); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, rel string }{
		{"Parent", filepath.Join("..", "outside", "x.xlsx")},
		{"Climbs", filepath.Join("archive", "..", "..", "outside", "x.xlsx")},
		{"Absolute", filepath.Join(outside, "x.xlsx")},
		{"SymlinkOutside", o.ArchivePath("BM.02.01/KH", "2026-12", "QLDN", "x.xlsx")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := o.Archive(tt.rel, []byte("escaped")); err == nil {
				t.Errorf("Archive(%q): got no error, want it refused", tt.rel)
			}
			if err := o.File([]Copy{{Rel: tt.rel, Data: []byte("escaped")}}); err == nil {
				t.Errorf("File(%q): got no error, want it refused", tt.rel)
			}
			entries, err := os.ReadDir(outside)
			if err != nil || len(entries) > 0 {
				t.Errorf("outside the data directory: %v, %v; want nothing", entries, err)
			}
		})
	}
}

// TestOffice_ArchiveReplacesLink: a copy whose name is a link to a file outside replaces the
// link; the file outside is never written through it.
func TestOffice_ArchiveReplacesLink(t *testing.T) {
	o := archiveOffice(t)
	rel := o.ArchivePath("BM.02.01/KH", "2026-11", "QLDN", "v1_bc.xlsx")
	if err := os.MkdirAll(filepath.Dir(filepath.Join(o.DataDir, rel)), 0o750); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(victim, []byte("untouched"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(o.DataDir, rel)); err != nil {
		t.Fatal(err)
	}
	if err := o.Archive(rel, []byte("workbook")); err != nil {
		t.Fatalf("Archive over a link: %v", err)
	}
	if got, _ := os.ReadFile(victim); string(got) != "untouched" {
		t.Errorf("file outside: got %q, want it untouched", got)
	}
	info, err := os.Lstat(filepath.Join(o.DataDir, rel))
	if err != nil || !info.Mode().IsRegular() {
		t.Errorf("archive copy: %v, %v; want a regular file in place of the link", info, err)
	}
}

// TestOpenDataDir_Mode: a data directory open to others or writable by its group is brought
// down to 0750; a stricter one is left as it is.
func TestOpenDataDir_Mode(t *testing.T) {
	for _, tt := range []struct {
		name      string
		has, want fs.FileMode
	}{{"Open", 0o777, 0o750}, {"GroupWrites", 0o770, 0o750}, {"Private", 0o700, 0o700}} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, tt.has); err != nil {
				t.Fatal(err)
			}
			root, err := OpenDataDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			root.Close()
			assertMode(t, dir, tt.want)
		})
	}
}

// TestOpen_DataDir: Open keeps one root for the archive, writes the template key 0600 and
// takes away what the data directory allowed beyond 0750.
func TestOpen_DataDir(t *testing.T) {
	o := archiveOffice(t)
	if err := os.MkdirAll(o.DataDir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(o.DataDir, 0o777); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), o.Config, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	assertMode(t, o.DataDir, 0o750)
	assertMode(t, filepath.Join(o.DataDir, "template.key"), 0o600)
	assertMode(t, filepath.Join(o.DataDir, "tonghop.lock"), 0o600)
	if s.Office.root == nil {
		t.Fatal("the opened office keeps no root")
	}
	again, err := LoadTemplateKey(o.Config)
	if err != nil || string(again) != string(s.Office.Key) || len(again) != 64 {
		t.Errorf("template key read again: %q, %v; want the one written, %q", again, err, s.Office.Key)
	}
	if err := os.Symlink(filepath.Dir(o.DataDir), filepath.Join(o.DataDir, "archive")); err != nil {
		t.Fatal(err)
	}
	if err := s.Office.Archive(s.Office.ArchivePath("BM.02.01/KH", "2026-11", "QLDN", "x.xlsx"), nil); err == nil {
		t.Error("archive through a link out of the data directory: got no error")
	}
}

// TestLoadTemplateKey_Refused: a template key that is a link out of the data directory, or an
// empty file, is not a key.
func TestLoadTemplateKey_Refused(t *testing.T) {
	tests := []struct {
		name  string
		plant func(t *testing.T, dir string)
	}{
		{"LinkOutside", func(t *testing.T, dir string) {
			secret := filepath.Join(filepath.Dir(dir), "secret")
			if err := os.WriteFile(secret, []byte("outside"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(secret, filepath.Join(dir, "template.key")); err != nil {
				t.Fatal(err)
			}
		}},
		{"DanglingLinkOutside", func(t *testing.T, dir string) {
			if err := os.Symlink(filepath.Join(filepath.Dir(dir), "made"), filepath.Join(dir, "template.key")); err != nil {
				t.Fatal(err)
			}
		}},
		{"Empty", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "template.key"), nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := archiveOffice(t)
			if err := os.MkdirAll(o.DataDir, 0o750); err != nil {
				t.Fatal(err)
			}
			tt.plant(t, o.DataDir)
			if key, err := LoadTemplateKey(o.Config); err == nil {
				t.Errorf("LoadTemplateKey: got key %q, want an error", key)
			}
			if _, err := os.Lstat(filepath.Join(filepath.Dir(o.DataDir), "made")); err == nil {
				t.Error("a key was written outside the data directory")
			}
		})
	}
}

func assertMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("mode of %s: got %o, want %o", path, got, want)
	}
}

// TestLock_RefusesLink: a lock file planted as a link (to a file outside) is not opened.
func TestLock_RefusesLink(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.Mkdir(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.Symlink(victim, filepath.Join(dir, "tonghop.lock")); err != nil {
		t.Fatal(err)
	}
	if unlock, err := Lock(dir); err == nil {
		_ = unlock()
		t.Error("Lock through a link: got no error")
	}
	if _, err := os.Lstat(victim); err == nil {
		t.Error("the link's target was created")
	}
}
