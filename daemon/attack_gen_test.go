package daemon

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/templates"
)

// The attack corpus in testdata/attacks is written by TestGenerateAttacks, run by hand:
//
//	go test ./daemon/ -run TestGenerateAttacks -gen-attacks
//
// Each .eml is a mail exactly as it lies in the shared mailbox: what the office's MX
// (mx.kcn.example) wrote on top of it — its Authentication-Results, or none, and its Received
// field — and then what the sender wrote, forged header fields included. Each .xlsx or .zip is
// a hostile workbook or archive, attached by the mails that name it. A mail may hold
// placeholders that TestAttackCorpus fills in at run time (see expandAttack): ${BASE64 file}
// (a file of the corpus, base64), ${N} (the number of a mail in a run), and what depends on the
// office's secret or on the mail it sent: ${REQ_ID person v} and ${REQ_SUBJECT person v} (the
// approval request of version v to a person), ${MAC person v} (the token MAC of that request),
// ${BUSY_WORKBOOK} (QLDT's workbook made distinct for mail ${N}). MANIFEST.tsv, the expected
// outcome of each attack, is written by hand.
var genAttacks = flag.Bool("gen-attacks", false, "rewrite testdata/attacks (TestGenerateAttacks)")

const attackDir = "testdata/attacks"

// forgedMark is written into every forged edit: no issued workbook may ever contain it.
const forgedMark = "GIẢ MẠO"

// genuineMark is the leader's own edit (A14), which the issued workbook keeps, as a value.
const genuineMark = "SỬA HỢP LỆ A14"

// Header lines the office's MX writes on top of a mail it receives from outside.
const (
	mxStamp = "\tby " + officetest.MX + " (Postfix) with ESMTPS id 4Yb2xQ1Lz9z1;\r\n\tMon, 16 Nov 2026 10:00:01 +0700\r\n"
	// mxNone: the MX's Received field alone, no Authentication-Results.
	mxNone = "Received: from mail.attacker.example (mail.attacker.example [203.0.113.66])\r\n" + mxStamp
	// forgedPass is what an attacker writes in his own header, claiming the MX's word.
	forgedPass = "Authentication-Results: " + officetest.MX + "; dkim=pass header.d=kcn.example; " +
		"spf=pass smtp.mailfrom=kcn.example; dmarc=pass header.from=kcn.example\r\n"
	// forgedHop is a Received field the attacker writes as if it were the MX's.
	forgedHop = "Received: from mail.kcn.example (mail.kcn.example [192.0.2.25])\r\n\tby " + officetest.MX +
		" (Postfix) with ESMTPS id 4Yb2xQ0FORGED;\r\n\tMon, 16 Nov 2026 09:59:00 +0700\r\n"
	// forgedUnnamed is a Microsoft 365 style field without an authserv-id.
	forgedUnnamed = "Authentication-Results: spf=pass (sender IP is 192.0.2.25) smtp.mailfrom=kcn.example; " +
		"dkim=pass (signature was verified) header.d=kcn.example;dmarc=pass action=none header.from=kcn.example;compauth=pass reason=100\r\n"
	forgedSubject = "Re: [TH BM.02.01/KH 2026-11 v1] Xin ý kiến duyệt: Báo cáo kết quả thực hiện tháng 11/2026"
	reviewerFrom  = "=?UTF-8?B?VHLhuqduIFRo4buLIELDrG5o?= <ptb@kcn.example>" // Trần Thị Bình
)

// mxPass is the MX's passing results for domain above its Received field (the genuine case, or
// an attacker's own domain).
func mxPass(domain string) string { return officetest.AuthPass("x@" + domain) }

// mxFail is what the MX writes for mail claiming domain from a server the domain does not allow.
func mxFail(domain string) string {
	return "Authentication-Results: " + officetest.MX + "; dkim=none; spf=fail smtp.mailfrom=" + domain +
		"; dmarc=fail header.from=" + domain + "\r\n" + mxNone
}

// attackGen writes the corpus.
type attackGen struct {
	t     *testing.T
	e     *env
	files map[string][]byte
}

