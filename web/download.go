package web

import (
	"fmt"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/tonghop/tonghop/ledger"
)

// DownloadURL is where a stored file of kind and row id is downloaded.
func DownloadURL(kind ledger.FileKind, id int64) string {
	return "/download?kind=" + string(kind) + "&id=" + strconv.FormatInt(id, 10)
}

// download serves a stored file named by its ledger row: the row gives the blob's sha256 and
// Blob refuses content that no longer hashes to it. Nothing in the request is a path.
func (s *Server) download(w http.ResponseWriter, r *http.Request, _ session) {
	id, err := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, http.StatusNotFound, msgNotFound)
		return
	}
	f, err := s.env.Ledger.StoredFileByID(r.Context(), ledger.FileKind(r.URL.Query().Get("kind")), id)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, msgNotFound)
		return
	}
	data, err := s.env.Ledger.Blob(f.SHA256)
	if err != nil {
		s.serverError(w, r, fmt.Errorf("download %s %d: %w", f.Kind, f.ID, err))
		return
	}
	name := downloadName(f)
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data) //nolint:errcheck // the client went away
}

// downloadName is the file name offered: the stored name without any directory, with nothing
// but letters, digits and a few marks; a mail is "thu-<id>.eml".
func downloadName(f ledger.StoredFile) string {
	name := safeName(path.Base(strings.ReplaceAll(f.Name, `\`, "/")))
	switch {
	case f.Kind == ledger.FileMail:
		return "thu-" + strconv.FormatInt(f.ID, 10) + ".eml"
	case f.Kind == ledger.FileIssue || name == "" || name == "." || strings.Trim(name, ".") == "":
		return fmt.Sprintf("%s-%s-%s-%d.xlsx", f.Kind, safeName(f.Form), safeName(f.Period), f.ID)
	}
	return name
}

// safeName keeps letters (Vietnamese included), digits, '.', '-' and '_'; anything else
// becomes '_', so no quote, slash or control character reaches the header.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, s)
}

func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".eml":
		return "message/rfc822"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".xls":
		return "application/vnd.ms-excel"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	}
	return "application/octet-stream"
}
