package reply

import "strings"

// maxMarkerLine is the longest line examined for quote markers; longer lines
// are always the person's text or quoted text, never a marker, and skipping
// them keeps folding cheap on huge bodies.
const maxMarkerLine = 400

// markerFold folds a line for marker matching, or returns "" for long lines.
func markerFold(line string) string {
	line = strings.TrimSpace(line)
	if len(line) > maxMarkerLine {
		return ""
	}
	return strings.TrimLeft(fold(line), "* ")
}

// isQuotedLine reports a "> " line, as Gmail, Apple Mail, Thunderbird and
// old Outlook Express quote the original.
func isQuotedLine(line string) bool {
	return strings.HasPrefix(strings.TrimLeft(line, " \t"), ">")
}

// isSignatureDash reports the "-- " line that starts a signature.
func isSignatureDash(line string) bool {
	return line == "-- " || strings.TrimSpace(line) == "--"
}

// separatorWords appear inside dashed separator lines such as
// "-----Original Message-----" (Outlook, AOL), "----- Thư gốc -----"
// (Zimbra in Vietnamese), "---------- Forwarded message ---------" (Gmail)
// and "-------- Thư đã chuyển tiếp --------" (Thunderbird).
var separatorWords = []string{
	"original message", "forwarded message", "forwarded by", "thu goc", "chuyen tiep",
	"tin nhan goc", "message d'origine", "urspr", "reply message", "thu tra loi",
}

