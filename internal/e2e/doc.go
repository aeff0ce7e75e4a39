// Package e2e holds the end-to-end test of tonghop on a real mail system, and nothing else: its
// code is all in _test.go files.
//
// A test office lives on loopback: a private Postfix (package postfixtest) is its mail server,
// delivering by LMTP into a private Dovecot (package dovecottest) that holds every mailbox —
// the shared mailbox tonghop reads, each unit's, each leader's and the clerk's. Units and
// leaders send through Postfix by SMTP, their mail signed with DKIM as their domain's outgoing
// server would sign it, and read their own mailboxes by IMAP; the daemon (package daemon, run
// in the test's process with daemon.Run) reads the shared mailbox by IMAP, verifies the
// signatures (mail_auth.verify_dkim, with the test's DNS answering the public key) and sends
// through Postfix.
//
// TestCycle runs the reporting cycle as a sequence of named steps — templates, valid files
// with the receipt latency measured, an invalid file whose error mail is compared with what
// `tonghop check` finds, consolidation with the year to date the units typed (the office goes
// live mid-year), two approvals, the issue; then a deputy's own mail forwarded to the clerk, the
// Trưởng Ban's request for a correction making a replacement report, and a file received after
// that issue taken in by the clerk's answer, making a second one — and then asserts what every
// mailbox holds, that no mail was delivered twice and that nothing failed in the outbox. BenchmarkReceiptLatency measures the
// time from a unit's submission to its receipt in its mailbox (bench/latency.sh runs it).
//
// The tests need root, Postfix and Dovecot (with its LMTP server); they are skipped without
// them, unless TONGHOP_REQUIRE_POSTFIX=1 and TONGHOP_REQUIRE_DOVECOT=1 make them fail instead.
package e2e
