package main

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tonghop/tonghop/internal/demotest"
	"github.com/tonghop/tonghop/internal/officetest"
)

// sharedDemo is the demo command's run made once for the package's tests (TestMain removes
// it), each test taking a copy of it to change as it likes. The binary the process tests build
// runs it (binary, without the race detector): here the demo only makes the office the tests
// read, and under the race detector it cost three times the CPU, while package demo's own test
// runs it under the detector.
var sharedDemo struct {
	once sync.Once
	dir  string // holds the demo's directory, "demo"
	err  error
}

// demoCopy runs the demo command once (`tonghop demo --dir`, as the README's first command),
// then copies its directory, modes kept, to dst and returns the copy's path (dst/demo).
func demoCopy(t *testing.T, dst string) string {
	t.Helper()
	bin := binary(t)
	sharedDemo.once.Do(func() {
		sharedDemo.dir, sharedDemo.err = os.MkdirTemp("", "tonghop-demo-")
		if sharedDemo.err != nil {
			return
		}
		// Without LibreOffice: verify and dossier do not read the PDFs.
		sharedDemo.err = demotest.Run(bin, filepath.Join(sharedDemo.dir, "demo"), demotest.WithoutOffice())
	})
	if sharedDemo.err != nil {
		t.Fatal(sharedDemo.err)
	}
	src, to := filepath.Join(sharedDemo.dir, "demo"), filepath.Join(dst, "demo")
	officetest.CopyTree(t, src, to)
	return to
}
