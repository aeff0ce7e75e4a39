package ledger

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Raw bytes (whole received mails, attachments) live as files under <dir>/blobs/ab/cdef…, named by
// the sha256 of their content, not in the database:
//   - the database stays small, so it is fast to query, to copy and to back up, while a raw mail
//     with its workbooks can weigh several MB;
//   - a file never changes once written, and anyone can verify it against its name (sha256sum), so
//     backups of the blob tree can be incremental and corruption is detected on read;
//   - the same content is stored once however often it arrives.
//
// A blob is written (and synced) before any row that names it, so a committed row never points to
// a missing file; a crash in between leaves at most an unreferenced file, which is harmless.

const blobDir = "blobs"

// PutBlob stores data and returns its sha256 in lowercase hex. Storing the same content again is
// a cheap no-op. The file is durable when PutBlob returns: written to a temporary file in the
// final directory, synced, renamed into place, and the directory synced, all through the
// ledger directory's root.
func (l *Ledger) PutBlob(data []byte) (string, error) {
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	if l.hasBlob(sha) {
		return sha, nil
	}
	if err := writeFileAtomic(l.root, blobRel(sha), data); err != nil {
		return "", fmt.Errorf("put blob %s: %w", sha, err)
	}
	return sha, nil
}

// Blob returns the content stored under sha. It fails with ErrNotFound if there is none and with
// ErrBlobCorrupt if the file no longer hashes to its name.
func (l *Ledger) Blob(sha string) ([]byte, error) {
	if !validSHA(sha) {
		return nil, fmt.Errorf("read blob %q: not a lowercase hex sha256", sha)
	}
	data, err := l.root.ReadFile(blobRel(sha))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read blob %s: %w", sha, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read blob %s: %w", sha, err)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != sha {
		return nil, fmt.Errorf("read blob %s: content hashes to %s: %w", sha, got, ErrBlobCorrupt)
	}
	return data, nil
}

// BlobPath returns where the blob with this sha256 is (or would be) stored, for callers that
// stream a large file or hand it to another tool. It returns "" if sha is not a lowercase hex
// sha256, so a crafted name can never point outside the blob tree.
func (l *Ledger) BlobPath(sha string) string {
	if !validSHA(sha) {
		return ""
	}
	return filepath.Join(l.dir, blobRel(sha))
}

// blobRel is where a blob is inside the ledger directory; sha must be valid.
func blobRel(sha string) string { return filepath.Join(blobDir, sha[:2], sha[2:]) }

// hasBlob reports whether a blob file exists, for checks before a row refers to it.
func (l *Ledger) hasBlob(sha string) bool {
	if !validSHA(sha) {
		return false
	}
	info, err := l.root.Stat(blobRel(sha))
	return err == nil && info.Mode().IsRegular()
}

// validSHA accepts exactly 64 lowercase hex digits, the form PutBlob returns.
func validSHA(sha string) bool {
	if len(sha) != sha256.Size*2 {
		return false
	}
	for _, c := range sha {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// writeFileAtomic makes rel appear complete or not at all inside root, and survive a power cut
// once done.
func writeFileAtomic(root *os.Root, rel string, data []byte) error {
	dir := filepath.Dir(rel)
	if err := root.MkdirAll(dir, dirMode); err != nil {
		return err
	}
	var raw [8]byte
	_, _ = rand.Read(raw[:])
	tmp := filepath.Join(dir, ".tmp-"+hex.EncodeToString(raw[:]))
	// Read-only: a blob is immutable, and this guards against accidental edits in place. The
	// descriptor opened at creation writes all the same.
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o440)
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		if !renamed {
			_ = root.Remove(tmp)
		}
	}()
	_, err = f.Write(data)
	if err = errors.Join(err, f.Sync(), f.Close()); err != nil {
		return err
	}
	if err := root.Chmod(tmp, 0o440); err != nil {
		return err
	}
	if err := root.Rename(tmp, rel); err != nil {
		return err
	}
	renamed = true
	// The rename is durable only once the directory entry is; a new fan-out directory must reach
	// its parent too.
	if err := syncDir(root, dir); err != nil {
		return err
	}
	return syncDir(root, filepath.Dir(dir))
}

func syncDir(root *os.Root, dir string) error {
	d, err := root.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
