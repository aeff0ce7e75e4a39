// Package localmail runs a small but real mail provider inside the process:
// an IMAP server (go-imap v2's imapserver over the in-memory imapmemserver
// store) and an SMTP server (go-smtp) that delivers every accepted message
// into the INBOX of each local recipient.
//
// It exists so that the demo and the tests can exercise tonghop's mail code
// exactly as it runs against a government mail provider, with no mocks: the
// daemon's IMAP client (imapclient) and SMTP client (go-mail) dial real TCP
// sockets on 127.0.0.1, log in with real credentials, fetch by UID, move
// messages and get real SMTP replies (550 5.1.1 for unknown recipients, 535
// for a wrong password, injected 451/550 failures for retry tests).
//
// Both listeners speak plain TCP without TLS (configure clients with TLS mode
// "none"); IMAP LOGIN / AUTHENTICATE PLAIN and SMTP AUTH PLAIN / LOGIN are
// allowed on these plain connections. IMAP advertises IMAP4rev1 with IDLE,
// MOVE, UIDPLUS, NAMESPACE and UNSELECT. SMTP accepts anonymous submission
// like an internal relay unless Options.RequireAuth is set, and rejects any
// recipient that is not a local user, as a real provider would bounce it.
// Delivered copies get Return-Path and Received headers, no flags, and an
// internal date from Options.Now.
//
// Client settings: host "127.0.0.1", ports from IMAPPort and SMTPPort. go-mail
// only sends PLAIN or LOGIN credentials unencrypted to a host named
// "localhost", "127.0.0.1" or "::1"; under any other name use
// SMTPAuthPlainNoEnc or SMTPAuthLoginNoEnc.
//
// Behaviour inherited from imapmemserver that a real provider may not share:
// UIDVALIDITY is a per-user counter (INBOX is 1, each later CREATE takes the
// next number), so it repeats across Server instances and cannot tell a
// client that a fresh provider's UIDs are unrelated to an old one's; MOVE and
// COPY give the message the destination's next UID and keep its flags and
// internal date; \Recent is never set; FETCH BODY[] (without PEEK) sets \Seen;
// there are no special-use mailboxes (\Sent, \Trash). Everything is held in
// memory and lost on Close.
package localmail
