package receive

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/longtest"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/templates"
)

// padTo rewrites a workbook with one more stored part of padding, so that it is exactly size
// bytes long.
func padTo(t *testing.T, data []byte, size int) []byte {
	t.Helper()
	build := func(pad int) []byte {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(w, r); err != nil {
				t.Fatal(err)
			}
			r.Close()
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "customXml/pad.bin", Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(bytes.Repeat([]byte{0}, pad)); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	out := build(size - len(build(0)))
	if len(out) != size {
		t.Fatalf("padded to %d bytes, want %d", len(out), size)
	}
	return out
}

// TestDefaultLimitsAgree: the mail keeps attachments up to the size the workbook reader reads,
// so that a file the reader would take is never cut off by the mail's limit. The long run below
// sends a file of exactly that size through both.
func TestDefaultLimitsAgree(t *testing.T) {
	if intake.DefaultMaxAttachmentBytes != templates.DefaultMaxFileBytes {
		t.Fatalf("intake keeps attachments up to %d bytes, the reader reads files up to %d",
			intake.DefaultMaxAttachmentBytes, templates.DefaultMaxFileBytes)
	}
}

// TestJudge_WorkbookExactlyAtDefaultLimit: with the daemon's default limits, a workbook of
// exactly the size limit passes the mail's attachment limit and the workbook reader's, and is
// recorded valid; one byte more is answered as too large. A long run: two 20 MiB files go
// through base64 and back, about 10 s of CPU under the race detector.
func TestJudge_WorkbookExactlyAtDefaultLimit(t *testing.T) {
	longtest.Skip(t, "a 20 MiB workbook mailed and read")
	const limit = templates.DefaultMaxFileBytes
	o, cfg := testOffice(t)
	qldn := officetest.UnitAddr("QLDN")
	good := officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false)
	for _, tc := range []struct {
		name   string
		size   int
		errors string
	}{{"AtLimit", limit, ""}, {"OneByteOver", limit + 1, "file_too_large"}} {
		t.Run(tc.name, func(t *testing.T) {
			msg := parse(t, officetest.Mail(qldn, officetest.OfficeAddr, "big@kcn", "", "bc.xlsx", padTo(t, good, tc.size)))
			sheets := msg.Spreadsheets()
			if len(sheets) != 1 || sheets[0].Size != int64(tc.size) {
				t.Fatalf("spreadsheets: got %d", len(sheets))
			}
			v, err := testJudge(o, NoLedger{}).Workbook(context.Background(), o.SenderOf(qldn), sheets[0], msg.Subject)
			if err != nil {
				t.Fatal(err)
			}
			if got := codes(v.Errors); got != tc.errors || v.Submission.Valid != (tc.errors == "") {
				t.Errorf("%d bytes: got errors %q valid %v, want %q", tc.size, got, v.Submission.Valid, tc.errors)
			}
		})
	}
}
