package xlsconv

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestNew(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, mode os.FileMode) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("#!/bin/sh\n"), mode); err != nil {
			t.Fatal(err)
		}
		return path
	}
	mkdir := func(name string) string {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(path, 0o755); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name     string
		path     string
		wantKind string
		wantErr  error // nil: success; errAny: some error
	}{
		{name: "ssconvert", path: write("ssconvert", 0o755), wantKind: KindSsconvert},
		{name: "soffice", path: write("soffice", 0o755), wantKind: KindSoffice},
		{name: "libreoffice", path: write("libreoffice", 0o755), wantKind: KindSoffice},
		{name: "versioned libreoffice", path: write("libreoffice7.4", 0o755), wantKind: KindSoffice},
		{name: "missing", path: filepath.Join(dir, "nothing", "ssconvert"), wantErr: ErrNotFound},
		{name: "directory named ssconvert", path: mkdir("ssconvert.d/ssconvert"), wantErr: ErrNotFound},
		{name: "unknown program", path: write("excel.exe", 0o755), wantErr: errAny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.path)
			switch {
			case tt.wantErr == nil && err != nil:
				t.Fatalf("New(%q): got error %v, want none", tt.path, err)
			case tt.wantErr == errAny && err == nil, tt.wantErr == ErrNotFound && !errors.Is(err, ErrNotFound):
				t.Fatalf("New(%q): got error %v, want %v", tt.path, err, tt.wantErr)
			case tt.wantErr == nil && c.Kind != tt.wantKind:
				t.Errorf("New(%q).Kind: got %q, want %q", tt.path, c.Kind, tt.wantKind)
			}
		})
	}
}

// errAny stands for "some error" in table tests.
var errAny = errors.New("any error")

func TestNew_NotExecutable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ssconvert")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(path); !errors.Is(err, ErrNotFound) {
		t.Errorf("New(non-executable): got %v, want ErrNotFound", err)
	}
}

func TestFind(t *testing.T) {
	t.Run("Installed", func(t *testing.T) {
		c, err := Find()
		if err != nil {
			t.Skipf("no converter installed: %v", err)
		}
		if c.Kind != KindSsconvert && c.Kind != KindSoffice {
			t.Errorf("Find().Kind: got %q, want ssconvert or soffice", c.Kind)
		}
		t.Logf("found %s", c)
	})
	t.Run("PrefersSsconvert", func(t *testing.T) {
		dir := t.TempDir()
		for _, name := range []string{"soffice", "ssconvert"} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		t.Setenv("PATH", dir)
		c, err := Find()
		if err != nil {
			t.Fatalf("Find: %v", err)
		}
		if want := filepath.Join(dir, "ssconvert"); c.Path != want || c.Kind != KindSsconvert {
			t.Errorf("Find: got %s, want ssconvert (%s)", c, want)
		}
	})
	t.Run("LibreofficeOnly", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "libreoffice"), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("PATH", dir)
		c, err := Find()
		if err != nil || c.Kind != KindSoffice {
			t.Errorf("Find: got %v, %v; want soffice kind", c, err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		if c, err := Find(); !errors.Is(err, ErrNotFound) {
			t.Errorf("Find with empty PATH: got %v, %v; want ErrNotFound", c, err)
		}
	})
}

func TestConverter_String(t *testing.T) {
	c := &Converter{Path: "/usr/bin/ssconvert", Kind: KindSsconvert}
	if got, want := c.String(), "ssconvert (/usr/bin/ssconvert)"; got != want {
		t.Errorf("String: got %q, want %q", got, want)
	}
}

func TestConverter_limits(t *testing.T) {
	tests := []struct {
		name string
		c    Converter
		want limits
	}{
		{name: "ssconvert defaults", c: Converter{Kind: KindSsconvert},
			want: limits{20 * time.Second, 1 << 30, 20 << 20, 50 << 20}},
		{name: "soffice defaults", c: Converter{Kind: KindSoffice},
			want: limits{60 * time.Second, 2 << 30, 20 << 20, 50 << 20}},
		{name: "explicit", c: Converter{Kind: KindSoffice, Timeout: time.Second, MaxMemory: 5, MaxInput: 6, MaxOutput: 7},
			want: limits{time.Second, 5, 6, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.limits(); got != tt.want {
				t.Errorf("limits: got %+v, want %+v", got, tt.want)
			}
		})
	}
}
