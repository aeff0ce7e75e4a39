package xlsconv

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestConverter_ToXLSX_Refused checks inputs refused before any program runs.
func TestConverter_ToXLSX_Refused(t *testing.T) {
	t.Parallel()
	viet := readFixture(t, "vietnamese-utf8.xls")
	tests := []struct {
		name     string
		input    []byte
		maxInput int64
		wantErr  error
	}{
		{name: "too large", input: viet, maxInput: 1000, wantErr: ErrTooLarge},
		{name: "html saved as xls", input: []byte("<html><body><table><tr><td>1</td></tr></table></body></html>"), wantErr: ErrNotXLS},
		{name: "xlsx renamed", input: []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"), wantErr: ErrNotXLS},
		{name: "empty", input: nil, wantErr: ErrNotXLS},
		{name: "csv", input: []byte("STT,Nội dung\n1,Rà soát\n"), wantErr: ErrNotXLS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mark := fakeConverter(t, "ssconvert", "touch MARK/ran")
			c.MaxInput = tt.maxInput
			out, err := c.ToXLSX(context.Background(), tt.input)
			if !errors.Is(err, ErrFailed) || !errors.Is(err, tt.wantErr) || out != nil {
				t.Fatalf("got %d bytes, %v; want ErrFailed and %v", len(out), err, tt.wantErr)
			}
			if _, err := os.Stat(filepath.Join(mark, "ran")); err == nil {
				t.Errorf("converter ran: got a run, want none")
			}
		})
	}
}

// TestConverter_ToXLSX_Failures checks how a misbehaving converter is reported.
func TestConverter_ToXLSX_Failures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		script    string
		maxOutput int64
		wantErr   error
		wantText  string
	}{
		{name: "error exit", script: "echo 'E No Workbook or Book streams found' >&2; exit 1",
			wantText: "No Workbook or Book streams found"},
		{name: "exit 0 without output", script: "echo 'Error: source file could not be loaded'; exit 0",
			wantText: "no output"},
		{name: "incomplete zip", script: "printf 'PK\\003\\004half a zip' > out.xlsx", wantText: "not a complete xlsx"},
		{name: "output too large", script: "head -c 4096 /dev/zero > out.xlsx", maxOutput: 1024, wantErr: ErrTooLarge},
		{name: "crash", script: "kill -SEGV $$", wantText: "segmentation fault"},
		{name: "output flood", script: "yes 'lỗi lặp lại' | head -c 5000000 >&2; exit 1", wantText: "lỗi lặp lại"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := fakeConverter(t, "ssconvert", tt.script)
			c.MaxOutput = tt.maxOutput
			out, err := c.ToXLSX(context.Background(), readFixture(t, "vietnamese-utf8.xls"))
			if !errors.Is(err, ErrFailed) || out != nil {
				t.Fatalf("got %d bytes, %v; want no output and ErrFailed", len(out), err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("got %v, want it to wrap %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("got %q, want it to contain %q", err, tt.wantText)
			}
			if len(err.Error()) > tailSize+200 {
				t.Errorf("error length: got %d, want at most %d", len(err.Error()), tailSize+200)
			}
		})
	}
}

// TestConverter_ToXLSX_Timeout checks that a hanging converter and the child it forked are
// killed, and that its private directory is removed.
func TestConverter_ToXLSX_Timeout(t *testing.T) {
	t.Parallel()
	c, mark := fakeConverter(t, "soffice", "sleep 300 & echo $! > MARK/child\necho $$ > MARK/pid\nexec sleep 301")
	c.Timeout = 500 * time.Millisecond
	out, err := c.ToXLSX(context.Background(), readFixture(t, "vietnamese-utf8.xls"))
	if !errors.Is(err, ErrFailed) || out != nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("got %d bytes, %v; want ErrFailed timed out", len(out), err)
	}
	waitGone(t, readPID(t, filepath.Join(mark, "pid")))
	waitGone(t, readPID(t, filepath.Join(mark, "child")))
}

