// Package letters holds every Vietnamese letter and subject tonghop writes to people:
// templates sent to units, receipts, rejections, reminders and nags (units.go), notices and
// the digest for the Planning Office (notices.go), the letters of the approval cycle
// (approval.go), and how they write dates, times, durations and sizes (format.go). They are
// in one place so that they can be reviewed and translated.
//
// Every text is read by a civil servant: keep it in Vietnamese, NFC, with correct
// diacritics, in the polite administrative register. A function here returns a Letter,
// subject and plain-text body; package mailer composes, signs and sends it.
package letters
