package templates

import (
	"bytes"
	"io"
	"sync"
)

// A part read by xmlScan need not be held whole: streamed from its zip entry, it passes through
// a window that holds at least the whole token being read. The window moves (and the bytes of
// earlier tokens go) only when next starts a token, so what next returned stays valid until the
// next call of next, as it would over a part held whole; what must live longer is copied
// (leafText, the open elements' names). A token longer than the window grows it: a part's size
// is bounded before it is opened (precheck), and so is the window. A token is read from the
// window as it stands, and checked whole (tokenComplete) only when the window cut it short.

// windowSize is the window a streamed part starts with: a few rows of a worksheet.
const windowSize = 64 << 10

// maxPooledWindow is the largest window kept for the next part.
const maxPooledWindow = 1 << 20

// windows are the windows of streamed parts, reused from one part to the next.
var windows = sync.Pool{New: func() any { b := make([]byte, windowSize); return &b }}

// streamScan is a tokenizer over src, through a window from the pool; release gives it back
// and closes src.
func streamScan(src io.ReadCloser) *xmlScan {
	w := windows.Get().(*[]byte)
	return &xmlScan{src: src, data: (*w)[:0]}
}

// streamScanSized is streamScan through a window of size bytes of its own, not from the pool:
// for tests, where a small window makes every token cross its end.
func streamScanSized(src io.ReadCloser, size int) *xmlScan {
	return &xmlScan{src: src, data: make([]byte, 0, size)}
}

// release closes the part and gives the window back to the pool. Nothing read from it may be
// used after.
func (s *xmlScan) release() {
	if s.src == nil {
		return
	}
	s.src.Close()
	w := s.data[:0]
	s.src, s.data = nil, nil
	if cap(w) <= maxPooledWindow { // a window grown for one huge token is let go
		windows.Put(&w)
	}
}

// offset is the offset in the part of the next byte to read.
func (s *xmlScan) offset() int64 { return s.base + int64(s.pos) }

// ensure fills the window until it holds the whole token at pos, or the part's end.
func (s *xmlScan) ensure() error {
	for !s.eof && !tokenComplete(s.data[s.pos:]) {
		if err := s.more(); err != nil {
			return err
		}
	}
	return nil
}

// more moves the unread bytes to the window's start and fills the rest of it, growing it
// (doubling) when they fill it already: a token checked again only once the window is full costs
// a linear read however long it is. A read error, or a reader that gives nothing many times
// over, is the part's end for the tokenizer, which then bails.
func (s *xmlScan) more() error {
	if s.pos > 0 {
		n := copy(s.data, s.data[s.pos:])
		s.base += int64(s.pos)
		s.data, s.pos = s.data[:n], 0
	}
	if len(s.data) == cap(s.data) {
		grown := make([]byte, len(s.data), 2*cap(s.data)+windowSize)
		copy(grown, s.data)
		s.data = grown
	}
	for empty := 0; len(s.data) < cap(s.data); {
		n, err := s.src.Read(s.data[len(s.data):cap(s.data)])
		s.data = s.data[:len(s.data)+n]
		switch {
		case err == io.EOF:
			s.eof = true
			return nil
		case err != nil:
			return errBail
		case n == 0:
			if empty++; empty == 100 {
				return errBail
			}
		}
	}
	return nil
}

// tokenComplete says whether b starts with a whole token as next reads it: text up to a '<', a
// tag up to its '>' outside quoted values, a comment or instruction up to its end. It may ask
// for more than next reads, never less.
func tokenComplete(b []byte) bool {
	switch {
	case len(b) == 0:
		return false
	case b[0] != '<':
		return bytes.IndexByte(b, '<') >= 0
	case len(b) < 4:
		return false
	case b[1] == '?':
		return bytes.Index(b[2:], []byte("?>")) >= 0
	case bytes.HasPrefix(b, []byte("<!--")):
		i := bytes.Index(b[4:], []byte("--"))
		return i >= 0 && len(b) >= 4+i+3
	case b[1] == '!':
		return true // next gives up on it
	}
	var quote byte
	for _, c := range b[1:] {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return true
		}
	}
	return false
}

// restHasRow says whether the rest of the part holds a row element's name ("row" after '<' or a
// prefix's ':'), streaming through it when the part is not held whole.
func (s *xmlScan) restHasRow() (bool, error) {
	for {
		rest := s.data[s.pos:]
		for i := 0; ; {
			j := bytes.Index(rest[i:], []byte("row"))
			if j < 0 {
				break
			}
			at := i + j
			if at > 0 && (rest[at-1] == '<' || rest[at-1] == ':') {
				return true, nil
			}
			i = at + 3
		}
		if s.src == nil || s.eof {
			return false, nil
		}
		// Keep the last four bytes: a name cut by the window's end is then read whole.
		s.pos = max(s.pos, len(s.data)-4)
		if err := s.more(); err != nil {
			return false, err
		}
	}
}
