// Package browser holds the board's browser test (issue 22, "Done when"): Debian's Chromium,
// headless, driven by chromedp through the board on the demo's data — a failed and a good
// log-in, a form's matrix, a unit's difference between two versions, a download, and a late
// file taken in with the new draft it makes. Screenshots of the main pages are written under
// the directory named by TONGHOP_ARTIFACTS (else the test's temporary directory). It has test
// files only; it stands on the programs' floor, above the demo and the board it drives.
package browser
