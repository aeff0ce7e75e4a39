package dossier

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tonghop/tonghop/internal/zipflate"
	"github.com/tonghop/tonghop/ledger"
)

// Build writes the dossier of form and period to w as a zip. Every blob is read through the
// ledger, which refuses one that no longer hashes to its name: a dossier never carries a file
// that differs from what was recorded.
func Build(ctx context.Context, l *ledger.Ledger, form, period string, names Names, w io.Writer) error {
	if names.Location == nil {
		names.Location = time.UTC
	}
	r, err := gather(ctx, l, form, period)
	if err != nil {
		return err
	}
	z := &zipWriter{zw: zipflate.NewWriter(w), at: names.At}
	if err := writeFiles(l, r, z); err != nil {
		return err
	}
	var index bytes.Buffer
	if err := writeIndex(&index, r, names); err != nil {
		return err
	}
	if err := z.add(indexName, index.Bytes()); err != nil {
		return err
	}
	if err := z.addRaw(ManifestName, []byte(z.manifest.String())); err != nil {
		return err
	}
	return z.zw.Close()
}

// writeFiles adds the period's files in the order of the index.
func writeFiles(l *ledger.Ledger, r record, z *zipWriter) error {
	blob := func(name, sha string) error {
		data, err := l.Blob(sha)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return z.add(name, data)
	}
	for _, m := range r.mails {
		if err := blob(mailName(m), m.SHA256); err != nil {
			return err
		}
	}
	for _, s := range r.subs {
		if err := blob(submissionName(s), s.FileSHA256); err != nil {
			return err
		}
	}
	for _, d := range r.drafts {
		if err := blob(draftName(d), d.FileSHA256); err != nil {
			return err
		}
	}
	for _, is := range r.issues {
		if err := blob(issueName(is), issuedSHA(is, r.drafts)); err != nil {
			return err
		}
	}
	for _, m := range r.sent {
		if err := z.add(sentName(m), []byte(storedMail(m))); err != nil {
			return err
		}
	}
	return nil
}

// issuedSHA is the issued workbook: the stamped file sent, or for an issue recorded before the
// ledger kept it, the draft it issued.
func issuedSHA(is ledger.Issue, drafts []ledger.Draft) string {
	if is.FileSHA256 != "" {
		return is.FileSHA256
	}
	for _, d := range drafts {
		if d.Version == is.Version {
			return d.FileSHA256
		}
	}
	return ""
}

// storedMail is an outbox mail as the ledger stores it: its header fields and body. Its
// attachments are named with their sha256; those of the period (drafts, the issued report) are
// in the dossier under their own folders.
func storedMail(m ledger.OutMail) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Message-ID: %s\n", m.MessageID)
	fmt.Fprintf(&b, "To: %s\n", strings.Join(m.To, ", "))
	if len(m.Cc) > 0 {
		fmt.Fprintf(&b, "Cc: %s\n", strings.Join(m.Cc, ", "))
	}
	fmt.Fprintf(&b, "Subject: %s\n", m.Subject)
	fmt.Fprintf(&b, "Created: %s\n", m.CreatedAt.Format(time.RFC3339))
	if !m.SentAt.IsZero() {
		fmt.Fprintf(&b, "Sent: %s\n", m.SentAt.Format(time.RFC3339))
	}
	fmt.Fprintf(&b, "Status: %s\n", m.Status)
	for _, a := range m.Attachments {
		fmt.Fprintf(&b, "Attachment: %s (sha256 %s)\n", a.Name, a.SHA256)
	}
	b.WriteString("\n")
	b.WriteString(m.Body)
	return b.String()
}

// zipWriter adds files to the zip and keeps the manifest of their sums.
type zipWriter struct {
	zw       *zip.Writer
	at       time.Time
	seen     map[string]bool
	manifest strings.Builder
}

func (z *zipWriter) add(name string, data []byte) error {
	if err := z.addRaw(name, data); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	fmt.Fprintf(&z.manifest, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	return nil
}

func (z *zipWriter) addRaw(name string, data []byte) error {
	if z.seen == nil {
		z.seen = map[string]bool{}
	}
	if z.seen[name] {
		return fmt.Errorf("dossier: %s twice", name)
	}
	z.seen[name] = true
	f, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.at})
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return err
}
