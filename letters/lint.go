package letters

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Lint reads a text a person reads — a letter, a workbook's label, a command's output — as a
// reviewer of Vietnamese administrative writing would, and returns what breaks the house's rules
// for it: English words, configuration keys, commands, "hãy", a number of five digits or more
// without its thousands dot, parentheses inside parentheses, straight quotation marks, internal
// codes ("2026-11", "v2"). It is pure, so that every catalogue of texts (the letters', the
// workbooks') holds its golden files to the same rules.
//
// What the text quotes is not its own words and is left out: anything between “ and ” (a file
// name, a subject, a folder), lines quoting a person (beginning "> " or four spaces), addresses
// and domain names.

// Finding is one place a text breaks a rule.
type Finding struct {
	Rule  string // one of the Rule… constants
	Match string // the text that breaks it
}

func (f Finding) String() string { return f.Rule + ": " + f.Match }

// The rules Lint applies.
const (
	RuleEnglish     = "English word"
	RuleConfigKey   = "configuration key"
	RuleCommand     = "command"
	RuleHay         = "“hãy”"
	RuleNumber      = "number without thousands dot"
	RuleParentheses = "nested parentheses"
	RuleQuote       = "straight quotation mark"
	RuleCode        = "internal code"
)

// LintLetter lints a letter: its subject without the tokens that end it ("[BM.04.01/KH]",
// "[TH BM.02.01/KH 2026-11 v2]"), which carry codes on purpose, and its body.
func LintLetter(l Letter) []Finding {
	return Lint(subjectTokens.ReplaceAllString(l.Subject, "") + "\n\n" + l.Body)
}

// subjectTokens are the bracketed codes of a subject: a form code, a draft's or a late file's token.
var subjectTokens = regexp.MustCompile(`\[(?:TH )?[^\[\]]{1,120}\]`)

// Lint returns what in text breaks the rules, in the order found; nil when nothing does.
func Lint(text string) []Finding {
	var out []Finding
	for _, line := range strings.Split(norm.NFC.String(text), "\n") {
		if strings.HasPrefix(line, ">") || strings.HasPrefix(line, "    ") {
			continue // a person's words, quoted
		}
		line = quotedSpan.ReplaceAllString(line, "“”")
		line = webLink.ReplaceAllString(line, "") // the board's page: a link is followed, not read
		out = append(out, CommandOrKey(line)...)
		out = append(out, lintWords(line)...)
		out = append(out, lintMarks(line)...)
	}
	return out
}

// webLink is an address of the board's pages (issue 22), which carries codes in its query.
var webLink = regexp.MustCompile(`https?://[^\s]+`)

// quotedSpan is text between curly quotation marks, on one line.
var quotedSpan = regexp.MustCompile(`“[^“”]*”`)

// What a person must never be told to type or look up: a command ("tonghop consolidate"), text in
// backticks, a key of the configuration ("[mail_auth]", "[[units]]", "mailbox.max_attachments",
// "deadline_overrides"). A text says what will happen and what the person can do by mail; the
// configuration is the administrator's, not the reader's.
var (
	commandWords = regexp.MustCompile(`\btonghop\s+[a-z]|\x60`) // \x60: a backtick
	configWords  = regexp.MustCompile(`\[\[?[a-z][a-z0-9_]*\]\]?|\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b[a-z]+\.[a-z][a-z0-9_]*_[a-z0-9_]*\b`)
)

// CommandOrKey returns the commands and configuration keys text names. It is the one rule of
// Lint that also holds for every string literal of the sources of person-read texts (see the
// letters' tests), where a literal may be a fragment of a sentence.
func CommandOrKey(text string) []Finding {
	var out []Finding
	for _, m := range commandWords.FindAllString(text, -1) {
		out = append(out, Finding{RuleCommand, m})
	}
	for _, m := range configWords.FindAllString(text, -1) {
		out = append(out, Finding{RuleConfigKey, m})
	}
	return out
}

// tokenRuns are the runs of what may make one word, address, file name or number: letters,
// marks, digits and _@.-/+, as the regexp [\p{L}\p{M}\p{N}_@.\-/+]+ finds them. A scan, not that
// regexp: FindAllString's backtracker clears a bitmap as long as the rest of the line at each
// match, quadratic on a long line, and was most of the time of linting a letter.
func tokenRuns(line string) []string {
	var out []string
	start := -1
	for i, r := range line {
		if isTokenRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, line[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, line[start:])
	}
	return out
}

func isTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) || strings.ContainsRune("_@.-/+", r)
}

// internalCode is a canonical period name or a version: "2026-11", "2026-W48", "2026-Q4",
// "2026-R03", "v2".
var internalCode = regexp.MustCompile(`^(?:(?:19|20)\d{2}-(?:[WwQqHh]\d{1,2}|[Rr]\d{2}|9[Mm]|\d{1,2})(?:-\d{1,2})?|[vV]\d+)$`)

