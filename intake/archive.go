package intake

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tonghop/tonghop/tnef"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Units sometimes zip their workbooks ("Báo cáo tháng 11.zip"), or zip a folder holding a zip.
// expandZip adds each file of such an archive as an attachment of its own, marked with the
// archive's name in Container, so a workbook inside is read like one attached directly.
//
// An archive is hostile input like any attachment: the files read are bounded by
// Limits.MaxArchiveFiles, nesting by Limits.MaxArchiveDepth, and decompressed bytes by the
// message's byte budget (declared sizes are not trusted: the reader stops at the budget), so a
// zip bomb costs at most one budget of work before its file is reported TooLarge.

// expandZip walks the archive in a, level being how many archives enclose it (0 for an
// attachment of the mail).
func (w *walker) expandZip(a Attachment, level int) {
	zr, err := zip.NewReader(bytes.NewReader(a.Data), int64(len(a.Data)))
	if err != nil {
		return // not a readable archive: it stays an attachment the unit is told about
	}
	files := 0
	for _, f := range zr.File {
		if skipZipEntry(f) {
			continue
		}
		if files++; files > w.lim.MaxArchiveFiles || w.parts >= w.lim.MaxParts {
			w.truncated = true
			return
		}
		w.parts++
		entry := w.readZipEntry(f, a.Name)
		entry.Forwarded = a.Forwarded
		w.attachments = append(w.attachments, entry)
		if entry.Kind() == KindZip && entry.Data != nil {
			if level+1 >= w.lim.MaxArchiveDepth {
				w.truncated = true
				continue
			}
			w.expandZip(entry, level+1)
		}
	}
}

// skipZipEntry leaves out folders and the metadata macOS adds to archives it makes.
func skipZipEntry(f *zip.File) bool {
	name := f.Name
	base := name[strings.LastIndexAny(name, `/\`)+1:]
	return f.FileInfo().IsDir() || strings.HasPrefix(name, "__MACOSX/") || strings.HasPrefix(base, "._") || base == ""
}

// readZipEntry decompresses one file within the byte budget. An encrypted or unsupported entry
// is returned without data, so the validator answers that the file cannot be opened.
func (w *walker) readZipEntry(f *zip.File, container string) Attachment {
	att := Attachment{Name: zipEntryName(f), ContentType: "application/octet-stream", Container: container}
	if f.Flags&0x1 != 0 { // encrypted: Go's reader would return ciphertext
		att.Encrypted = true
		return att
	}
	budget := w.budget()
	if f.UncompressedSize64 > uint64(budget) {
		// Declared too large: no need to inflate it to find out. A size declared too small
		// is caught by the limited read below.
		att.Size, att.TooLarge = int64(min(f.UncompressedSize64, 1<<62)), true
		return att
	}
	rc, err := f.Open()
	if err != nil {
		return att
	}
	defer rc.Close()
	data, _ := io.ReadAll(io.LimitReader(rc, budget+1))
	att.Size = int64(len(data))
	if att.Size > budget {
		att.Size = max(att.Size, int64(min(f.UncompressedSize64, 1<<62)))
		att.TooLarge = true
		return att
	}
	w.kept += att.Size
	att.Data = data
	return att
}

// zipEntryName is the entry's file name without folders, in UTF-8 NFC. Archives made on
// Vietnamese Windows without the UTF-8 flag store names in the OEM code page; windows-1258 is
// the likeliest, and a wrong guess only garbles the name, never the content.
func zipEntryName(f *zip.File) string {
	name := f.Name
	if f.NonUTF8 || !utf8.ValidString(name) {
		if s, err := charmap.Windows1258.NewDecoder().String(name); err == nil {
			name = s
		}
	}
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	return norm.NFC.String(strings.TrimSpace(name))
}

// expandTNEF adds the files Outlook wrapped in winmail.dat, within the byte budget and the
// archive file limit. A damaged stream keeps the files read before the damage.
func (w *walker) expandTNEF(a Attachment) {
	files, _ := tnef.Decode(a.Data, tnef.Limits{MaxFiles: w.lim.MaxArchiveFiles, MaxBytes: max(1, w.budget())})
	for _, f := range files {
		if w.parts >= w.lim.MaxParts {
			w.truncated = true
			return
		}
		w.parts++
		entry := Attachment{Name: f.Name, ContentType: "application/octet-stream", Container: a.Name,
			Forwarded: a.Forwarded, Size: int64(len(f.Data))}
		if budget := w.budget(); entry.Size > budget {
			entry.TooLarge = true
		} else {
			entry.Data = f.Data
			w.kept += entry.Size
		}
		w.attachments = append(w.attachments, entry)
	}
}