func TestGenerateAttacks(t *testing.T) {
	t.Parallel()
	if !*genAttacks {
		t.Skip("rewrites testdata/attacks; run with -gen-attacks")
	}
	g := &attackGen{t: t, e: newEnv(t), files: map[string][]byte{}}
	g.workbooks()
	g.approvalMails()
	g.unitMails()
	g.otherMails()
	old, _ := filepath.Glob(filepath.Join(attackDir, "*"))
	for _, f := range old {
		if filepath.Base(f) != "MANIFEST.tsv" {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, data := range g.files {
		if err := os.WriteFile(filepath.Join(attackDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func (g *attackGen) add(name string, data []byte) { g.files[name] = data }

// eml writes a mail: the MX's lines, the sender's header fields, then root (a MIME entity).
func (g *attackGen) eml(name, mx string, header []string, root string) {
	g.add(name, []byte(mx+strings.Join(header, "\r\n")+"\r\n"+root))
}

// header is the usual header of a mail from from, with extra fields after it.
func header(from, id, subject string, extra ...string) []string {
	h := []string{"From: " + from, "To: tonghop@kcn.example", "Date: Mon, 16 Nov 2026 10:00:00 +0700",
		"Message-ID: <" + id + ">", "Subject: " + emlWord(subject), "MIME-Version: 1.0"}
	return append(h, extra...)
}

// attachRef is an attachment whose content is the corpus file file, filled in at run time.
func attachRef(file, name string) string {
	ctype := corpusXLSXType
	if strings.HasSuffix(file, ".zip") {
		ctype = "application/zip"
	}
	return emlEntity("${BASE64 "+file+"}\r\n", fmt.Sprintf("Content-Type: %s; name=\"%s\"", ctype, name),
		fmt.Sprintf("Content-Disposition: attachment; filename=\"%s\"", name), "Content-Transfer-Encoding: base64")
}

// textWith is a mixed body: the text, then the attachments.
func textWith(text string, parts ...string) string {
	return emlMixed("=_attack", append([]string{emlText(text + "\r\n")}, parts...)...)
}

// workbooks writes the units' genuine workbooks and the hostile ones.
func (g *attackGen) workbooks() {
	t := g.t
	for _, u := range officetest.Units {
		g.add("wb-"+strings.ToLower(u)+".xlsx", g.e.workbook(t, u, false))
	}
	qldn := g.files["wb-qldn.xlsx"]
	// The draft as the chain's first step receives it, edited by a forger and by the leader.
	a := newApprovalEnv(t)
	a.submitAll(t)
	draft := a.request(t, ptb, 1).Spreadsheets()[0].Data
	g.add("a13-forged-edit.xlsx", hostileEdit(t, draft, forgedMark+": số liệu đã bị thay"))
	g.add("a14-edited-hostile.xlsx", hostileEdit(t, draft, genuineMark))
	g.add("p01-period-hidden.xlsx", forgedPeriodWorkbook(t, g.e, "../../../../x"))
	g.add("p02-period-cover.xlsx", coverPeriod(t, qldn, "../../../../x"))
	g.add("b01-shared-string-bomb.xlsx", sharedStringBomb(t, g.e))
	g.add("b02-xml-entity-bomb.xlsx", entityBomb(t, qldn))
	g.add("b03-zip-bomb.xlsx", zipBombBook(t, qldn))
	g.add("b04-nested.zip", nestedZip(t, qldn, 6))
	g.add("b06-zip-lying-sizes.xlsx", lyingZip(t, qldn))
	g.add("g03-tag-cleared-claims-qldt.xlsx", officetest.ClaimOtherUnit(t, qldn, "QLDT"))
}

// approvalMails writes the forged and the genuine answers to the approval request.
func (g *attackGen) approvalMails() {
	forged := func(name, mx string, header []string, text string, parts ...string) {
		g.eml(name, mx, header, textWith(text, parts...))
	}
	forged("a01-plain-forgery.eml", mxNone, header(reviewerFrom, "a01@attacker.example", forgedSubject), "Đồng ý")
	forged("a02-display-name.eml", mxPass("evil.example"),
		header(emlWord("Trần Thị Bình (ptb@kcn.example)")+" <ptb.kcn@evil.example>", "a02@evil.example", forgedSubject),
		"Đồng ý. Tôi đã sửa lại bảng số liệu.", attachRef("a13-forged-edit.xlsx", "TongHop_BM.02.01-KH_2026-11_v1.xlsx"))
	forged("a03-look-alike-domain.eml", mxPass("kcn-example.com"),
		header(emlWord("Trần Thị Bình")+" <ptb@kcn-example.com>", "a03@kcn-example.com", forgedSubject), "Đồng ý")
	forged("a04-kelvin-domain.eml", mxPass("kcn.example"),
		header("ptb@\u212Acn.example", "a04@attacker.example", forgedSubject), "Đồng ý")
	forged("a05-two-from.eml", mxPass("evil.example"), append(header(reviewerFrom, "a05@evil.example", forgedSubject),
		"From: attacker@evil.example"), "Đồng ý")
	forged("a06a-sender-leader.eml", mxPass("evil.example"), append(header("attacker@evil.example", "a06a@evil.example", forgedSubject),
		"Sender: "+reviewerFrom), "Đồng ý")
	forged("a06b-sender-only.eml", "Authentication-Results: "+officetest.MX+"; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=evil.example; dmarc=none\r\n"+mxNone,
		append([]string{"Sender: " + reviewerFrom}, header("", "a06b@evil.example", forgedSubject)[1:]...), "Đồng ý")
	forged("a07a-forged-results-below-hop.eml", mxNone+forgedPass, header(reviewerFrom, "a07a@attacker.example", forgedSubject), "Đồng ý")
	forged("a07b-forged-results-and-hop.eml", mxNone+forgedPass+forgedHop, header(reviewerFrom, "a07b@attacker.example", forgedSubject), "Đồng ý")
	forged("a07c-forged-unnamed-results.eml", mxNone+forgedUnnamed, header(reviewerFrom, "a07c@attacker.example", forgedSubject), "Đồng ý")
	forged("a08-fail-above-pass-below.eml", mxFail("kcn.example")+forgedPass, header(reviewerFrom, "a08@attacker.example", forgedSubject), "Đồng ý")
	// Without the office's secret: the MAC of another office's key, a Message-ID computed as
	// sha256 of the request's key (what tonghop used before its Message-IDs were keyed).
	otherMAC := otherOfficeMAC(g.t, g.e)
	computed := mailer.MessageID(ledger.ApprovalRequestKey("BM.02.01/KH", "2026-11", 1, 0, "ptb"), officeAddr)
	forged("a10-token-of-the-head.eml", mxPass("kcn.example"),
		header(reviewerFrom, "a10@kcn.example", "Re: [TH BM.02.01/KH 2026-11 v1 k${MAC tb 1}] Xin y kien duyet"), "Đồng ý")
	forged("a11-token-other-office.eml", mxPass("kcn.example"),
		header(reviewerFrom, "a11@kcn.example", "Re: [TH BM.02.01/KH 2026-11 v1 k"+otherMAC+"] Xin ý kiến duyệt"), "Đồng ý")
	forged("a12-computed-message-id.eml", mxPass("kcn.example"), header(reviewerFrom, "a12@kcn.example", forgedSubject,
		"In-Reply-To: "+computed, "References: "+computed), "Đồng ý")
	forged("a13-forged-edit.eml", mxNone, header(reviewerFrom, "a13@attacker.example", forgedSubject),
		"Đồng ý, tôi đã sửa lại số liệu.", attachRef("a13-forged-edit.xlsx", "TongHop_BM.02.01-KH_2026-11_v1_sua.xlsx"))
	// Genuine mails of the leaders, through the MX, answering the request sent to them.
	reply := func(name, from, person string, v int, extra ...string) []string {
		return append([]string{"From: " + from, "To: tonghop@kcn.example", "Date: Mon, 16 Nov 2026 10:00:00 +0700",
			"Message-ID: <" + name + "@kcn.example>", fmt.Sprintf("In-Reply-To: ${REQ_ID %s %d}", person, v),
			fmt.Sprintf("References: ${REQ_ID %s %d}", person, v), fmt.Sprintf("Subject: ${REQ_SUBJECT %s %d}", person, v),
			"MIME-Version: 1.0"}, extra...)
	}
	inner := "From: =?UTF-8?B?Tmd1eeG7hW4gVsSDbiBBbg==?= <tb@kcn.example>\r\nSubject: Re: [TH BM.02.01/KH 2026-11 v1]\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n\r\nDuyệt\r\n"
	g.eml("a15-forwarded-approval.eml", mxPass("kcn.example"), reply("a15", reviewerFrom, "ptb", 1),
		emlMixed("=_fwd", emlText(" \r\n"), emlEntity(inner, "Content-Type: message/rfc822")))
	g.eml("a16-html-hesitates.eml", mxPass("kcn.example"), reply("a16", reviewerFrom, "ptb", 1),
		emlMultipart("alternative", "=_alt", false, emlText("Duyệt\r\n"), emlHTML("<div>Duyệt?</div>\r\n")))
	g.eml("a18-genuine-resubmission.eml", mxPass("kcn.example"),
		header("qldn@kcn.example", "a18@kcn.example", "Báo cáo tháng 11/2026 (bản sửa)"),
		textWith("Phòng QLDN gửi lại báo cáo tháng 11/2026.", attachRef("wb-qldn.xlsx", "BM.02.01-KH_2026-11_QLDN_v2.xlsx")))
	g.eml("a09-stale-version.eml", mxPass("kcn.example"), reply("a09", reviewerFrom, "ptb", 1), textWith("Đồng ý"))
	g.eml("a14-genuine-edit-hostile.eml", mxPass("kcn.example"), reply("a14", reviewerFrom, "ptb", 2),
		textWith("Đồng ý", attachRef("a14-edited-hostile.xlsx", "TongHop_v2_sua.xlsx")))
	g.eml("a17-genuine-head.eml", mxPass("kcn.example"),
		reply("a17", "=?UTF-8?B?Tmd1eeG7hW4gVsSDbiBBbg==?= <tb@kcn.example>", "tb", 3), textWith("Duyệt"))
}

// unitMails writes the spoofed submissions, the path attacks, the bombs and the gaps.
func (g *attackGen) unitMails() {
	unit := func(name, mx, from, file, attName string, extra ...string) {
		g.eml(name, mx, header(from, strings.TrimSuffix(name, ".eml")+"@kcn.example", "Báo cáo tháng 11/2026", extra...),
			textWith("Kính gửi Văn phòng, gửi báo cáo tháng 11/2026.", attachRef(file, attName)))
	}
	unit("s01-unit-no-results.eml", mxNone, "qldn@kcn.example", "wb-qldn.xlsx", "BM.02.01-KH_2026-11_QLDN.xlsx")
	unit("s02-unit-dkim-dmarc-fail.eml", "Authentication-Results: "+officetest.MX+"; dkim=fail header.d=kcn.example; spf=fail smtp.mailfrom=kcn.example; dmarc=fail header.from=kcn.example\r\n"+mxNone,
		"qldt@kcn.example", "wb-qldt.xlsx", "BM.02.01-KH_2026-11_QLDT.xlsx")
	unit("s03-unit-unverified-again.eml", mxFail("kcn.example"), "qldn@kcn.example", "wb-qldn.xlsx", "BM.02.01-KH_2026-11_QLDN_lan2.xlsx")
	unit("s04-unit-kelvin.eml", mxPass("kcn.example"), "qldn@\u212Acn.example", "wb-qldn.xlsx", "BM.02.01-KH_2026-11_QLDN.xlsx")
	unit("s05-unit-cyrillic.eml", mxPass("kcn.example"), "q\u04BBxd@kcn.example", "wb-qhxd.xlsx", "BM.02.01-KH_2026-11_QHXD.xlsx")
	unit("s06-genuine-upper-case.eml", mxPass("KCN.EXAMPLE"), "QLDN@KCN.EXAMPLE", "wb-qldn.xlsx", "BM.02.01-KH_2026-11_QLDN.xlsx")
	g.eml("s07-unit-two-from.eml", mxPass("evil.example"), append(header("qlmt@kcn.example", "s07@evil.example", "Báo cáo tháng 11/2026"),
		"From: attacker@evil.example"), textWith("Gửi báo cáo.", attachRef("wb-qlmt.xlsx", "BM.02.01-KH_2026-11_QLMT.xlsx")))
	unit("s08-unit-forged-results-below-hop.eml", mxNone+forgedPass, "qhxd@kcn.example", "wb-qhxd.xlsx", "BM.02.01-KH_2026-11_QHXD.xlsx")
	unit("p01-period-hidden.eml", mxPass("kcn.example"), "qldn@kcn.example", "p01-period-hidden.xlsx", "p01-hidden-period.xlsx")
	unit("p02-period-cover.eml", mxPass("kcn.example"), "qldn@kcn.example", "p02-period-cover.xlsx", "p02-cover-period.xlsx")
	unit("p03-name-climbs.eml", mxPass("kcn.example"), "qldn@kcn.example", "wb-qldn.xlsx", "../../../../etc/cron.d/p03-cron.xlsx")
	// RFC 2231: a right-to-left override, a bell, a right-to-left mark and a line break in the name.
	g.eml("p04-name-bidi.eml", mxPass("kcn.example"), header("qldn@kcn.example", "p04@kcn.example", "Báo cáo tháng 11/2026"),
		textWith("Gửi báo cáo.", emlEntity("${BASE64 wb-qldn.xlsx}\r\n", "Content-Type: "+corpusXLSXType,
			"Content-Disposition: attachment;\r\n filename*=UTF-8''p04-"+emlRFC2231("\u202Excsl.exe\u0007\u200f\r\nBcc: x@evil.example")+".xlsx",
			"Content-Transfer-Encoding: base64")))
	unit("p05-name-windows-absolute.eml", mxPass("kcn.example"), "qldn@kcn.example", "wb-qldn.xlsx", `C:\\Windows\\System32\\..\\p05-win.xlsx`)
	unit("b01-shared-string-bomb.eml", mxPass("kcn.example"), "qldn@kcn.example", "b01-shared-string-bomb.xlsx", "BM.04.01-KH_2026-W47_QLDN.xlsx")
	unit("b02-xml-entity-bomb.eml", mxPass("kcn.example"), "qldn@kcn.example", "b02-xml-entity-bomb.xlsx", "BM.02.01-KH_2026-11_QLDN_b02.xlsx")
	unit("b03-zip-bomb.eml", mxPass("kcn.example"), "qldn@kcn.example", "b03-zip-bomb.xlsx", "BM.02.01-KH_2026-11_QLDN_b03.xlsx")
	unit("b04-nested-zip.eml", mxPass("kcn.example"), "qldn@kcn.example", "b04-nested.zip", "bao-cao.zip")
	unit("b05-killing-mail.eml", mxPass("kcn.example"), "qldn@kcn.example", "b01-shared-string-bomb.xlsx", "BM.04.01-KH_2026-W47_QLDN_lan2.xlsx")
	unit("b06-zip-lying-sizes.eml", mxPass("kcn.example"), "qldn@kcn.example", "b06-zip-lying-sizes.xlsx", "BM.02.01-KH_2026-11_QLDN_b06.xlsx")
	for _, n := range []string{"g01a-no-message-id.eml", "g01b-no-message-id.eml"} {
		h := header("qldn@kcn.example", "", "Báo cáo tháng 11/2026")
		h = append(h[:3], h[4:]...) // no Message-ID
		if n == "g01b-no-message-id.eml" {
			h = append(h, "X-Lan: 2")
		}
		g.eml(n, mxPass("kcn.example"), h, textWith("Gửi báo cáo.", attachRef("wb-qldn.xlsx", "BM.02.01-KH_2026-11_QLDN.xlsx")))
	}
	unit("g03a-tag-cleared-by-clerk.eml", mxPass("kcn.example"), "vanthu@kcn.example", "g03-tag-cleared-claims-qldt.xlsx", "BM.02.01-KH_2026-11_QLDT.xlsx")
	unit("g03b-tag-cleared-by-unit.eml", mxPass("kcn.example"), "qldt@kcn.example", "g03-tag-cleared-claims-qldt.xlsx", "BM.02.01-KH_2026-11_QLDT.xlsx")
	unit("m08-repeat.eml", mxPass("kcn.example"), "qldn@kcn.example", "wb-qldn.xlsx", "BM.02.01-KH_2026-11_QLDN.xlsx")
	g.files["m08-repeat.eml"] = bytes.Replace(g.files["m08-repeat.eml"], []byte("<m08-repeat@"), []byte("<m08-repeat-${N}@"), 1)
	g.eml("m09-busy-unit.eml", mxPass("kcn.example"), header("qldt@kcn.example", "m09-${N}@kcn.example", "Báo cáo tháng 11/2026"),
		textWith("Gửi bản cập nhật.", emlEntity("${BUSY_WORKBOOK}\r\n", "Content-Type: "+corpusXLSXType+"; name=\"BM.02.01-KH_2026-11_QLDT.xlsx\"",
			"Content-Disposition: attachment; filename=\"BM.02.01-KH_2026-11_QLDT.xlsx\"", "Content-Transfer-Encoding: base64")))
}

// otherMails writes strangers' mail, receipts and the runs' templates.
func (g *attackGen) otherMails() {
	pdf := emlAttachment([]byte("%PDF-1.4\n% ho so nang luc\n"), 76, "Content-Type: application/pdf; name=\"ho-so.pdf\"",
		"Content-Disposition: attachment; filename=\"ho-so.pdf\"")
	g.eml("m01-stranger.eml", mxPass("la${N}.example"), header(emlWord("Khách")+" <nguoi${N}@la${N}.example>", "m01-${N}@la${N}.example",
		"Đề nghị hợp tác"), textWith("Kính gửi Quý Ban, xin gửi hồ sơ năng lực.", pdf))
	g.eml("m02-stranger-workbook.eml", mxPass("other.example"), header("stranger@other.example", "m02@other.example", "Báo cáo tháng 11/2026"),
		textWith("Gửi báo cáo của phòng QLDN.", attachRef("wb-qldn.xlsx", "BM.02.01-KH_2026-11_QLDN.xlsx")))
	long := "\u202EThông báo khẩn\u202C " + strings.Repeat("ĐOẠN-", 60) + "\u2066CUỐI-DÒNG\u2069"
	h := header("khach@spam.example", "m03@spam.example", long)
	h[4] = strings.ReplaceAll(h[4], "?= =?", "?=\r\n =?") // folded
	g.eml("m03-stranger-bidi-subject.eml", mxPass("spam.example"), h, textWith("Xem tệp đính kèm."))
	mdn := emlAdapt(strings.TrimLeft(g.orig("mdn__mimekit_disposition-notification.eml"), " \n"),
		"From", "qldn@kcn.example", "To", "tonghop@kcn.example", "Date", "Mon, 16 Nov 2026 10:00:00 +0700",
		"Message-Id", "<m04@kcn.example>")
	g.add("m04-mdn-unit.eml", []byte(mxPass("kcn.example")+mdn))
	tnef := emlAdapt(g.orig("receipt__generated_outlook_tnef_ipnrn.eml"),
		"From", "qldt@kcn.example", "To", "tonghop@kcn.example", "Message-ID", "<m05@kcn.example>")
	g.add("m05-tnef-read-receipt.eml", []byte(mxPass("kcn.example")+tnef))
	g.eml("m06-read-receipt-text.eml", mxPass("kcn.example"), header("qhxd@kcn.example", "m06@kcn.example",
		"Read: Nhắc nộp báo cáo tháng 11/2026"), emlText("Your message\r\n\r\n    To: qhxd@kcn.example\r\n"+
		"    Subject: Nhắc nộp báo cáo tháng 11/2026\r\n    Sent: Monday, November 16, 2026 9:00 AM\r\n\r\n"+
		"was read on Monday, November 16, 2026 10:00 AM.\r\n"))
	vi := emlAdapt(g.orig("receipt__generated_outlook_text_vi.eml"),
		"From", "qlmt@kcn.example", "To", "tonghop@kcn.example", "Message-ID", "<m07@kcn.example>")
	g.add("m07-da-doc-receipt.eml", []byte(mxPass("kcn.example")+vi))
	g.eml("m10-own-address.eml", mxNone, header(emlWord("Tổng hợp")+" <tonghop@kcn.example>", "m10@attacker.example",
		"Báo cáo tháng 11/2026"), textWith("Chuyển tiếp."))
	g.eml("m11-stranger-token.eml", mxPass("la${N}.example"), header("sep${N}@la${N}.example", "m11s-${N}@la${N}.example",
		forgedSubject), textWith("Duyệt"))
	g.eml("m11-forged-head.eml", mxFail("kcn.example"), header("=?UTF-8?B?Tmd1eeG7hW4gVsSDbiBBbg==?= <tb@kcn.example>",
		"m11f-${N}@attacker.example", "Re: [TH BM.02.01/KH 2026-11 v1] Duyet ${N}"), textWith("Duyệt"))
}

// orig reads a receipt of intake's test corpus.
func (g *attackGen) orig(name string) string {
	data, err := os.ReadFile(filepath.Join("..", "intake", "testdata", name))
	if err != nil {
		g.t.Fatal(err)
	}
	return string(data)
}

// otherOfficeMAC is the token MAC of v1's request to ptb under another office's key.
func otherOfficeMAC(t *testing.T, e *env) string {
	o := compiled(t, e.cfg)
	o.Key = []byte("another-office-key")
	mac := o.ApprovalMAC("BM.02.01/KH", "2026-11", 1, "ptb")
	if mac == "" || mac == compiled(t, e.cfg).ApprovalMAC("BM.02.01/KH", "2026-11", 1, "ptb") {
		t.Fatalf("another office's MAC %q is not another", mac)
	}
	return mac
}

// hostileEdit is data with mark in the first sheet and what a forger adds: a HYPERLINK formula,
// a DDE formula, a reference to another workbook (part, relationship and reference), a formula
// with a cached value, and a VBA project under the macro-enabled type.
func hostileEdit(t *testing.T, data []byte, mark string) []byte {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sheet := x.GetSheetName(0)
	if err := x.SetCellStr(sheet, "Z1", mark); err != nil {
		t.Fatal(err)
	}
	for cell, f := range map[string]string{"Z2": `HYPERLINK("http://evil.example/x","Bấm vào đây")`,
		"Z3": `cmd|' /C calc'!A0`, "Z4": `[1]Sheet1!$A$1`, "Z5": `SUM(1,2)`} {
		if err := x.SetCellFormula(sheet, cell, f); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	x.Close()
	rel := "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	return rezip(t, buf.Bytes(), func(name string, part []byte) []byte {
		s := string(part)
		switch name {
		case "[Content_Types].xml":
			s = strings.Replace(s, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
				"application/vnd.ms-excel.sheet.macroEnabled.main+xml", 1)
			s = strings.Replace(s, "</Types>", `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>`+
				`<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>`, 1)
		case "xl/_rels/workbook.xml.rels":
			s = strings.Replace(s, "</Relationships>", `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`+
				`<Relationship Id="rIdExt" Type="`+rel+`externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`, 1)
		case "xl/workbook.xml":
			s = strings.Replace(s, "</sheets>", `</sheets><externalReferences><externalReference r:id="rIdExt"/></externalReferences>`, 1)
		}
		return []byte(s)
	}, map[string]string{
		"xl/vbaProject.bin": "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1Attribute VB_Name = \"ThisWorkbook\"\nSub Workbook_Open()\nShell \"calc\"\nEnd Sub\n",
		"xl/externalLinks/externalLink1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="` + strings.TrimSuffix(rel, "/") + `">` +
			`<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>`,
		"xl/externalLinks/_rels/externalLink1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `externalLinkPath" Target="file:///C:/evil.xlsx" TargetMode="External"/></Relationships>`,
	})
}

// rezip copies a zip package, passing each part through edit, and adds the parts of extra.
func rezip(t *testing.T, data []byte, edit func(name string, part []byte) []byte, extra map[string]string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	write := func(name string, part []byte) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(part); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		write(f.Name, edit(f.Name, part))
	}
	for _, name := range []string{"xl/vbaProject.bin", "xl/externalLinks/externalLink1.xml", "xl/externalLinks/_rels/externalLink1.xml.rels"} {
		if part, ok := extra[name]; ok {
			write(name, []byte(part))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// coverPeriod is the unit's workbook without its hidden identification, whose cover line names
// period instead.
func coverPeriod(t *testing.T, data []byte, period string) []byte {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	cells, err := x.SearchSheet(templates.CoverSheet, "^"+templates.IdentPrefix+`\|`, true)
	if err != nil || len(cells) != 1 {
		t.Fatalf("ident line on the cover: %v, %v", cells, err)
	}
	line, _ := x.GetCellValue(templates.CoverSheet, cells[0])
	x.Close()
	f := strings.Split(line, "|")
	f[len(f)-1] = period
	x, err = excelize.OpenReader(bytes.NewReader(officetest.StripIdent(t, data)))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.SetCellStr(templates.CoverSheet, cells[0], strings.Join(f, "|")); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// entityBomb is the workbook whose shared strings declare nine levels of entities, each ten of
// the one below (a billion "lol"s), and use the top one.
func entityBomb(t *testing.T, data []byte) []byte {
	var dtd strings.Builder
	dtd.WriteString("<!DOCTYPE sst [\n<!ENTITY lol0 \"lol\">\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&dtd, "<!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	dtd.WriteString("]>\n")
	return rezip(t, data, func(name string, part []byte) []byte {
		if name != "xl/sharedStrings.xml" {
			return part
		}
		s := string(part)
		if i := strings.Index(s, "?>"); i >= 0 {
			s = s[:i+2] + "\n" + dtd.String() + s[i+2:]
		}
		return []byte(strings.Replace(s, "</sst>", "<si><t>&lol9;</t></si></sst>", 1))
	}, nil)
}

// zipBombBook is the workbook whose shared strings part inflates to 101 MiB (blanks between
// its elements, valid XML), about a thousand times its compressed size.
func zipBombBook(t *testing.T, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	for _, f := range zr.File {
		r, _ := f.Open()
		part, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/sharedStrings.xml" {
			head, tail, _ := strings.Cut(string(part), "</sst>")
			if _, err := io.WriteString(w, head); err != nil {
				t.Fatal(err)
			}
			if _, err := io.CopyN(w, blanks{}, 101<<20); err != nil {
				t.Fatal(err)
			}
			part = []byte("</sst>" + tail)
		}
		if _, err := w.Write(part); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

type blanks struct{}

func (blanks) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// lyingZip is the workbook whose shared strings part says it holds 4 KiB but inflates to 50 MiB.
func lyingZip(t *testing.T, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, _ := f.Open()
		part, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name != "xl/sharedStrings.xml" {
			w, err := zw.Create(f.Name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(part)
			continue
		}
		head, tail, _ := strings.Cut(string(part), "</sst>")
		full := append(append([]byte(head), bytes.Repeat([]byte(" "), 50<<20)...), "</sst>"+tail...)
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestCompression)
		fw.Write(full)
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(full),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: 4096})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// nestedZip is the workbook at the bottom of depth zips, each holding the next.
func nestedZip(t *testing.T, data []byte, depth int) []byte {
	name := "BM.02.01-KH_2026-11_QLDN.xlsx"
	for i := depth; i >= 1; i-- {
		data = emlZip(t, name, data)
		name = fmt.Sprintf("lop%d.zip", i)
	}
	return data
}

// busyWorkbook is QLDT's workbook made distinct for the n-th mail of a busy unit: its narrative
// says which update it is.
func busyWorkbook(t *testing.T, data []byte, n int) []byte {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, sheet := range x.GetSheetList() {
		cells, err := x.SearchSheet(sheet, "^Nội dung ", true)
		if err != nil || len(cells) == 0 {
			continue
		}
		v, _ := x.GetCellValue(sheet, cells[0])
		if err := x.SetCellStr(sheet, cells[0], fmt.Sprintf("%s (cập nhật lần %d)", v, n)); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := x.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	t.Fatal("busyWorkbook: no narrative cell")
	return nil
}
