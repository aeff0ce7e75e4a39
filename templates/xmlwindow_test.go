package templates

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// chunkReader gives its data n bytes at a time, as a zip entry's inflater may.
type chunkReader struct {
	data []byte
	n    int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.data)
	r.data = r.data[k:]
	return k, nil
}

func (r *chunkReader) Close() error { return nil }

// tokens lists what s reads, token by token, as text: kind, name, attributes, decoded text,
// offset; the last line is the error or the end. After stopAt tokens it asks restHasRow.
func tokens(s *xmlScan, stopAt int) []string {
	var out []string
	for i := 0; ; i++ {
		if i == stopAt {
			found, err := s.restHasRow()
			return append(out, fmt.Sprintf("rest row %v %v", found, err))
		}
		kind, name, self, err := s.next()
		if err != nil {
			return append(out, "error "+err.Error())
		}
		line := fmt.Sprintf("%d %q %v depth %d at %d", kind, name, self, s.depth(), s.offset())
		switch kind {
		case tokEOF:
			return append(out, line)
		case tokStart:
			line += fmt.Sprintf(" raw %q", s.raw)
			for _, a := range s.attrs {
				line += fmt.Sprintf(" %q=%q", a.name, a.value)
			}
		case tokText:
			t, err := s.text(name)
			line += fmt.Sprintf(" text %q %v check %v", t, err, s.check(name))
		}
		out = append(out, line)
	}
}

// FuzzXMLWindow checks that a part streamed through a small window reads token for token as
// the part held whole: the window's moves and growth change nothing.
func FuzzXMLWindow(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><worksheet a='x>y' b="q"><!-- c -- d --><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><x:row/></worksheet>`), uint8(3), uint8(5), uint8(255))
	f.Add([]byte(`<a><b>`+strings.Repeat("text &amp; more ", 20)+`</b><!-- x --><?pi y?></a>`), uint8(1), uint8(1), uint8(4))
	f.Add([]byte(`<a></b>`), uint8(2), uint8(4), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, chunk, window, stopAt uint8) {
		want := tokens(&xmlScan{data: data}, int(stopAt))
		s := streamScanSized(&chunkReader{data: bytes.Clone(data), n: int(chunk) + 1}, int(window)+1)
		got := tokens(s, int(stopAt))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("streamed:\n%s\nwhole:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// TestXMLWindowReadError: a fault reading the part is a bail, never a short part read as whole.
func TestXMLWindowReadError(t *testing.T) {
	s := streamScanSized(&failReader{data: []byte(`<a><b>x</b>`)}, 4)
	var err error
	for err == nil {
		var kind tokKind
		kind, _, _, err = s.next()
		if kind == tokEOF && err == nil {
			t.Fatal("read to the end despite the fault")
		}
	}
	if !errors.Is(err, errBail) {
		t.Errorf("got %v, want errBail", err)
	}
}

type failReader struct{ data []byte }

func (r *failReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, errors.New("flate: corrupt input")
	}
	k := copy(p[:min(len(p), 3)], r.data)
	r.data = r.data[k:]
	return k, nil
}

func (r *failReader) Close() error { return nil }

// TestXMLWindowLongToken streams tokens far longer than the window, a few bytes a read: each is
// checked whole again only when the window is full, so reading them stays linear (checked after
// every read, a megabyte of text took minutes).
func TestXMLWindowLongToken(t *testing.T) {
	long := strings.Repeat("ab ", 1<<19)
	data := []byte(`<a x="` + long + `">` + long + `<!--` + long + `--></a>`)
	want := tokens(&xmlScan{data: data}, -1)
	got := tokens(streamScanSized(&chunkReader{data: data, n: 7}, 16), -1)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("streamed and whole differ: %d and %d tokens", len(got), len(want))
	}
}