// isSeparator reports a line after which everything is the quoted or
// forwarded original.
func isSeparator(f string) bool {
	if len(f) >= 10 && strings.Trim(f, "_") == "" {
		return true // Outlook, OWA, Outlook mobile: a line of underscores
	}
	if strings.HasPrefix(f, "begin forwarded message") || strings.HasPrefix(f, "bat dau thu duoc chuyen tiep") ||
		strings.HasPrefix(f, "bat dau tin nhan chuyen tiep") {
		return true // Apple Mail forward
	}
	if !strings.HasPrefix(f, "--") {
		return false
	}
	for _, w := range separatorWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// Header labels of the block that Outlook (English and Vietnamese), OWA,
// Zimbra, Yahoo and AOL put above the original: "From:/Sent:/To:/Subject:"
// and "Từ:/Đã gửi:/Đến:/Chủ đề:".
var (
	fromLabels  = []string{"from", "tu", "nguoi gui", "de", "von"}
	otherLabels = []string{"sent", "date", "to", "subject", "cc", "bcc", "da gui", "ngay", "gui",
		"den", "toi", "chu de", "tieu de", "thoi gian", "ngay gui", "gui luc", "nguoi nhan",
		"envoye", "objet", "a", "gesendet", "an", "betreff"}
)

// headerLabel returns the folded label of a "Label: value" line, or "".
func headerLabel(f string) string {
	f = strings.TrimLeft(f, "> ")
	i := strings.IndexByte(f, ':')
	if i <= 0 || i > 20 {
		return ""
	}
	return strings.TrimRight(strings.Trim(f[:i], "* "), " ")
}

func hasLabel(labels []string, label string) bool {
	for _, l := range labels {
		if l == label {
			return true
		}
	}
	return false
}

// isHeaderBlock reports a "From:" line followed, within the next seven
// lines, by another header line: two labels together are a quoted mail's
// header, not words the person wrote.
func isHeaderBlock(folds *lineFolds, i int) bool {
	if !hasLabel(fromLabels, headerLabel(folds.at(i))) {
		return false
	}
	for j := i + 1; j < folds.len() && j <= i+7; j++ {
		if hasLabel(otherLabels, headerLabel(folds.at(j))) {
			return true
		}
	}
	return false
}

// lineFolds folds each line for marker matching at most once.
type lineFolds struct {
	lines []string
	folds []string
	done  []bool
}

func newLineFolds(lines []string) *lineFolds {
	return &lineFolds{lines: lines, folds: make([]string, len(lines)), done: make([]bool, len(lines))}
}

func (lf *lineFolds) len() int { return len(lf.lines) }

func (lf *lineFolds) at(i int) string {
	if !lf.done[i] {
		lf.folds[i], lf.done[i] = markerFold(lf.lines[i]), true
	}
	return lf.folds[i]
}

// attributionStarts begin the "On … wrote:" line of Gmail, Apple Mail,
// Thunderbird and Yahoo, in English, Vietnamese, French and German.
var attributionStarts = []string{"on ", "vao ", "le ", "am "}

// attributionLines reports whether line i ends an attribution ("… wrote:",
// "… đã viết:") and how many lines before it belong to it, for Gmail wraps
// long attributions over two or three lines. A real attribution carries a
// date or an address, which keeps "như anh đã viết:" from counting.
func attributionLines(folds *lineFolds, i int) (ok bool, before int) {
	f := folds.at(i)
	if !(strings.HasSuffix(f, "wrote:") || strings.HasSuffix(f, "viet:") ||
		strings.HasSuffix(f, "schrieb:") || strings.HasSuffix(f, "a ecrit :") || strings.HasSuffix(f, "a ecrit:")) {
		// Yahoo Mail for Android runs the attribution and the quoted text
		// together on one line: "On Fri, 20 Nov 2026 at 9:12, X<x> wrote:   Kính gửi…".
		head := f
		if len(head) > 200 {
			head = head[:200]
		}
		inline := hasAnyPrefix(f, attributionStarts) && (strings.Contains(head, " wrote: ") || strings.Contains(head, " da viet: "))
		return inline && strings.ContainsAny(head, "0123456789@"), 0
	}
	joined := f
	if !hasAnyPrefix(f, attributionStarts) {
		for back := 1; back <= 2 && i-back >= 0; back++ {
			prev := folds.at(i - back)
			if prev == "" {
				break
			}
			joined = prev + " " + joined
			if hasAnyPrefix(prev, attributionStarts) {
				before = back
				break
			}
		}
		if before == 0 {
			joined = f
		}
	}
	return strings.ContainsAny(joined, "0123456789@"), before
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Device lines are the footers phones and mail apps add: "Sent from my
// iPhone", "Gửi từ iPhone của tôi", "Get Outlook for iOS", "Được gửi từ Thư
// cho Windows". They are removed only when they name a device or an app, so
// that "Gửi từ phường X …" stays.
var (
	deviceStarts = []string{"sent from", "sent via", "sent with", "gui tu", "duoc gui tu", "get outlook for",
		"tai outlook cho", "nhan outlook cho", "download outlook", "gui bang", "envoye de", "von meinem"}
	deviceWords = []string{"iphone", "ipad", "android", "outlook", "yahoo", "mail", "thu", "samsung", "galaxy",
		"dien thoai", "thiet bi", "di dong", "mobile", "windows", "huawei", "xiaomi", "oppo", "vivo",
		"blackberry", "gmail", "smartphone", "tablet", "may tinh bang", "ios", "bkav", "vsmart"}
)

func isDeviceLine(f string) bool {
	if f == "" || len(f) > 120 || !hasAnyPrefix(f, deviceStarts) {
		return false
	}
	for _, w := range deviceWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// removeRequestToken removes the "[TH …]" reference the request mail
// carries, in case it shows up in the person's text (a failed quote strip).
// Each "[" looks at most 200 bytes ahead for its "]", so the scan stays
// linear.
func removeRequestToken(line string) string {
	var b strings.Builder
	rest := line
	for {
		i := strings.Index(rest, "[")
		if i < 0 {
			break
		}
		end := tokenEnd(rest[i:])
		if end < 0 {
			b.WriteString(rest[:i+1])
			rest = rest[i+1:]
			continue
		}
		b.WriteString(rest[:i])
		rest = rest[i+end:]
	}
	b.WriteString(rest)
	return b.String()
}

// tokenEnd returns the length of a "[TH …]" token at the start of s, or -1.
func tokenEnd(s string) int {
	body := strings.TrimLeft(s[1:], " ")
	if !strings.HasPrefix(body, "TH") || (len(body) > 2 && isWordByte(body[2])) {
		return -1
	}
	window := s
	if len(window) > 200 {
		window = window[:200]
	}
	if j := strings.IndexAny(window, "]\n"); j > 0 && window[j] == ']' {
		return j + 1
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// instructionTexts are the request mail's instruction paragraph, as the
// letters package writes it (letters.AnswerInstruction; a test there holds
// the two together), and as it wrote it before, for replies to requests sent
// then. Their approval words must never count, so if one shows up in the
// person's text (a failed quote strip) it is removed — but only that exact
// text, possibly wrapped over several lines: a sentence of the person's own
// that mentions "trả lời thư này" stays. Should the letters' wording change
// without this list, the paragraph stays too, and its "chỉnh sửa" keeps the
// reply from reading as an approval.
var instructionTexts = []string{
	"Kính đề nghị đồng chí cho ý kiến bằng cách trả lời thư này: ghi “Duyệt” hoặc “Đồng ý” nếu đồng ý; hoặc ghi rõ " +
		"nội dung cần chỉnh sửa. Nếu chỉnh sửa trực tiếp trên tệp, kính đề nghị đồng chí gửi kèm tệp đã sửa khi trả lời.",
	"Trả lời thư này: Duyệt / Đồng ý để duyệt; hoặc ghi ý kiến cần sửa. " +
		"Nếu sửa trực tiếp trên tệp, xin gửi kèm tệp đã sửa khi trả lời.",
}

// instructionKeys are instructionTexts folded, without spaces.
var instructionKeys = func() []string {
	keys := make([]string, len(instructionTexts))
	for i, t := range instructionTexts {
		keys[i] = strings.Join(strings.Fields(fold(t)), "")
	}
	return keys
}()

// instructionPart reports whether a line (folded) is a piece of an
// instruction that continues seen, the pieces of the lines before it, and
// returns the pieces so far.
func instructionPart(f, seen string) (string, bool) {
	key := strings.Join(strings.Fields(strings.TrimLeft(f, "> ")), "")
	if key == "" || (seen == "" && len(key) < len("traloithunay:")) {
		return "", false
	}
	part := seen + key
	for _, instruction := range instructionKeys {
		if !strings.HasPrefix(instruction, part) {
			continue
		}
		// A short continuation ("sửa") could be the person's own word; it
		// counts only if it ends a sentence of the instruction.
		ends := part == instruction || strings.HasSuffix(part, ".") || strings.HasPrefix(instruction[len(part):], ".")
		return part, seen == "" || len(key) >= 8 || ends
	}
	return "", false
}
