package approval

import "time"

// Draft says a new draft version is ready (events are passed to State.Apply).
type Draft struct {
	Version int
	At      time.Time
	Author  string // "" = built by tonghop, else the id of the person who made it
}

// Reply is a leader's answer, read from their mail by another package.
type Reply struct {
	Person    string // id of the sender in the configuration, or their address if unknown
	Version   int    // the version the reply is about; 0 when it could not be told
	Decision  string // Approve, Revise or Unclear
	Comment   string
	At        time.Time
	MessageID string
	// EditedVersion > 0: the reply carried an edited workbook that the daemon has already
	// stored as that draft version (authored by Person).
	EditedVersion int
	// Step is the step, counted from 1, whose request (or reminder) the mail answers, when its
	// thread says so; 0 when it cannot be told. A reply to a comment round's request counts
	// only in that round, never as the decision of a later step the same person holds.
	Step int
}

// Tick lets time pass: reminders fall due.
type Tick struct {
	At time.Time
}

// Reopen says the issued report is to be corrected: a person of the chain asked for changes, or
// the Planning Office took in a file received after the issue. Only an issued report reopens.
type Reopen struct {
	At     time.Time
	Person string // the id of who asked or decided
}
