// Package reply reads a leader's answer to an approval request the way a
// careful secretary would, and never approves on a misreading.
//
// Leaders approve consolidated reports by replying from their phones:
// "Duyệt", "Đồng ý", "ok anh", "Không duyệt", "Duyệt nhưng sửa lại mục 2".
// [Read] and [ReadRequest] turn the bodies of such a reply into a [Result]: Approve, Revise
// (a refusal, a change request or a condition, with the person's words in
// Comment) or Unclear (the clerk must read it), and a Vietnamese Reason for
// the audit trail. The package is pure: no I/O, no configuration.
//
// # Finding what the person wrote
//
// The quoted request is removed in the forms mail programs really produce:
//   - "> " lines (Gmail, Apple Mail, Thunderbird, old Outlook Express);
//     unquoted lines between and below quoted ones are kept, because
//     Thunderbird users may answer below the quote or inline;
//   - attribution lines "On … wrote:" / "Vào … đã viết:" (Gmail, also
//     wrapped over two or three lines; Apple Mail "On 20 Nov 2026, at 09:12,
//     X wrote:"; Thunderbird; Yahoo), which must carry a date or an address;
//   - hard separators, after which nothing is read: Outlook and OWA header
//     blocks "From:/Sent:/To:/Subject:" and "Từ:/Đã gửi:/Đến:/Chủ đề:" (two
//     labels within five lines), a line of underscores,
//     "-----Original Message-----", "----- Thư gốc -----", forward markers,
//     and the "-- " signature line;
//   - in HTML: blockquote, div.gmail_quote, .yahoo_quoted, .moz-cite-prefix,
//     and everything after div#appendonsend, div#divRplyFwdMsg, Outlook's
//     border-top separator div, Zimbra's hr#zwchr;
//   - device lines ("Sent from my iPhone", "Gửi từ iPhone của tôi", "Get
//     Outlook for iOS", "Được gửi từ Thư cho Windows") when they name a
//     device or an app;
//   - the request's own instruction paragraph ("Kính đề nghị đồng chí cho ý
//     kiến bằng cách trả lời thư này: ghi “Duyệt” hoặc “Đồng ý” …", exactly as
//     package letters writes it, or as it wrote it before, also wrapped over
//     several lines) and its "[TH …]" token, in case the quote was not
//     recognised. A sentence of the person's own that
//     mentions "trả lời thư này" is kept.
//
// Which body: the text/plain body is read unless it is empty, or it shows no
// quote structure while the HTML body does. When both bodies exist, both are
// read, and an approval stands only if both say so.
//
// A sign-off block at the end (a closing such as "Trân trọng" or a line of
// Vietnamese names, then capitalised title, unit and contact lines) is left
// out of Comment, unless any of its lines holds a decision word or a
// lower-case instruction verb.
//
// # Reading it
//
// Words are compared without case and diacritics after NFC (so "DUYỆT",
// "duyet" and NFD text match), with teen code expanded (ko, k, khg, hok,
// hong = không; dc, đc = được; oke, okie = ok). A word typed with
// diacritics must carry the right ones to count as an approval or as
// filler ("Bộ" is not "bỏ", "Hồng" is not "hông"), while negations and
// change verbs are matched loosely, so a typo can only make a reply less
// approving.
//
// The rules, in order (the first that applies decides):
//  1. nothing written: Unclear;
//  2. a refusal ("từ chối", "dừng", "reject") or a negation before an
//     approval, an assent or a positive word in the same clause ("Không
//     duyệt", "Chưa nhất trí", "ko dc", "chưa ổn", "not approved"): Revise;
//  3. a change verb (sửa, bổ sung, điều chỉnh, làm rõ, thay, bỏ, chỉnh, cập
//     nhật, lưu ý, thêm, thiếu, sai, revise…): Revise; an approval with a
//     condition (nhưng, tuy nhiên, trừ, nếu, sau khi, trước khi, but, if…):
//     Revise; "xem lại", "kiểm tra lại", "trình lại", "gửi lại": Revise,
//     unless the reply defers ("Để tôi xem lại", "Em trình lại sau") or asks;
//  4. a question mark: Unclear;
//  5. a deferral ("để anh xem", "chờ", "mai", "sẽ", "chưa kịp", and "kỳ
//     sau", "tuần sau" outside a note of their own): Unclear;
//  6. otherwise Approve only if every word is part of an approval phrase
//     (duyệt, phê duyệt, đồng ý, nhất trí, thống nhất, thông qua, chấp
//     thuận, ok, được, cho ban hành, ban hành đi, approved, agree…), or the
//     casual assent "ừ", typed as such ("uhm", "ừm" may hesitate), when
//     nothing only acknowledges ("Ừ, gửi đi em"; but "Ừ, đã nhận" is
//     Unclear), or harmless: greetings and forms of address,
//     particles (nhé, nha, ạ), thanks and closings, what is approved ("báo
//     cáo", "dự thảo", "ban hành"), passing the draft on ("trình đồng chí
//     Chủ tịch ký"), positive words, acknowledgements ("đã xem") next to an
//     approval, the phrases in which "không" negates nothing ("không có ý
//     kiến gì thêm", "không cần sửa", "không cần họp lại", "không cần trình
//     lại", "không vấn đề gì"), known Vietnamese names in a clause that is
//     only a greeting or a sign-off ("Chào em Hà", "Duyệt - Hùng"), and the
//     period or version the request is about (below). Any other word makes
//     the reply Unclear: "Đã xem", "Anh Minh duyệt rồi" and "Đồng chí Trưởng
//     ban đã nhất trí" (someone else approved; so do "Mọi người đã nhất
//     trí", "Các đồng chí đã thống nhất"), "Anh chưa kịp xem, mai duyệt",
//     "Duyệt, gửi Bộ".
//
// A note for later periods: when the whole reply is not an approval, the
// sentences (ended by . ! ? ; or a line break) that begin with "kỳ sau",
// "lần sau", "đợt sau", "từ kỳ sau", "các kỳ tới"…, or with "tuần sau",
// "tháng sau", "quý sau", "năm sau" when the request is about a week, a
// month, a quarter, a year ("Tuần sau gửi Bộ" about a monthly report times
// this one), are set aside and the rest is read again by the same rules:
// "Đồng ý. Kỳ sau bổ sung biểu đồ." is Approve with the note in Comment.
// "Về sau", "sau này" and "bản sau" start no note. The marker must
// begin its own sentence ("Đồng ý, kỳ sau bổ sung biểu đồ" and "Đồng ý,
// bổ sung biểu đồ" are Revise), and a note holds no decision of its own
// (approval, refusal, condition), no deferral ("mai", "sẽ"), no period or
// version, and nothing that points back at this report ("kỳ này", "ngay",
// "hiện", "luôn", "lại", "mới", "ban hành"). A question anywhere still makes
// the reply Unclear.
//
// # The request
//
// [ReadRequest] reads a reply to a [Request]: its [Kind], its [Period] and
// the draft's version. [Read] is ReadRequest with the zero Request, an
// approval request about an unknown period and version; [ReadAnswer] reads
// the answer to a yes-or-no [Question] by the same rules, its Yes phrases
// counting as approval phrases.
//
// A period or version the reply names — "tháng 11", "tháng 11/2026",
// "tháng 11 năm 2026", "T11/2026", "tuần 48", "tuần thứ 48", "quý IV",
// "quý 4/2026", "6 tháng đầu năm", "6 tháng cuối năm", "năm 2026", "bản
// 2", "lần 2", "phiên bản 2", "v2" — confirms an approval only if it is the
// request's (a year it names must be the request's too). Another one
// ("Duyệt báo cáo tháng 10" for November, "bản 1" for the second draft,
// "tháng 11 năm 2025" for 2026, a quarter for a month), or any when the
// request does not say, makes the reply Unclear with a Reason naming what
// the reply named and what was asked. A number alone is no period and
// blocks an approval as any unknown word; so do "T11" without its year
// ("T2" is also Monday) and a month past 12.
//
// By kind:
//   - KindApprove (and the zero Kind), KindPlan: the rules above; a plan
//     also reads "triển khai thực hiện", "tổ chức thực hiện" as harmless.
//   - KindComment: "Nhất trí", "Không có ý kiến", "Thống nhất với dự thảo"
//     are Approve (agreement with nothing to add); substantive text without
//     a decision is Revise with the text in Comment (a comment gathered, not
//     a refusal), and so is a note for later periods; a deferral, a
//     question, an acknowledgement, a bare negation ("Chưa có ý kiến") or
//     nothing is Unclear.
//   - KindInitial: "Đã ký nháy", "ký nháy", "Đồng ý, trình đồng chí Chủ tịch
//     ký" are Approve; "Anh Minh đã ký nháy" is Unclear.
//   - KindReview (a supervising leader on a unit's file before it is
//     counted): "Đồng ý", "Đồng ý, gửi Văn phòng tổng hợp", "Nhất trí nội
//     dung" are Approve; comments are Revise.
//
// An unknown Kind is Unclear.
//
// # Safety stance
//
// This is a whitelist, not a search for "duyệt": an approval needs a
// positive reason, and anything the rules cannot read with confidence is
// Unclear. When in doubt the package prefers Unclear to Approve, and Revise
// when change words are present. Replies with invalid UTF-8 carry U+FFFD,
// an unknown symbol, so they cannot approve.
//
// Reading is bounded: each body is cut at 1 MiB, the person's own text at
// 64 KiB (a longer one is Unclear), HTML is walked without recursion, and
// every step is linear in the input.
package reply
