package tnef

import (
	"errors"
	"testing"
)

// TestDecode_ExactlyAtLimits: a stream whose files are exactly MaxFiles in number and MaxBytes
// in size is decoded whole; one file or one byte fewer allowed stops it with ErrTooLarge.
func TestDecode_ExactlyAtLimits(t *testing.T) {
	size := int64(len(workbook) + len(sheet2))
	tests := []struct {
		name     string
		lim      Limits
		files    int
		tooLarge bool
	}{
		{"AtLimits", Limits{MaxFiles: 2, MaxBytes: size}, 2, false},
		{"OneByteOver", Limits{MaxFiles: 2, MaxBytes: size - 1}, 1, true},
		{"OneFileOver", Limits{MaxFiles: 1, MaxBytes: size}, 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, err := Decode(twoFiles(), tc.lim)
			if len(files) != tc.files || errors.Is(err, ErrTooLarge) != tc.tooLarge || !tc.tooLarge && err != nil {
				t.Errorf("got %d files, %v; want %d, too large %v", len(files), err, tc.files, tc.tooLarge)
			}
		})
	}
}
