package reply

import (
	"strings"
	"unicode"
)

// notNames are capitalised words that start sentences or name places,
// offices and units: a line made of them is not a person's signature, and
// "Duyệt, gửi Bộ" is not a greeting. Keys are as written, with diacritics;
// a word typed without diacritics is compared with the folded keys, so
// "Quan" (quận or the name Quân) is not taken for a name either.
var notNames = map[string]bool{
	"phường": true, "xã": true, "quận": true, "huyện": true, "tỉnh": true, "phố": true, "mục": true,
	"phần": true, "bảng": true, "biểu": true, "số": true, "ban": true, "phòng": true, "đơn": true,
	"vị": true, "chi": true, "tiêu": true, "hôm": true, "nay": true, "chiều": true, "sáng": true,
	"tối": true, "sau": true, "trước": true, "còn": true, "những": true, "các": true, "cục": true,
	"khối": true, "tổ": true, "đội": true, "làm": true, "bộ": true, "sở": true, "vụ": true,
	"ubnd": true, "hđnd": true, "tp": true, "kcn": true, "ccn": true, "khu": true, "cụm": true,
}

var notNamesFolded = func() map[string]bool {
	m := map[string]bool{}
	for k := range notNames {
		m[fold(k)] = true
	}
	return m
}()

// isNotName reports a token that cannot be a person's name.
func isNotName(t token) bool {
	if t.marked {
		return notNames[t.orig]
	}
	return notNamesFolded[t.fold]
}

// instructionVerbs are common verbs of a short instruction. A line that
// has one of them in lower case is not a signature line, so "Duyệt\nHùng\n
// Phường Hòa Bình làm tiếp" keeps its last line and is not an approval.
var instructionVerbs = map[string]bool{
	"lam": true, "gui": true, "nop": true, "bao": true, "trinh": true, "ky": true, "chuyen": true,
	"hop": true, "tiep": true, "dua": true, "in": true, "nhan": true, "goi": true, "xu": true,
	"giao": true, "phan": true, "tong": true, "lay": true, "tra": true, "hoi": true, "cho": true,
}

// signOffs are the words of a closing line ("Trân trọng,", "Thanks,").
var signOffs = map[string]bool{
	"trân trọng": true, "thân": true, "thanks": true, "thank you": true, "cảm ơn": true, "cám ơn": true,
	"best regards": true, "regards": true, "kính thư": true, "thân ái": true, "br": true, "cheers": true,
	"thx": true, "tks": true, "thks": true, "xin cảm ơn": true,
}

// decisive kinds must never be dropped as part of a signature.
func decisive(k kind) bool {
	return k >= kindPositive
}

// lineInfo describes one line for the signature rules.
type lineInfo struct {
	blank    bool
	decisive bool // has a word that matters for the decision, or a question
	signOff  bool // only fillers, including a closing word
	nameLike bool // 1–5 capitalised words, at least one a person's name
	unknown  bool // has words outside the vocabulary
	titled   bool // starts with a capital or a digit, or has an address: a title, unit or contact line
}

func describeLine(line string) lineInfo {
	toks, question := tokenize(line)
	info := lineInfo{blank: len(toks) == 0, decisive: question}
	if len(toks) > 0 {
		info.titled = toks[0].upper || toks[0].number ||
			strings.Contains(line, "@") || strings.Contains(line, "www.") || strings.Contains(line, "http")
	}
	spans := classify(toks)
	allFiller, allNames, closing := true, len(toks) <= 5, false
	for _, s := range spans {
		if decisive(s.kind) {
			info.decisive = true
		}
		if s.kind != kindFiller {
			allFiller = false
		}
		if s.kind == kindFiller && signOffs[phraseText(toks, s)] {
			closing = true
		}
		for _, t := range toks[s.first : s.first+s.n] {
			if s.kind == kindUnknown {
				info.unknown = true
				if !isPersonName(t) {
					allNames = false
				}
				if !t.upper && instructionVerbs[t.fold] {
					info.decisive = true
				}
			} else if s.kind != kindFiller || !t.upper {
				allNames = false
			}
		}
	}
	info.signOff = allFiller && closing
	info.nameLike = allNames && info.unknown
	return info
}

// phraseText is the lower-case phrase a span matched.
func phraseText(toks []token, s span) string {
	words := make([]string, 0, s.n)
	for _, t := range toks[s.first : s.first+s.n] {
		words = append(words, t.orig)
	}
	return strings.Join(words, " ")
}

// dropSignature removes the sign-off block at the end of the text: a
// closing line or a name line, then only capitalised lines without decision
// words (title, unit, telephone, e-mail), as Outlook inserts them above the
// quote.
// The first line is never dropped, and a block with a decision word in it
// stays whole, so a signature can never hide a refusal.
func dropSignature(text string) string {
	lines := strings.Split(text, "\n")
	if len(lines) < 2 || len(lines) > 200 {
		return text
	}
	infos := make([]lineInfo, len(lines))
	for i, l := range lines {
		infos[i] = describeLine(l)
	}
	cut := len(lines)
	for i := len(lines) - 1; i >= 1; i-- {
		in := infos[i]
		if in.blank {
			continue
		}
		if in.decisive || !(in.signOff || in.nameLike || in.titled) {
			break
		}
		if in.signOff || in.nameLike {
			cut = i
		}
	}
	if cut == len(lines) {
		return text
	}
	return strings.TrimRightFunc(strings.Join(lines[:cut], "\n"), unicode.IsSpace)
}
