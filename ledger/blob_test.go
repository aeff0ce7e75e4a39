package ledger

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestBlob_RoundTrip(t *testing.T) {
	l := openTest(t)
	tests := []struct {
		name string
		data []byte
	}{
		{"Empty", []byte{}},
		{"Text", []byte("Báo cáo tháng 11")},
		{"Large", bytes.Repeat([]byte{0, 1, 2, 0xff}, 1<<18)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sha, err := l.PutBlob(tt.data)
			if err != nil {
				t.Fatalf("PutBlob: %v", err)
			}
			if want := sha256Hex(string(tt.data)); sha != want {
				t.Errorf("sha: got %s, want %s", sha, want)
			}
			wantPath := filepath.Join(l.Dir(), "blobs", sha[:2], sha[2:])
			if got := l.BlobPath(sha); got != wantPath {
				t.Errorf("BlobPath: got %s, want %s", got, wantPath)
			}
			again, err := l.PutBlob(tt.data)
			if err != nil || again != sha {
				t.Errorf("PutBlob again = %s, %v; want %s, nil", again, err, sha)
			}
			got, err := l.Blob(sha)
			if err != nil || !bytes.Equal(got, tt.data) {
				t.Errorf("Blob: got %d bytes (%v), want the %d stored", len(got), err, len(tt.data))
			}
		})
	}
	entries, err := os.ReadDir(filepath.Join(l.Dir(), "blobs", sha256Hex("Báo cáo tháng 11")[:2]))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestBlob_Errors(t *testing.T) {
	l := openTest(t)
	sha := mustPut(t, l, "original content")
	path := l.BlobPath(sha)
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("tampered content"), 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Blob(sha); !errors.Is(err, ErrBlobCorrupt) {
		t.Errorf("Blob of tampered file: got %v, want ErrBlobCorrupt", err)
	}
	if _, err := l.Blob(sha256Hex("absent")); !errors.Is(err, ErrNotFound) {
		t.Errorf("Blob of absent sha: got %v, want ErrNotFound", err)
	}
	for _, bad := range []string{"", "../../etc/passwd", strings.ToUpper(sha), sha[:63]} {
		if _, err := l.Blob(bad); err == nil {
			t.Errorf("Blob(%q): got nil error, want a refusal", bad)
		}
		if p := l.BlobPath(bad); p != "" {
			t.Errorf("BlobPath(%q): got %q, want \"\"", bad, p)
		}
	}
}

// FuzzBlobPath feeds names that may come from a damaged database or a crafted request: a path is
// either "" or inside the blob tree, named by the sha itself.
func FuzzBlobPath(f *testing.F) {
	for _, seed := range []string{"", "..", "../../etc/passwd", sha256Hex("x"), strings.ToUpper(sha256Hex("x")),
		sha256Hex("x")[:63] + "/", "ab/" + sha256Hex("x")[3:]} {
		f.Add(seed)
	}
	l := &Ledger{dir: "/ledger"}
	f.Fuzz(func(t *testing.T, sha string) {
		p := l.BlobPath(sha)
		if p == "" {
			return
		}
		want := filepath.Join("/ledger", "blobs", sha[:2], sha[2:])
		if p != want || filepath.Clean(p) != p || !validSHA(sha) {
			t.Errorf("BlobPath(%q) = %q, want %q for a valid sha only", sha, p, want)
		}
	})
}
