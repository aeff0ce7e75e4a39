package main

import (
	"archive/zip"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck_Word: `tonghop check` judges a Word report as the daemon does, for a unit.
func TestCheck_Word(t *testing.T) {
	cfg := exampleConfig(t)
	doc := filepath.Join(filepath.Dir(cfg), "bao-cao.docx")
	zipDir(t, filepath.Join("..", "..", "receive", "testdata", "word", "word2016"), doc)
	tests := []struct {
		name     string
		args     []string
		code     int
		inOutput string
	}{
		{"For a unit, a form with figures", []string{"check", "--config", cfg, "--unit", "QLDN", doc}, 2, "BM.02.01/KH (Báo cáo kết quả thực hiện nhiệm vụ) có phần số liệu nên phải gửi bằng tệp mẫu Excel"},
		{"Without a unit", []string{"check", "--config", cfg, doc}, 1, "give --unit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stdout+stderr, tc.inOutput) {
				t.Errorf("exit %d, stdout:\n%s\nstderr: %s\nwant exit %d and output containing %q", code, stdout, stderr, tc.code, tc.inOutput)
			}
		})
	}
}

// zipDir zips the files under dir into the file out.
func zipDir(t *testing.T, dir, out string) {
	t.Helper()
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	err = fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		w, err := zw.Create(name)
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
}
