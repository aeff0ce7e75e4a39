package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
)

// TestUsage_Aligned: every command's summary starts in the same column of 'tonghop --help'.
func TestUsage_Aligned(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	usage(&out)
	column := -1
	for _, c := range commands() {
		line := lineStarting(out.String(), "  "+c.name+" ")
		if line == "" {
			t.Fatalf("command %q is not listed in:\n%s", c.name, out.String())
		}
		at := strings.Index(line, c.summary)
		if column == -1 {
			column = at
		}
		if at != column {
			t.Errorf("summary of %q starts at column %d, want %d:\n%s", c.name, at, column, out.String())
		}
	}
}

// TestHelp_EveryCommand: every command's help names each of its flags in its synopsis, and
// lists the flags with their descriptions in one column.
func TestHelp_EveryCommand(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		args := []string{c.name, "--help"}
		if c.name == "config" {
			args = []string{"config", "check", "--help"}
		}
		if c.name == "user" {
			args = []string{"user", "add", "--help"}
		}
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
				t.Fatalf("%v: exit code %d, want 0 (stderr %q)", args, code, stderr.String())
			}
			synopsis, flags := splitHelp(stdout.String())
			if synopsis == "" {
				t.Fatalf("%v: no Usage line in:\n%s", args, stdout.String())
			}
			for _, line := range flags {
				name, rest, _ := strings.Cut(strings.TrimPrefix(line, "  "), " ")
				if !mentions(synopsis, name) {
					t.Errorf("flag %s is not in the synopsis %q", name, synopsis)
				}
				if strings.TrimSpace(rest) == "" {
					t.Errorf("flag %s has no description", name)
				}
			}
			checkFlagColumn(t, flags)
		})
	}
}

// checkFlagColumn fails unless every flag's description starts in the same column: the widest
// "--flag ARG" head is followed by two spaces.
func checkFlagColumn(t *testing.T, flags []string) {
	t.Helper()
	column := -1
	for _, line := range flags {
		at := strings.Index(line[2:], "  ")
		if at < 0 {
			t.Errorf("flag line %q has no description column", line)
			continue
		}
		desc := 2 + at + len(line[2+at:]) - len(strings.TrimLeft(line[2+at:], " "))
		if column == -1 {
			column = desc
		}
		if desc != column {
			t.Errorf("description of %q starts at column %d, want %d", line, desc, column)
		}
	}
}

// splitHelp returns the synopsis lines of a command's help joined in one string, and its
// flag lines.
func splitHelp(help string) (synopsis string, flags []string) {
	lines := strings.Split(help, "\n")
	for i, line := range lines {
		if !strings.HasPrefix(line, "Usage: tonghop ") {
			continue
		}
		synopsis = line
		for _, more := range lines[i+1:] {
			if !strings.HasPrefix(more, " ") {
				break
			}
			synopsis += "\n" + more
		}
		break
	}
	in := false
	for _, line := range lines {
		switch {
		case line == "Flags:":
			in = true
		case in && strings.HasPrefix(line, "  -"):
			flags = append(flags, line)
		case in && line != "":
			in = false
		}
	}
	return synopsis, flags
}

// mentions reports whether the synopsis names the flag as a word of its own ("--unit", not
// the start of "--units").
func mentions(synopsis, flag string) bool {
	return regexp.MustCompile(`(^|[\s\[(|])` + regexp.QuoteMeta(flag) + `($|[\s\])|=])`).MatchString(synopsis)
}

func lineStarting(text, prefix string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	return ""
}
