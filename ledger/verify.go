package ledger

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"
)

// The record is only worth what can be shown intact. These checks are the ledger's own part of
// `tonghop verify` and of the daemon's daily check: the database's structure, and every blob a
// row names, present and hashing to its name. Whether a submission's figures still match its
// file is for the caller, who can read a workbook.

// BlobRef is one blob that a row of the ledger names.
type BlobRef struct {
	SHA256 string
	// What names the row, for a person reading the report: "mail 12", "submission 5 (…)".
	What string
	At   time.Time // when the row was written, to check recent files first
}

// Finding is one thing found wrong.
type Finding struct {
	What   string // the record: "database", "submission 5 (BC01 SXD 2026-T03 v2)", "blob ab…"
	Detail string // what is wrong with it
}

func (f Finding) String() string { return f.What + ": " + f.Detail }

// IntegrityCheck runs SQLite's PRAGMA integrity_check and returns each problem it names (none
// when the database is sound).
func (l *Ledger) IntegrityCheck(ctx context.Context) ([]Finding, error) {
	rows, err := l.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var out []Finding
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			out = append(out, Finding{What: "database", Detail: line})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	return out, nil
}

// blobRefsQuery lists every blob a row names with the row and its time. An empty sha256 is a
// row recorded without a file (an issue from before 0008, a submission never read).
const blobRefsQuery = `
SELECT sha256, 'mail ' || id, received_at FROM mails
UNION ALL SELECT file_sha256, 'submission ' || id || ' (' || form || ' ' || unit || ' ' || period || ' v' || version || ', ' || file_name || ')', received_at
	FROM submissions WHERE file_sha256 != ''
UNION ALL SELECT file_sha256, 'draft ' || form || ' ' || period || ' v' || version, built_at FROM drafts
UNION ALL SELECT file_sha256, 'issued report ' || form || ' ' || period || ' issue ' || number, issued_at
	FROM issues WHERE file_sha256 != ''
UNION ALL SELECT doc_sha256, 'draft document ' || form || ' ' || period || ' v' || version, built_at
	FROM drafts WHERE doc_sha256 != ''
UNION ALL SELECT doc_sha256, 'issued document ' || form || ' ' || period || ' issue ' || number, issued_at
	FROM issues WHERE doc_sha256 != ''
UNION ALL SELECT pdf_sha256, 'issued document PDF ' || form || ' ' || period || ' issue ' || number, issued_at
	FROM issues WHERE pdf_sha256 != ''
UNION ALL SELECT file_sha256, 'imported file ' || id || ' (' || file_name || ')', at FROM history_imports
UNION ALL SELECT template_sha256, 'upstream template ' || upstream || ' ' || form || ' ' || period, received_at FROM upstream_requests
UNION ALL SELECT json_extract(a.value, '$.SHA256'), 'outbox mail ' || o.key, o.created_at
	FROM outbox o, json_each(o.attachments) a
	WHERE coalesce(json_extract(a.value, '$.SHA256'), '') != ''`

// BlobRefs lists every blob the ledger's rows name, each row once.
func (l *Ledger) BlobRefs(ctx context.Context) ([]BlobRef, error) {
	rows, err := l.db.QueryContext(ctx, blobRefsQuery)
	if err != nil {
		return nil, fmt.Errorf("list blob references: %w", err)
	}
	defer rows.Close()
	var out []BlobRef
	for rows.Next() {
		var r BlobRef
		var at string
		if err := rows.Scan(&r.SHA256, &r.What, &at); err != nil {
			return nil, fmt.Errorf("list blob references: %w", err)
		}
		r.At, _ = decodeTime(at) // an unreadable time only makes the row look old
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list blob references: %w", err)
	}
	return out, nil
}

// CheckBlob reads the blob sha through and fails with ErrNotFound when it is missing and with
// ErrBlobCorrupt when its content no longer hashes to its name. It streams, so a large mail is
// never held whole.
func (l *Ledger) CheckBlob(sha string) error {
	if !validSHA(sha) {
		return fmt.Errorf("blob %q: not a lowercase hex sha256: %w", sha, ErrBlobCorrupt)
	}
	f, err := l.root.Open(blobRel(sha))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("blob %s: %w", sha, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("blob %s: %w", sha, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("blob %s: %w", sha, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sha {
		return fmt.Errorf("blob %s: content hashes to %s: %w", sha, got, ErrBlobCorrupt)
	}
	return nil
}

// VerifyStore checks the database's integrity and the blobs its rows name: every blob must
// exist, and those of rows written at or after hashSince must hash to their names (the zero time
// hashes all of them; a far future time only checks that each exists, which is cheap). A blob
// named by several rows is checked once and reported under the first row naming it.
func (l *Ledger) VerifyStore(ctx context.Context, hashSince time.Time) ([]Finding, error) {
	out, err := l.IntegrityCheck(ctx)
	if err != nil {
		return nil, err
	}
	refs, err := l.BlobRefs(ctx)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(refs))
	for _, r := range refs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if seen[r.SHA256] {
			continue
		}
		seen[r.SHA256] = true
		if f, bad := l.checkRef(r, !r.At.Before(hashSince)); bad {
			out = append(out, f)
		}
	}
	return out, nil
}

// checkRef checks one blob: its existence, and its hash when hash is set.
func (l *Ledger) checkRef(r BlobRef, hash bool) (Finding, bool) {
	var err error
	if hash {
		err = l.CheckBlob(r.SHA256)
	} else if !l.hasBlob(r.SHA256) {
		err = ErrNotFound
	}
	switch {
	case err == nil:
		return Finding{}, false
	case errors.Is(err, ErrNotFound):
		return Finding{What: r.What, Detail: "blob " + r.SHA256 + " is missing"}, true
	case errors.Is(err, ErrBlobCorrupt):
		return Finding{What: r.What, Detail: "blob " + r.SHA256 + " no longer matches its hash"}, true
	default:
		return Finding{What: r.What, Detail: "blob " + r.SHA256 + " unreadable: " + err.Error()}, true
	}
}

// AllSubmissions returns every submission recorded, by ID, for checks that read each file again.
func (l *Ledger) AllSubmissions(ctx context.Context) ([]Submission, error) {
	out, err := querySubmissions(ctx, l.db, `1 = 1`)
	if err != nil {
		return nil, fmt.Errorf("list submissions: %w", err)
	}
	return out, nil
}