// lintWords checks the words and numbers of a line.
func lintWords(line string) []Finding {
	var out []Finding
	for _, tok := range tokenRuns(line) {
		tok = strings.Trim(tok, ".-/+_")
		// The regexps only on tokens that may match (a dot; a first 1, 2, v or V): most words
		// have neither, and a regexp's match costs far more than the look.
		if strings.Contains(tok, "@") || strings.Contains(tok, ".") && domainLike.MatchString(tok) {
			continue // an address, a domain, a file name
		}
		if tok != "" && strings.IndexByte("12vV", tok[0]) >= 0 && internalCode.MatchString(tok) {
			out = append(out, Finding{RuleCode, tok})
			continue
		}
		for _, w := range strings.FieldsFunc(tok, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.M, r)
		}) {
			out = append(out, lintWord(w)...)
		}
	}
	return out
}

// domainLike is a token with a dot between letters, or a file's extension: "bqlkcn.example",
// "bao-cao_v1.xlsx".
var domainLike = regexp.MustCompile(`\p{L}\.\p{L}|\.(?i:xlsx|xlsm|xls|ods|pdf|zip|rar|eml|docx?)$`)

func lintWord(w string) []Finding {
	lower := strings.ToLower(w)
	switch {
	case lower == "hãy":
		return []Finding{{RuleHay, w}}
	case englishWords[lower]:
		return []Finding{{RuleEnglish, w}}
	case isBigNumber(w):
		return []Finding{{RuleNumber, w}}
	}
	return nil
}

// isBigNumber is a run of five digits or more that is an amount: a leading 0 makes it a phone
// number, a letter among the digits an identifier.
func isBigNumber(w string) bool {
	if len(w) < 5 || w[0] == '0' {
		return false
	}
	return strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// lintMarks checks quotation marks and parentheses.
func lintMarks(line string) []Finding {
	var out []Finding
	if strings.ContainsAny(line, `"'`) {
		out = append(out, Finding{RuleQuote, around(line, strings.IndexAny(line, `"'`))})
	}
	depth := 0
	for i, r := range line {
		switch r {
		case '(':
			if depth++; depth == 2 {
				out = append(out, Finding{RuleParentheses, around(line, i)})
			}
		case ')':
			depth = max(0, depth-1)
		}
	}
	return out
}

// around is up to 30 characters of line each side of byte i, for a finding's Match.
func around(line string, i int) string {
	from, to := i, i
	for n := 0; n < 30 && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(line[:from])
		from -= size
	}
	for n := 0; n < 30 && to < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[to:])
		to += size
	}
	return line[from:to]
}

// englishWords are English words that have been, or could be, left in a Vietnamese text: the
// words of the domain (report, deadline, draft…), of mail and of the configuration, the names of
// commands, and the function words that give away an English phrase. None is a Vietnamese
// syllable written without its marks ("to", "in", "an", "the", "not", "ban", "day", "long" are left
// out: they are).
var englishWords = setOf(
	// letters
	"dear", "please", "hello", "thanks", "thank", "regards", "sincerely", "best",
	// the domain
	"deadline", "deadlines", "error", "errors", "warning", "warnings", "file", "files", "report", "reports", "reporting",
	"unit", "units", "sheet", "sheets", "workbook", "workbooks", "worksheet", "draft", "drafts", "version", "versions",
	"approve", "approved", "approval", "approvals", "approver", "reviewer", "supervisor", "clerk", "clerks",
	"recipient", "recipients", "issue", "issued", "submit", "submitted", "submission", "submissions", "period", "periods",
	"template", "templates", "form", "forms", "indicator", "indicators", "subtotal", "total", "column", "row", "rows",
	"late", "overdue", "reminder", "reminders", "nag", "nags", "escalate", "escalated", "digest", "notice", "notices",
	"receipt", "rejected", "rejection", "accepted", "invalid", "valid", "required", "optional", "closed", "locked",
	"week", "weeks", "month", "months", "quarter", "year", "daily", "weekly", "monthly", "working", "days", "hours",
	// mail and machines
	"email", "emails", "mail", "mailbox", "inbox", "folder", "quarantine", "processed", "subject", "reply", "forward",
	"attachment", "attachments", "signature", "message", "sender", "server", "password", "login", "admin",
	"administrator", "upload", "download", "click", "link", "spam", "token", "hash", "id", "dkim", "spf", "dmarc",
	// configuration and commands
	"config", "configuration", "settings", "setting", "override", "overrides", "overridden", "sum", "avg", "average",
	"min", "max", "none", "null", "nil", "true", "false", "yes", "ok", "okay", "consolidate", "consolidated", "status",
	"check", "ingest", "decide", "import", "daemon", "demo", "run", "command", "test",
	// function words
	"and", "of", "after", "before", "with", "from", "for", "by", "is", "are", "this", "that", "or", "your", "you",
	"will", "was", "has", "have",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range slices.Compact(slices.Sorted(slices.Values(words))) {
		m[w] = true
	}
	return m
}
