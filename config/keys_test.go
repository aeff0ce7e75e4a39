package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestParse_PreviousTemplateKeys: the old keys are read from a file next to the configuration,
// one a line without blank lines and comments; a file that cannot be read or holds no key is a
// problem named by its key path, never an empty ring.
func TestParse_PreviousTemplateKeys(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("old.keys", "# before the server moved, 2026-03\n3f9a0c\n\n  khóa thứ hai  \r\n")
	write("empty.keys", "# nothing yet\n\n")
	parse := func(file string) (*Config, error) {
		src := strings.Replace(minimal, "[office]\n", "[office]\nprevious_template_keys_file = \""+file+"\"\n", 1)
		return Parse([]byte(src), filepath.Join(dir, "tonghop.toml"))
	}
	c, err := parse("old.keys")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"3f9a0c", "khóa thứ hai"}; !slices.Equal(c.Office.PreviousTemplateKeys, want) {
		t.Errorf("keys: got %q, want %q", c.Office.PreviousTemplateKeys, want)
	}
	for file, want := range map[string]string{
		"empty.keys":   "office.previous_template_keys_file: \"" + filepath.Join(dir, "empty.keys") + "\" holds no key",
		"missing.keys": "office.previous_template_keys_file: cannot read",
	} {
		if _, err := parse(file); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want an error containing %q", file, err, want)
		}
	}
}
