package dossier

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// file is one entry of a zip made for a test.
type file struct{ name, data string }

func makeZip(t testing.TB, files ...file) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sumLine(name, data string) string {
	s := sha256.Sum256([]byte(data))
	return fmt.Sprintf("%s  %s\n", hex.EncodeToString(s[:]), name)
}

func TestVerify(t *testing.T) {
	a, b := file{"thu-den/0001-aa.eml", "From: a\n\nhello"}, file{"ban-nop/QLDN/v1.xlsx", "PK workbook"}
	intact := sumLine(a.name, a.data) + sumLine(b.name, b.data)
	for _, tc := range []struct {
		name  string
		files []file
		want  []string
	}{
		{"intact", []file{a, b, {ManifestName, intact}}, nil},
		{"a changed byte", []file{{a.name, "From: a\n\nhellO"}, b, {ManifestName, intact}}, []string{"changed: " + a.name}},
		{"a file missing", []file{a, {ManifestName, intact}}, []string{"missing: " + b.name}},
		{"a file added", []file{a, b, {"x.txt", "x"}, {ManifestName, intact}}, []string{"extra: x.txt"}},
		{"a sum changed in the manifest", []file{a, b, {ManifestName, strings.Replace(intact, intact[:1], "f", 1)}},
			[]string{"changed: " + a.name}},
		{"a name listed twice", []file{a, b, {ManifestName, intact + sumLine(a.name, a.data)}}, []string{"listed twice: " + a.name}},
		{"a file twice in the zip", []file{a, a, b, {ManifestName, intact}}, []string{"listed twice: " + a.name}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := makeZip(t, tc.files...)
			problems, err := Verify(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("problems: got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestVerify_NotADossier(t *testing.T) {
	for name, data := range map[string][]byte{
		"not a zip":        []byte("hello"),
		"no manifest":      makeZip(t, file{"a", "b"}),
		"a malformed line": makeZip(t, file{"a", "b"}, file{ManifestName, "abc a\n"}),
	} {
		if _, err := Verify(bytes.NewReader(data), int64(len(data))); !errors.Is(err, ErrNotDossier) {
			t.Errorf("%s: got %v, want ErrNotDossier", name, err)
		}
	}
}

// FuzzVerify: a dossier comes from outside; whatever it holds, Verify answers without panic.
func FuzzVerify(f *testing.F) {
	f.Add(makeZip(f, file{"a", "b"}, file{ManifestName, sumLine("a", "b")}))
	f.Add(makeZip(f, file{ManifestName, "zz  a\n"}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		problems, err := Verify(bytes.NewReader(data), int64(len(data)))
		if err != nil && len(problems) > 0 {
			t.Errorf("problems with an error: %v", err)
		}
	})
}
