package xlsconv

import (
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"strconv"
)

// Fixed names inside the private directory: nothing a sender chose reaches a command line.
const (
	inputName     = "in.xls"
	ssconvertOut  = "out.xlsx"
	sofficeOutDir = "out"
	sofficeOut    = "out/in.xlsx"
	sofficeProf   = "profile"
)

// command returns the argument list (program first) converting dir/in.xls, and the path of
// the file it writes. The child runs with dir as its working directory.
func (c *Converter) command(dir string) (argv []string, output string, err error) {
	switch c.Kind {
	case KindSsconvert:
		return []string{
			c.Path,
			// Forcing the importer stops ssconvert from probing other formats (CSV, HTML…).
			"--import-type=Gnumeric_Excel:excel",
			// xlsx2 is the ISO/IEC 29500 (Excel 2010) writer; xlsx is ECMA-376 1st edition.
			"--export-type=Gnumeric_Excel:xlsx2",
			inputName,
			ssconvertOut,
		}, filepath.Join(dir, ssconvertOut), nil
	case KindSoffice:
		profile := url.URL{Scheme: "file", Path: filepath.Join(dir, sofficeProf)}
		return []string{
			c.Path,
			"--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
			// A fresh profile per conversion: default macro security, no user settings,
			// and no hand-over to another running instance sharing a profile.
			"-env:UserInstallation=" + profile.String(),
			// Without a forced filter LibreOffice imports anything (random bytes become a
			// text import) and, since it exits 0 regardless, that would look like success.
			"--infilter=MS Excel 97",
			"--convert-to", "xlsx:Calc MS Excel 2007 XML",
			"--outdir", sofficeOutDir,
			inputName,
		}, filepath.Join(dir, sofficeOut), nil
	}
	return nil, "", fmt.Errorf("xls converter kind %q: unknown, want %s or %s", c.Kind, KindSsconvert, KindSoffice)
}

// environment is the child's whole environment: HOME and TMPDIR in the private directory so
// nothing is read from or left in a real home, and GSettings kept in memory (no dconf). A
// conversion that wrote its own fontconfig file there (ToPDF) gets it.
func environment(dir string) []string {
	env := baseEnvironment(dir)
	if conf := filepath.Join(dir, fontsConf); fileExists(conf) {
		env = append(env, "FONTCONFIG_FILE="+conf)
	}
	return env
}

func baseEnvironment(dir string) []string {
	return []string{
		"HOME=" + dir,
		"TMPDIR=" + dir,
		"PATH=/usr/bin:/bin",
		"LANG=C.UTF-8",
		"LC_ALL=C.UTF-8",
		"GSETTINGS_BACKEND=memory",
		"NO_AT_BRIDGE=1",
	}
}

// withResourceLimits prefixes argv with prlimit(1) when it is installed, so the child starts
// with bounded address space, CPU time, file size and no core dumps (a crash on a hostile file
// must not write a core). It reports whether the limits apply.
func withResourceLimits(argv []string, l limits) ([]string, bool) {
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		return argv, false
	}
	cpuSeconds := int64(l.timeout.Seconds()) + 1
	// Leave room over MaxOutput: the converter writes the output and temporary files;
	// a larger output is refused after the run with a clearer error.
	fileSize := max(2*l.maxOutput, 64<<20)
	prefix := []string{
		prlimit,
		"--as=" + strconv.FormatInt(l.maxMemory, 10),
		"--cpu=" + strconv.FormatInt(cpuSeconds, 10),
		"--fsize=" + strconv.FormatInt(fileSize, 10),
		"--core=0",
		"--",
	}
	return append(prefix, argv...), true
}
