// Package layers holds the floor plan of the house: which floor each package of tonghop stands
// on. A package imports only packages on a lower floor (its test enforces it), so the stages of
// the cycle cannot reach into each other and the leaves know nothing of the rooms above them.
package layers

// Floors maps each package, by its path inside the module, to its floor. A new package must be
// placed here; its test fails until it is.
var Floors = map[string]int{
	// 0: leaves — pure values and self-contained readers.
	"clock": 0, "lunar": 0, "vnenc": 0, "tnef": 0, "form": 0, "reply": 0, "mailauth": 0,
	"status": 0, "xlsconv": 0, "localmail": 0, "address": 0,
	"internal/netfault": 0, "internal/officeapps": 0, "internal/layers": 0, "internal/xlsxbomb": 0,
	"internal/supervise": 0,
	// An http.Server's life, for /healthz and the board.
	"internal/httpserve": 0,
	// The demo's office for tests, made by running the command (a process, no import of it).
	"internal/demotest": 0,
	// Zip writers whose Deflate compressors are kept between archives.
	"internal/zipflate": 0,
	// Which tests are long runs, skipped by the suite unless TONGHOP_LONG=1.
	"internal/longtest": 0,
	// Issue 20 (part R): the rules of the register of outgoing documents (sổ văn bản đi).
	"docnumber": 0,
	// 1: calendar, workbooks, mailbox, ledger, transport.
	"period": 1, "holiday": 1, "templates": 1, "intake": 1, "ledger": 1, "mailer": 1,
	// Issue 20 (part W): the safe reader of units' and leaders' .docx.
	"wordfile": 1,
	// The tests' private Dovecot and Postfix, each a supervised master process.
	"internal/dovecottest": 1, "internal/postfixtest": 1,
	// 2: pure domain logic and the configuration as data.
	"approval": 2, "schedule": 2, "consolidate": 2, "letters": 2, "config": 2,
	// Issue 18 (WP-D): what a unit's template starts with, from what it sent before.
	"prefill": 2,
	// Issue 21 (part E): /healthz and /metrics; reads the ledger through a small interface.
	"health": 2,
	// 3: documents built from the domain.
	"reportbook": 3,
	// Issue 20 (part D): the administrative document (Decree 30/2020) the report is issued as.
	"document": 3,
	// Part A (figures): the opening-figures workbook and past figures to import.
	"history": 3,
	// Issue 21 (part D): a period's whole record handed over as a zip, from the ledger.
	"dossier": 3,
	// 4: the compiled office.
	"office": 4,
	// 5: the stages of the cycle — they never import each other.
	"receive": 5, "report": 5, "approve": 5, "ask": 5,
	// Issue 19, part V: the unit's supervising leader (copies, views, approval of its plan).
	"review": 5,
	// Issue 19 (part 3): this office as a unit of an upper office.
	"upstream": 5,
	// Test offices, compiled, for the stages' tests.
	"internal/officetest": 5,
	// 6: the workers, the intake loop, the outbox and routing.
	"daemon": 6,
	// 7: the sample office; the end-to-end test on a real mail system (test files only).
	"demo": 7, "internal/e2e": 7,
	// Issue 22 (part B): the board, over the ledger, the office and the status matrix.
	"web": 7,
	// 8: the programs.
	"cmd/tonghop": 8, "internal/browser": 8, // issue 22: the board's browser test (test files only)
	"bench/bigbook": 8, "bench/bigform": 8, "bench/rowspeer": 8, "bench/sharedstring": 8,
}
