package daemon

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// placeholder is ${NAME arg…} in a mail of the corpus.
var placeholder = regexp.MustCompile(`\$\{([A-Z_0-9]+)((?: [^ }]+)*)\}`)

// build returns the n-th mail of file as it lies in the mailbox: a file of the corpus with its
// placeholders filled in (see attack_gen_test.go), or a mail built here ("gen:…").
func (r *attackRun) build(t *testing.T, file string, n int) []byte {
	t.Helper()
	limit := int(r.e.cfg.Mailbox.MaxMessageBytes)
	switch file {
	case "gen:exact-limit":
		return exactMail(t, r.e, "g02a@kcn.example", limit)
	case "gen:over-limit":
		return exactMail(t, r.e, "g02b@kcn.example", limit+1)
	}
	raw := readAttackFile(t, file)
	return placeholder.ReplaceAllFunc(raw, func(m []byte) []byte {
		p := placeholder.FindSubmatch(m)
		args := strings.Fields(string(p[2]))
		switch name := string(p[1]); {
		case name == "N":
			return fmt.Appendf(nil, "%03d", n)
		case name == "BASE64" && len(args) == 1:
			return []byte(strings.TrimSuffix(emlB64(readAttackFile(t, args[0]), 76), "\r\n"))
		case name == "BUSY_WORKBOOK":
			return []byte(strings.TrimSuffix(emlB64(busyWorkbook(t, readAttackFile(t, "wb-qldt.xlsx"), n), 76), "\r\n"))
		case len(args) == 2:
			v, err := strconv.Atoi(args[1])
			addr := map[string]string{"ptb": officetest.Supervisor, "tb": officetest.Approver}[args[0]]
			if err != nil || addr == "" {
				break
			}
			switch name {
			case "REQ_ID":
				return []byte("<" + r.e.request(t, addr, v).MessageID + ">")
			case "REQ_SUBJECT":
				return []byte("=?UTF-8?B?" + base64.StdEncoding.EncodeToString([]byte("Re: "+r.e.request(t, addr, v).Subject)) + "?=")
			case "MAC":
				return []byte(compiled(t, r.e.cfg).ApprovalMAC("BM.02.01/KH", "2026-11", v, args[0]))
			}
		}
		t.Fatalf("%s: unknown placeholder %s", file, m)
		return nil
	})
}

func readAttackFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(attackDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// attackDelta marks where the ledger stood before a line: its checks look at what came after.
type attackDelta struct{ out, events int64 }

// attackChecks are what some lines assert beyond the manifest's columns, by id.
var attackChecks = map[string]func(t *testing.T, r *attackRun, d attackDelta){
	// The report is issued, approved by both steps, and is the leader's edit as values only.
	"A17": func(t *testing.T, r *attackRun, _ attackDelta) {
		checkIssued(t, r.e, 3, "a17@kcn.example")
		auditIssued(t, r.e)
	},
	// A stranger's workbook is never forwarded: the notice points to the quarantine folder.
	"M02": func(t *testing.T, r *attackRun, d attackDelta) {
		for _, m := range r.outSince(t, d.out) {
			if len(m.Attachments) > 0 {
				t.Errorf("%s mail %q carries %d attachments, want none", m.Kind, m.Subject, len(m.Attachments))
			}
		}
	},
	// A stranger's subject is quoted cut to 150 characters.
	"M03": func(t *testing.T, r *attackRun, d attackDelta) {
		for _, m := range r.outSince(t, d.out) {
			if strings.Contains(m.Body, strings.Repeat("ĐOẠN-", 31)) || strings.Contains(m.Subject+m.Body, "CUỐI-DÒNG") {
				t.Errorf("%s mail quotes more than 150 characters of the subject:\n%s", m.Kind, m.Body)
			}
		}
	},
	// The notices beyond the hourly limit are held for the clerks' digest.
	"M01": func(t *testing.T, r *attackRun, d attackDelta) {
		held := 0
		for _, ev := range r.eventsSince(t, d.events) {
			if ev.Action == ledger.ActionNoticeHeldUnknownSender {
				held++
			}
		}
		if held != 95 {
			t.Errorf("notices held for the digest: got %d, want 95", held)
		}
	},
	// The killing mail is quarantined unread: nothing of it was parsed.
	"B05": func(t *testing.T, r *attackRun, _ attackDelta) {
		raw := r.build(t, "b05-killing-mail.eml", 1)
		if m := mailBySHA(t, r.e, raw); m.MessageID != "" || m.From != "" || !strings.Contains(m.Note, "2 never ended") {
			t.Errorf("killing mail recorded as %+v, want it unread with the reason", m)
		}
	},
}

// auditIssued fails when the issued workbook holds a formula, a macro, a link outside, or
// anything of a forged edit, or lacks the leader's genuine edit.
func auditIssued(t *testing.T, e *env) {
	t.Helper()
	issued := e.received(t, officetest.Clerk, "Báo cáo đã duyệt:")
	if len(issued) != 1 || len(issued[0].Spreadsheets()) != 1 {
		t.Fatalf("issued mails: %d", len(issued))
	}
	data := issued[0].Spreadsheets()[0].Data
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	genuine := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		text := string(part)
		genuine = genuine || strings.Contains(text, genuineMark)
		lower := strings.ToLower(f.Name + "\n" + text)
		for _, bad := range []string{"vbaproject", "macroenabled", "externallink", `targetmode="external"`, "cmd|", "hyperlink(", strings.ToLower(forgedMark)} {
			if strings.Contains(lower, bad) {
				t.Errorf("issued workbook: part %s holds %q", f.Name, bad)
			}
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/") && (strings.Contains(text, "<f>") || strings.Contains(text, "<f ")) {
			t.Errorf("issued workbook: %s holds a formula", f.Name)
		}
	}
	if !genuine {
		t.Errorf("issued workbook lacks the leader's edit %q", genuineMark)
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if f, _ := x.GetCellFormula(sheet, cell); f != "" {
					t.Errorf("issued workbook: %s!%s keeps the formula %q", sheet, cell, f)
				}
			}
		}
	}
}
