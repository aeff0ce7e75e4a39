// Package status builds the submission-status matrix of a reporting cycle: for every expected
// unit and every period, whether the unit reported on time, late, only with invalid files, not
// at all, or not yet, which version is counted and who was reminded when; and per period the
// two rates DHIS2 users know, the reporting rate and the reporting rate on time.
//
// The package is pure: Build takes plain values (the ledger's rows, the expected units, the
// periods with their deadlines, the current time) and returns a Matrix; WriteText renders it
// for a clerk at a terminal, WriteTSV for programs. Nothing here reads a clock, a file or a
// database.
package status
