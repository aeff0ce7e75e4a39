package intake

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestParse_ExactlyAtLimits: a file of exactly a byte limit is kept; one byte more is not.
// The limits are the per-attachment and per-message budgets, for parts of the mail and for
// files inside a zip.
func TestParse_ExactlyAtLimits(t *testing.T) {
	const n = 1000
	zipped := func(size int) []byte {
		return mailWithAttachment("bc.zip", zipOf(t, zipFile{name: "bc.xlsx", data: bytes.Repeat([]byte("A"), size)}))
	}
	tests := []struct {
		name           string
		raw            []byte
		lim            Limits
		kept, tooLarge []string // names of attachments with Data, and TooLarge ones
	}{
		{"AttachmentAtLimit", attachmentsMail(1, n), Limits{MaxAttachmentBytes: n}, []string{"f.pdf"}, nil},
		{"AttachmentOverLimit", attachmentsMail(1, n+1), Limits{MaxAttachmentBytes: n}, nil, []string{"f.pdf"}},
		{"TotalAtLimit", attachmentsMail(2, n/2), Limits{MaxTotalBytes: n}, []string{"f.pdf", "f.pdf"}, nil},
		{"TotalOverLimit", attachmentsMail(2, n/2), Limits{MaxTotalBytes: n - 1}, []string{"f.pdf"}, []string{"f.pdf"}},
		{"ZipEntryAtLimit", zipped(n), Limits{MaxAttachmentBytes: n}, []string{"bc.zip", "bc.xlsx"}, nil},
		{"ZipEntryOverLimit", zipped(n + 1), Limits{MaxAttachmentBytes: n}, []string{"bc.zip"}, []string{"bc.xlsx"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg, err := Parse(tc.raw, tc.lim)
			if err != nil {
				t.Fatal(err)
			}
			var kept, tooLarge []string
			for _, a := range msg.Attachments {
				switch {
				case a.TooLarge && a.Data == nil:
					tooLarge = append(tooLarge, a.Name)
				case !a.TooLarge && a.Data != nil && a.Size == int64(len(a.Data)):
					kept = append(kept, a.Name)
				default:
					t.Errorf("%s: TooLarge %v with %d bytes of %d", a.Name, a.TooLarge, len(a.Data), a.Size)
				}
			}
			if strings.Join(kept, ",") != strings.Join(tc.kept, ",") || strings.Join(tooLarge, ",") != strings.Join(tc.tooLarge, ",") {
				t.Errorf("got kept %q, too large %q; want %q, %q", kept, tooLarge, tc.kept, tc.tooLarge)
			}
		})
	}
}

// TestMailbox_FetchExactlyAtLimit: a message of exactly MaxMessageBytes is downloaded whole;
// with a limit one byte smaller it is reported TooLarge and not downloaded.
func TestMailbox_FetchExactlyAtLimit(t *testing.T) {
	srv := startServer(t, serverOptions{})
	raw := sampleMail(1, 5000)
	srv.appendMessage(t, "INBOX", raw)
	for _, tc := range []struct {
		name     string
		limit    int64
		tooLarge bool
	}{{"AtLimit", int64(len(raw)), false}, {"OneByteOver", int64(len(raw)) - 1, true}} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := srv.config()
			cfg.MaxMessageBytes = tc.limit
			got, err := dial(t, cfg).Fetch(context.Background(), 0, 10)
			if err != nil || len(got) != 1 {
				t.Fatalf("Fetch: got %d messages, %v; want 1", len(got), err)
			}
			if f := got[0]; f.TooLarge != tc.tooLarge || (!tc.tooLarge && !bytes.Equal(f.Raw, raw)) || (tc.tooLarge && f.Raw != nil) {
				t.Errorf("got TooLarge %v with %d bytes, want TooLarge %v (message of %d bytes, limit %d)",
					f.TooLarge, len(f.Raw), tc.tooLarge, len(raw), tc.limit)
			}
		})
	}
}
