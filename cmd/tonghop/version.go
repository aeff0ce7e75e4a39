package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
)

// runVersion prints what the binary was built from, read from the build information the Go
// toolchain embeds: the module version ("go install …@v1.2.0" sets it; a build in a clone sets a
// pseudo-version from the commit), the VCS revision and whether the tree had changes (a build
// in a clone), and the Go version. Nothing has to be passed at build time.
func runVersion(_ context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlags("version", "version", "Print the version of tonghop: module version, source revision and Go version.\n"+
		"'tonghop --version' is the same.", stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprint(stdout, versionText(info))
	return nil
}

// versionText renders the build information; info is nil when the binary carries none.
func versionText(info *debug.BuildInfo) string {
	if info == nil {
		return "tonghop (no build information)\n"
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	text := "tonghop " + version + "\n"
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		text += "revision " + rev
		if t := settings["vcs.time"]; t != "" {
			text += " (" + t + ")"
		}
		if settings["vcs.modified"] == "true" {
			text += ", with uncommitted changes"
		}
		text += "\n"
	}
	return text + fmt.Sprintf("built with %s\n", info.GoVersion)
}

// buildVersion is the module version and revision on one line, for the daemon's start log.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			v += " " + s.Value
		case s.Key == "vcs.modified" && s.Value == "true":
			v += "+modified"
		}
	}
	return v
}