// TestConverter_ToXLSX_Real1msTimeout runs the real ssconvert with a timeout it cannot meet.
func TestConverter_ToXLSX_Real1msTimeout(t *testing.T) {
	t.Parallel()
	c := realConverter(t, "ssconvert")
	c.Timeout = time.Millisecond
	if _, err := c.ToXLSX(context.Background(), readFixture(t, "vietnamese-utf8.xls")); !errors.Is(err, ErrFailed) {
		t.Fatalf("got %v, want ErrFailed", err)
	}
}

// TestConverter_ToXLSX_Cancel checks that the caller giving up is not reported as a bad file.
func TestConverter_ToXLSX_Cancel(t *testing.T) {
	t.Parallel()
	c, mark := fakeConverter(t, "ssconvert", "echo $$ > MARK/pid\nexec sleep 300")
	c.Timeout = time.Minute
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := c.ToXLSX(ctx, readFixture(t, "vietnamese-utf8.xls"))
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrFailed) {
		t.Fatalf("got %v, want context.DeadlineExceeded without ErrFailed", err)
	}
	waitGone(t, readPID(t, filepath.Join(mark, "pid")))

	cancelled, cancelNow := context.WithCancel(context.Background())
	cancelNow()
	if _, err := c.ToXLSX(cancelled, readFixture(t, "vietnamese-utf8.xls")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before start: got %v, want context.Canceled", err)
	}
}

// TestConverter_ToXLSX_Sandbox checks what the child sees: a minimal environment, its private
// directory as home and working directory, and the resource limits.
func TestConverter_ToXLSX_Sandbox(t *testing.T) {
	t.Setenv("TONGHOP_SECRET", "must-not-leak")
	c, mark := fakeConverter(t, "ssconvert", "env > MARK/env; pwd > MARK/pwd; cat /proc/self/limits > MARK/limits; exit 1")
	c.MaxMemory = 700 << 20
	c.Timeout = 5 * time.Second
	if _, err := c.ToXLSX(context.Background(), readFixture(t, "vietnamese-utf8.xls")); !errors.Is(err, ErrFailed) {
		t.Fatalf("got %v, want ErrFailed", err)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(mark, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	pwd := strings.TrimSpace(read("pwd"))
	if !strings.HasPrefix(pwd, c.TempDir+"/xlsconv-") {
		t.Errorf("working directory: got %q, want under %q", pwd, c.TempDir)
	}
	env := read("env")
	for _, v := range environment(pwd) {
		if !strings.Contains(env, v+"\n") {
			t.Errorf("environment: got %q, want it to contain %q", env, v)
		}
	}
	if strings.Contains(env, "must-not-leak") {
		t.Errorf("environment: got %q, want no variable of the daemon", env)
	}
	if _, limited := withResourceLimits(nil, c.limits()); !limited {
		t.Skip("prlimit not installed: limits not applied")
	}
	limitsText := read("limits")
	for _, want := range []string{
		"Max address space         " + strconv.Itoa(700<<20),
		"Max cpu time              6 ",
		"Max core file size        0 ",
	} {
		if !strings.Contains(limitsText, want) {
			t.Errorf("limits: got\n%s\nwant a line starting %q", limitsText, want)
		}
	}
}

// TestConverter_ToXLSX_MemoryLimit runs the real ssconvert with too little address space.
func TestConverter_ToXLSX_MemoryLimit(t *testing.T) {
	t.Parallel()
	c := realConverter(t, "ssconvert")
	if _, limited := withResourceLimits(nil, c.limits()); !limited {
		t.Skip("prlimit not installed")
	}
	c.MaxMemory = 16 << 20
	_, err := c.ToXLSX(context.Background(), readFixture(t, "vietnamese-utf8.xls"))
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("got %v, want ErrFailed", err)
	}
	t.Logf("16 MiB: %v", err)
}
