package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// printFlags lists a command's flags as its synopsis writes them ("--config FILE", "-o FILE"),
// their descriptions in one column. Nothing is printed for a command without flags.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	type row struct{ head, text string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		arg, text := flag.UnquoteUsage(f)
		head := flagName(f.Name)
		if arg != "" {
			head += " " + placeholder(arg)
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			text += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		rows = append(rows, row{head, text})
		width = max(width, len(head))
	})
	if len(rows) == 0 {
		return
	}
	fmt.Fprintln(w, "\nFlags:")
	for _, r := range rows {
		fmt.Fprintf(w, "  %-*s  %s\n", width, r.head, r.text)
	}
}

// flagName is a flag as the synopses write it: one dash for a one-letter flag ("-o"), two for
// the others ("--config"); the flag package accepts either.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// placeholder is the argument of a flag as synopses write it: a word the usage text names
// ("configuration `file`") in capitals, a type the flag package guesses for a flag whose text
// names none ("string") as what it holds, anything else ("all|U1,U2", "YYYY-MM-DD HH:MM") as is.
func placeholder(arg string) string {
	switch arg {
	case "string":
		return "TEXT"
	case "int", "uint", "float":
		return "N"
	}
	if strings.Trim(arg, "abcdefghijklmnopqrstuvwxyz") == "" {
		return strings.ToUpper(arg)
	}
	return arg
}
