package layers

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/tonghop/tonghop/"

// TestFloors checks every package of the module against the floor plan: each is placed, and
// each non-test import of the module's own packages is on a lower floor.
func TestFloors(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range packageDirs(t, root) {
		rel := filepath.ToSlash(strings.TrimPrefix(dir, root+string(filepath.Separator)))
		floor, ok := Floors[rel]
		if !ok {
			t.Errorf("package %s has no floor in layers.Floors: place it", rel)
			continue
		}
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		for _, imp := range pkg.Imports {
			dep, ours := strings.CutPrefix(imp, module)
			if !ours {
				continue
			}
			if f, ok := Floors[dep]; !ok || f >= floor {
				t.Errorf("%s (floor %d) imports %s (floor %d): a package imports only lower floors", rel, floor, dep, f)
			}
		}
	}
}

// TestFloors_ConfigImportsOnlyValues holds the configuration to data and validation: it may read
// form layouts, periods, the canonical form of addresses and of document numbers (docnumber: a
// form's symbol is validated by the rule that prints it), nothing that runs.
func TestFloors_ConfigImportsOnlyValues(t *testing.T) {
	pkg, err := build.ImportDir("../../config", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if dep, ours := strings.CutPrefix(imp, module); ours && dep != "form" && dep != "period" && dep != "address" && dep != "docnumber" {
			t.Errorf("config imports %s; it may import only form, period, address and docnumber", dep)
		}
	}
}

// packageDirs lists the directories holding non-test Go files, testdata and hidden ones aside.
func packageDirs(t *testing.T, root string) []string {
	t.Helper()
	seen := map[string]bool{}
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		dir := filepath.Dir(path)
		if !d.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") && !seen[dir] {
			seen[dir] = true
			dirs = append(dirs, dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 20 {
		t.Fatalf("found %d packages under %s: the walk is wrong", len(dirs), root)
	}
	return dirs
}
