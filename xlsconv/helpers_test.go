package xlsconv

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// heavyEnv opts in to the extra LibreOffice conversions (about 5 s each on two cores).
const heavyEnv = "XLSCONV_HEAVY"

// realConverter returns the installed program name with a private TempDir checked for
// leftovers when the test ends, or skips when it is not installed.
func realConverter(t *testing.T, name string) *Converter {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed", name)
	}
	c, err := New(path)
	if err != nil {
		t.Fatalf("New(%q): %v", path, err)
	}
	c.TempDir = emptyAtEnd(t)
	return c
}

// needSoffice skips LibreOffice tests in -short mode; heavy ones also need XLSCONV_HEAVY=1.
func needSoffice(t *testing.T, heavy bool) {
	t.Helper()
	if testing.Short() {
		t.Skip("LibreOffice takes seconds per conversion; skipped in -short mode")
	}
	if heavy && os.Getenv(heavyEnv) == "" {
		t.Skipf("extra LibreOffice conversion; set %s=1 to run it", heavyEnv)
	}
}

// emptyAtEnd is a temporary directory that must be empty again when the test ends: every
// conversion removes its private directory.
func emptyAtEnd(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Cleanup(func() {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Errorf("read temp dir: %v", err)
		}
		for _, e := range entries {
			t.Errorf("leftover in temp dir: got %s, want nothing", e.Name())
		}
	})
	return dir
}

// fakeConverter installs script as a program called name (so New derives the kind from it).
// MARK in the script is replaced by a directory the test can inspect afterwards.
func fakeConverter(t *testing.T, name, script string) (c *Converter, mark string) {
	t.Helper()
	mark = t.TempDir()
	bin := filepath.Join(t.TempDir(), name)
	text := "#!/bin/sh\n" + strings.ReplaceAll(script, "MARK", mark) + "\n"
	if err := os.WriteFile(bin, []byte(text), 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := New(bin)
	if err != nil {
		t.Fatalf("New(%q): %v", bin, err)
	}
	c.TempDir = emptyAtEnd(t)
	return c, mark
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// cell is what a converted workbook holds in one cell, as excelize reads it.
type cell struct {
	raw       string // unformatted value (numbers as written in the XML)
	formatted string // value with the number format applied
	typ       excelize.CellType
	formula   string
}

// readCells opens an .xlsx and returns every non-empty cell keyed "Sheet!A1".
func readCells(t *testing.T, xlsx []byte) map[string]cell {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatalf("open converted workbook: %v", err)
	}
	defer f.Close()
	cells := map[string]cell{}
	for _, sheet := range f.GetSheetList() {
		raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("read sheet %q: %v", sheet, err)
		}
		for r, row := range raw {
			for col, value := range row {
				if value == "" {
					continue
				}
				name, _ := excelize.CoordinatesToCellName(col+1, r+1)
				formatted, _ := f.GetCellValue(sheet, name)
				typ, _ := f.GetCellType(sheet, name)
				formula, _ := f.GetCellFormula(sheet, name)
				cells[sheet+"!"+name] = cell{raw: value, formatted: formatted, typ: typ, formula: formula}
			}
		}
	}
	return cells
}

// processGone reports whether pid has exited (gone, or a zombie waiting for its reaper).
func processGone(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	// The state follows the parenthesised command name: "pid (comm) S ...".
	i := bytes.LastIndexByte(stat, ')')
	return i >= 0 && i+2 < len(stat) && (stat[i+2] == 'Z' || stat[i+2] == 'X')
}

// waitGone waits up to a generous bound for a killed process to disappear; SIGKILL is
// asynchronous, so there is no event to wait on instead.
func waitGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !processGone(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("process %d still running after the conversion ended", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// readPID reads a pid a fake converter wrote into its mark directory.
func readPID(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("fake converter did not record its pid: %v", err)
	}
	var pid int
	if _, err := fmt.Sscan(string(data), &pid); err != nil {
		t.Fatalf("pid file %q: %v", data, err)
	}
	return pid
}
