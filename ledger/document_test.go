package ledger

import (
	"context"
	"strings"
	"testing"
)

// TestAddDraft_Document (issue 20, migration 0013): a draft's document is stored and read back
// with it, named among the blobs the ledger refers to, and a document never stored is refused.
func TestAddDraft_Document(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	d := testDraft(t, l, testPeriod, "workbook", nil)
	d.DocName, d.DocSHA256 = "VanBan_v1.docx", sha256Hex("never stored")
	if _, err := l.AddDraft(ctx, d); err == nil {
		t.Fatal("AddDraft accepted a document never stored")
	}
	d.DocSHA256 = mustPut(t, l, "document")
	if _, err := l.AddDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	got, err := l.LatestDraft(ctx, testForm, testPeriod)
	if err != nil || got.DocName != d.DocName || got.DocSHA256 != d.DocSHA256 {
		t.Fatalf("LatestDraft: got %q %q, %v; want %q %q", got.DocName, got.DocSHA256, err, d.DocName, d.DocSHA256)
	}
	refs, err := l.BlobRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range refs {
		found = found || r.SHA256 == d.DocSHA256 && strings.HasPrefix(r.What, "draft document")
	}
	if !found {
		t.Errorf("BlobRefs: the draft's document is not among %d references", len(refs))
	}
}
