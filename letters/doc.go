// Package letters holds every Vietnamese letter and subject tonghop writes to people:
// templates sent to units, receipts, rejections, reminders and nags (units.go), notices and
// the digest for the collecting desk's clerks (notices.go, digest.go), the letters of the
// approval cycle (approval.go), how people are named and greeted (people.go), and how letters
// write dates, deadlines, durations, numbers and sizes (format.go). They are in one place so
// that they can be reviewed and translated.
//
// Every text is read by a civil servant: keep it in Vietnamese, NFC, with correct diacritics,
// in the register of an office (Decree 30/2020/NĐ-CP). Leaders are never given a bare order
// ("Kính đề nghị đồng chí …"); a letter says what happens, never "chưa được tính"; one term
// for one thing ("lần gửi thứ n" for a unit's files, "dự thảo lần n" for drafts, "quá hạn",
// "chốt số liệu", "Báo cáo đã duyệt"); codes only in the subject's token at its end. Lint
// (lint.go) holds a text to the rules that can be checked; the catalogue of every letter,
// rendered into testdata/letters by the tests, is where the rest is read.
//
// A function here returns a Letter, subject and plain-text body; package mailer composes,
// signs and sends it.
package letters
