// Package intake reads the shared submissions mailbox over IMAP and turns raw
// mail into plain values.
//
// It has two halves that know nothing of the rest of tonghop:
//
//   - Parse is pure: it takes the raw bytes of one RFC 5322 message and returns
//     a Message with decoded addresses, subject, body text and attachments
//     (names decoded from RFC 2047 / RFC 2231, legacy charsets such as
//     windows-1258 converted, everything NFC-normalised). It never panics and
//     survives malformed mail: broken header lines, undecodable parts and
//     nonsense parameters are skipped, not fatal. Limits bounds the work an
//     attacker can cause. Message.IsAutomatic, Message.Spreadsheets and
//     Attachment.Kind classify what arrived.
//
//   - Mailbox is the IMAP client: Dial logs in, creates the Processed,
//     Rejected and Quarantine folders if missing and selects the inbox; Fetch
//     downloads new messages without marking them \Seen; Move files one away.
//
// The daemon drives the flow, because only it knows the ledger:
//
//  1. Dial, and compare Mailbox.UIDValidity with the value stored last time.
//     If it changed, the server renumbered the inbox and the stored UID
//     high-water mark is meaningless: start again from 0 (every message still
//     in the inbox has not been recorded, since recorded ones are moved out).
//  2. Fetch(afterUID, limit) returns messages with UID > afterUID, oldest
//     first. Oversized ones come back TooLarge without bytes.
//  3. For each: Parse, skip IsAutomatic mail (answering auto-replies and
//     bounces loops), validate Spreadsheets, and record the result durably
//     in the ledger together with the UID.
//  4. Only then Move the message to Processed, Rejected or Quarantine. A crash
//     between 3 and 4 leaves the message in the inbox, so it is fetched again
//     and the ledger, keyed by UIDVALIDITY+UID or Message-ID, sees it is done.
//
// A Mailbox is one IMAP connection and is not safe for concurrent use; the
// daemon polls with one Mailbox at a time and Closes it between polls or on
// the first error.
package intake
