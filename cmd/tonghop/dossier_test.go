package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tonghop/tonghop/dossier"
	"github.com/tonghop/tonghop/ledger"
)

// The demo's period dossier holds every kind of record, verifies against its manifest, its index
// is HTML that links every file; a changed byte, a file taken out or added fails verify, named.
func TestDossier_Demo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	demoCopy(t, dir)
	cfg := filepath.Join(dir, "demo", "config.toml")
	zipPath := filepath.Join(dir, "ho-so.zip")
	if code, out, errs := runCLI(t, "dossier", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2026-11", "-o", zipPath); code != 0 {
		t.Fatalf("dossier: exit %d\n%s\n%s", code, out, errs)
	}
	if code, out, errs := runCLI(t, "dossier", "--verify", zipPath); code != 0 || !strings.Contains(out, "every file matches") {
		t.Fatalf("verify: exit %d\n%s\n%s", code, out, errs)
	}
	files := readZip(t, zipPath)
	for _, prefix := range []string{"thu-den/", "ban-nop/QLDT/", "du-thao/", "ban-hanh/", "thu-di/"} {
		if countPrefix(files, prefix) == 0 {
			t.Errorf("no file under %s", prefix)
		}
	}
	if n := countPrefix(files, "thu-den/"); n != 11 {
		t.Errorf("original mails: got %d, want 11 (8 units' mails, 3 leaders' replies)", n)
	}
	if n := countPrefix(files, "ban-nop/QLDT/"); n != 2 {
		t.Errorf("QLDT's versions: got %d, want 2 (the rejected one and its correction)", n)
	}
	checkIssuedIsLedgers(t, filepath.Join(dir, "demo", "data"), files)
	checkSameZipTwice(t, filepath.Join(dir, "demo", "data"))
	checkIndex(t, files)

	changed := maps.Clone(files)
	changed["ban-nop/QLDT/v2.xlsx"] = append([]byte{}, changed["ban-nop/QLDT/v2.xlsx"]...)
	changed["ban-nop/QLDT/v2.xlsx"][100] ^= 1
	wantVerifyFails(t, dir, changed, "changed: ban-nop/QLDT/v2.xlsx")

	missing := maps.Clone(files)
	delete(missing, "ban-hanh/lan-1-du-thao-v2.xlsx")
	wantVerifyFails(t, dir, missing, "missing: ban-hanh/lan-1-du-thao-v2.xlsx")

	extra := maps.Clone(files)
	extra["thu-den/9999-added.eml"] = []byte("From: someone\n\nnot in the record")
	wantVerifyFails(t, dir, extra, "extra: thu-den/9999-added.eml")

	// A stored file that no longer matches its hash stops the dossier, and no zip is left.
	corruptIssuedBlob(t, filepath.Join(dir, "demo", "data"))
	again := filepath.Join(dir, "again.zip")
	code, _, errs := runCLI(t, "dossier", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2026-11", "-o", again)
	if code != 1 || !strings.Contains(errs, "ban-hanh/") {
		t.Errorf("dossier over a changed blob: exit %d, %q; want 1 naming the issued file", code, errs)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 3 { // demo, ho-so.zip, altered.zip and nothing else
		t.Errorf("files left: %q", left)
	}
}

// checkSameZipTwice: the same ledger at the same time makes the same zip, byte for byte.
func checkSameZipTwice(t *testing.T, dataDir string) {
	t.Helper()
	ctx := context.Background()
	l, err := ledger.Open(ctx, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	names := dossier.Names{At: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	var a, b bytes.Buffer
	if err := dossier.Build(ctx, l, "BM.02.01/KH", "2026-11", names, &a); err != nil {
		t.Fatal(err)
	}
	if err := dossier.Build(ctx, l, "BM.02.01/KH", "2026-11", names, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two dossiers of the same ledger at the same time differ")
	}
	if err := dossier.Build(ctx, l, "BM.02.01/KH", "2026-10", names, &b); !errors.Is(err, ledger.ErrNotFound) {
		t.Errorf("dossier of a period the ledger does not hold: %v, want ErrNotFound", err)
	}
}

func corruptIssuedBlob(t *testing.T, dataDir string) {
	t.Helper()
	l, err := ledger.Open(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	is, err := l.LatestIssue(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	path := l.BlobPath(is.FileSHA256)
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("changed"), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestDossier_Usage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"dossier"},
		{"dossier", "--verify", "x.zip", "--config", "c.toml"},
		{"dossier", "--config", "c.toml", "--form", "F"},
	} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	notZip := filepath.Join(t.TempDir(), "x.zip")
	if err := os.WriteFile(notZip, []byte("not a zip"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "dossier", "--verify", notZip); code != 1 || !strings.Contains(errs, "not a dossier") {
		t.Errorf("verify of a non-zip: exit %d, %q", code, errs)
	}
}

// checkIssuedIsLedgers: the issued report in the dossier is the file the ledger recorded.
func checkIssuedIsLedgers(t *testing.T, dataDir string, files map[string][]byte) {
	t.Helper()
	l, err := ledger.Open(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	is, err := l.LatestIssue(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(files["ban-hanh/lan-1-du-thao-v2.xlsx"])
	if got := hex.EncodeToString(sum[:]); got != is.FileSHA256 {
		t.Errorf("issued report in the dossier hashes to %s, the ledger recorded %s", got, is.FileSHA256)
	}
}

// checkIndex parses index.html as a browser would and checks that it names every file of the
// dossier, links only to files that are there, and says who approved.
func checkIndex(t *testing.T, files map[string][]byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(files["index.html"]))
	if err != nil {
		t.Fatalf("index.html: %v", err)
	}
	links := map[string]bool{}
	var text strings.Builder
	var lang string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch {
				case n.Data == "a" && a.Key == "href":
					links[a.Val] = true
				case n.Data == "html" && a.Key == "lang":
					lang = a.Val
				}
			}
		}
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if lang != "vi" {
		t.Errorf("index lang = %q", lang)
	}
	for name := range files {
		if name != "index.html" && name != "MANIFEST" && !links[name] {
			t.Errorf("index does not link %s", name)
		}
	}
	for link := range links {
		if files[link] == nil {
			t.Errorf("index links %s, which is not in the dossier", link)
		}
	}
	for _, want := range []string{"Hồ sơ kỳ báo cáo", "Kỳ báo cáo: Tháng 11/2026", "Phòng Quản lý đầu tư (QLDT)", "Đồng ý", "Đề nghị chỉnh sửa", "Không, gửi muộn"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("index lacks %q", want)
		}
	}
}

func wantVerifyFails(t *testing.T, dir string, files map[string][]byte, want string) {
	t.Helper()
	path := filepath.Join(dir, "altered.zip")
	writeZip(t, path, files)
	code, out, errs := runCLI(t, "dossier", "--verify", path)
	if code != 1 || !strings.Contains(out, want) {
		t.Errorf("verify of an altered dossier: exit %d, want 1 naming %q\n%s%s", code, want, out, errs)
	}
}

func readZip(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = data
	}
	return out
}

func writeZip(t *testing.T, path string, files map[string][]byte) {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func countPrefix(files map[string][]byte, prefix string) int {
	n := 0
	for name := range files {
		if strings.HasPrefix(name, prefix) {
			n++
		}
	}
	return n
}

// An issued period under correction: the dossier holds the issued report and the index says who
// asked for the correction and what they wrote.
func TestDossier_Correction(t *testing.T) {
	t.Parallel()
	cfg, dataDir := statusOffice(t)
	issued := issueOctober(t, cfg, dataDir)
	ctx := context.Background()
	l, err := ledger.Open(ctx, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	err = l.SaveApproval(ctx, ledger.ApprovalUpdate{Form: "BM.02.01/KH", Period: "2025-10", State: json.RawMessage(`{"Status":"correcting","Version":1}`),
		Revision: 1, At: officeTime(t, "2025-10-24 08:00"),
		Reopen: &ledger.Correction{Replaces: 1, Cause: ledger.CauseLeader, OpenedBy: "tb", Words: "Sửa chỉ tiêu 2", OpenedAt: officeTime(t, "2025-10-24 08:00")}})
	l.Close()
	if err != nil {
		t.Fatal(err)
	}
	zipPath := filepath.Join(t.TempDir(), "ho-so.zip")
	if code, out, errs := runCLI(t, "dossier", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2025-10", "-o", zipPath); code != 0 {
		t.Fatalf("dossier: exit %d\n%s\n%s", code, out, errs)
	}
	if code, out, _ := runCLI(t, "dossier", "--verify", zipPath); code != 0 {
		t.Fatalf("verify: exit %d\n%s", code, out)
	}
	files := readZip(t, zipPath)
	if !bytes.Equal(files["ban-hanh/lan-1-du-thao-v1.xlsx"], issued) {
		t.Error("the dossier does not hold the issued report")
	}
	index := string(files["index.html"])
	for _, want := range []string{"Điều chỉnh báo cáo đã ban hành", "Lãnh đạo đề nghị chỉnh sửa", "Sửa chỉ tiêu 2", "Kỳ báo cáo: Tháng 10/2025"} {
		if !strings.Contains(index, want) {
			t.Errorf("index lacks %q", want)
		}
	}
}
