package reply

import (
	"sort"
	"strings"
)

// kind is what a word or phrase means for the decision. Kinds are ordered by
// caution: when two phrases of the same length match at the same place, the
// more cautious reading (the higher kind) wins.
type kind int

const (
	kindUnknown    kind = iota // not in the vocabulary: blocks an approval
	kindFiller                 // greetings, pronouns, particles, thanks, "báo cáo"
	kindName                   // a person's name in a greeting or sign-off (set later)
	kindPositive               // ổn, tốt: harmless, but "không ổn" is a refusal
	kindAssent                 // ừ: approves alone, not next to "đã xem"
	kindApprove                // duyệt, đồng ý, ok, được
	kindNeutral                // "không có ý kiến gì thêm": a "không" that negates nothing
	kindAck                    // đã xem, đã nhận: acknowledgement only
	kindPeriod                 // tháng 11, quý IV, bản 2 (set later, see periods.go)
	kindFuture                 // kỳ sau, lần sau: a note for later, else a deferral
	kindDeferral               // để anh xem, chờ, mai
	kindCondition              // nhưng, nếu, trừ, sau khi
	kindWeakChange             // xem lại, trình lại: a change or a deferral
	kindChange                 // sửa, bổ sung, điều chỉnh
	kindNegation               // không, chưa
	kindRefusal                // từ chối, dừng, reject
)

// vocabulary lists each kind's phrases. Words are lower case with their
// diacritics. "[a|b]" is an optional slot, "a|b" a required choice.
//
// Matching: a word typed without any diacritics matches by its folded form
// (duyet = duyệt). A word typed with diacritics matches a strict entry only
// if the diacritics are the same (Bộ is not bỏ, thấy is not thay, Hồng is
// not hông), and a loose entry regardless of them (typos like "chưa" typed
// "chua" or "chứa" still count as a negation). Kinds that can lead to an
// approval are strict; kinds that prevent one are loose, except entries
// marked "=" whose folded form is shared by common harmless words, and
// entries marked "!" that match only as written (unaccented "Huy" is a
// name, not "hủy"). A capitalised word inside a clause must carry its own
// diacritics to match a strict entry: "Anh Minh" is a name, not "anh mình".
var vocabulary = []struct {
	kind   kind
	strict bool
	words  []string
}{
	{kindApprove, true, []string{
		"duyệt", "phê duyệt", "đồng ý", "nhất trí", "thống nhất", "thông qua", "ok", "được",
		"approve", "approved", "agree", "agreed", "lgtm", "accept", "accepted",
		"cho ban hành", "cho phát hành", "cho phép ban hành", "cho phép phát hành",
		// formal and casual forms (issue 19)
		"chấp thuận", "ban hành đi", "phát hành đi",
	}},
	{kindAssent, true, []string{"ừ", "ừ ừ"}},
	{kindPositive, true, []string{
		"ổn", "tốt", "đạt", "đúng", "đủ", "rõ", "hợp lý", "phù hợp", "đầy đủ",
		"chính xác", "chuẩn", "khớp", "good", "fine", "great", "perfect",
	}},
	{kindFiller, true, []string{
		// greetings and sign-offs
		"chào", "xin chào", "gửi", "thân gửi", "kính gửi", "dear", "hi", "hello", "ơi",
		"cảm ơn", "cám ơn", "xin cảm ơn", "thanks", "thank", "thank you", "thx", "tks", "thks",
		"trân trọng", "thân", "thân ái", "kính thư", "best", "regards", "best regards", "br", "cheers",
		// pronouns and forms of address
		"anh", "chị", "em", "a", "c", "e", "tôi", "mình", "ông", "bà", "cô", "chú", "bác",
		"thầy", "bạn", "các", "cả nhà", "mọi người", "đồng chí", "i", "we", "you",
		// particles
		"nhé", "nhá", "nha", "nhe", "nhen", "ạ", "đi", "rồi", "luôn", "vậy", "thế",
		"vâng", "dạ", "ờ", "là", "với", "cho", "đã", "đó", "này", "nhé", "cả",
		"hết", "toàn bộ", "tất cả", "hoàn toàn", "rất", "lắm", "nhiều", "and", "và",
		// what is being approved
		"báo cáo", "dự thảo", "văn bản", "bản", "nội dung", "kế hoạch", "chương trình",
		"tổng hợp", "bản tổng hợp", "ban hành", "phát hành", "như đề xuất", "như dự thảo",
		"như trình", "như tờ trình", "ký ban hành", "ký phát hành", "the", "this", "it", "is", "all", "report", "draft", "to", "issue",
		// a reviewer passing the draft on up the chain ("Đồng ý, trình Trưởng Ban")
		// ("Đồng ý, trình đồng chí Chủ tịch ký")
		// (a slot holds one word, so "đồng chí", "cơ quan" are spelt out)
		"trình|chuyển [phó] trưởng ban [ký]", "trình|chuyển lãnh đạo [ban|sở|phòng] [ký]",
		"trình|chuyển lãnh đạo cơ quan [ký]", "trình|chuyển lãnh đạo đơn vị [ký]",
		"trình|chuyển [phó] giám đốc [ký]", "trình|chuyển [phó] chủ tịch [ký]", "trình|chuyển [phó] chánh văn phòng [ký]",
		"trình|chuyển đồng chí [phó] trưởng ban [ký]", "trình|chuyển đồng chí lãnh đạo [ban|sở|phòng] [ký]",
		"trình|chuyển đồng chí [phó] giám đốc [ký]", "trình|chuyển đồng chí [phó] chủ tịch [ký]",
		"trình|chuyển đồng chí [phó] chánh văn phòng [ký]",
		// a period named without its number ("báo cáo tháng"); with its
		// number ("tháng 11") it is read in periods.go and checked against
		// the request, and a number alone stays unknown
		"tháng", "quý", "tuần", "năm", "kỳ", "đợt", "month", "quarter", "week", "year",
		"👍", "👌", "✅", "✔", "☺", "🙂", "😊", "🙏", "🌹",
	}},
	{kindNeutral, true, []string{
		"không [có] ý kiến [gì] [thêm|khác|nữa]",
		"không [có] góp ý [gì] [thêm|khác|nữa]",
		"không cần [phải] [chỉnh] sửa [gì] [thêm|nữa|lại]",
		"không [phải] [chỉnh] sửa gì [thêm|nữa]",
		"không cần bổ sung|điều chỉnh|chỉnh [gì] [thêm|nữa]",
		"không có gì [phải|cần] [chỉnh] sửa",
		"không có gì [thêm|khác]",
		"không [có] vấn đề [gì]", "không sao", "không phản đối",
		"khỏi [cần] [phải] sửa", "no change|changes|comment|comments|objection|objections|problem|issue|issues",
		"no further comment|comments|changes",
		// something not needed ("Đồng ý, không cần họp lại")
		"không cần [phải] họp [lại|thêm|nữa]", "không cần [phải] trình|gửi [ký] lại",
		"không cần [phải] xem lại", "không cần [phải] báo cáo lại", "không cần [phải] xin|lấy ý kiến [lại|thêm|nữa]",
		"không cần [phải] chờ|đợi [thêm]", "khỏi [cần] [phải] họp|trình|gửi lại",
	}},
	// Later periods: "Đồng ý. Kỳ sau bổ sung biểu đồ." A sentence that starts
	// with one is a note for later (see notes.go); anywhere else it defers.
	{kindFuture, true, []string{
		// Only the periods themselves: "về sau", "sau này" and "bản sau" (the
		// next draft of this report) do not say the note is for later reports.
		"[từ] [các|những] kỳ|lần|tháng|quý|tuần|năm|đợt sau|tới",
	}},
	{kindAck, true, []string{
		"đã xem", "đã đọc", "đã nhận", "nhận được", "đã nhận được", "xem rồi", "nhận rồi",
		"received", "noted", "seen",
	}},
	{kindDeferral, false, []string{
		"để [anh|chị|em|tôi|mình|a|c|e|t] xem|đọc|coi|duyệt", "để [anh|chị|em|tôi|mình|a|c|e|t] xem lại",
		"để [anh|chị|em|tôi|mình|a|c|e|t] kiểm tra", "để [anh|chị|em|tôi|mình|a|c|e|t] nghiên cứu",
		"để sau", "để mai", "!chờ", "=đợi", "sau", "=mai", "ngày mai", "lát", "lát nữa", "tí nữa",
		"chút nữa", "sẽ", "chưa kịp", "trả lời", "chiều nay", "sáng nay", "tối nay", "khoan", "thôi", "hỏi", "trao đổi", "=gặp", "gọi", "hẹn",
		"later", "tomorrow", "wait", "will",
	}},
	{kindCondition, false, []string{
		"nhưng", "tuy nhiên", "tuy vậy", "=song", "trừ", "ngoại trừ", "trừ khi", "nếu",
		"miễn là", "với điều kiện", "sau khi", "trước khi", "riêng", "chỉ cần", "khi nào",
		"but", "however", "except", "unless", "if", "provided", "once", "after", "before",
	}},
	{kindWeakChange, false, []string{
		"xem lại", "kiểm tra lại", "trình lại", "gửi lại", "coi lại", "đọc lại", "rà lại",
		"xem xét lại", "cân nhắc", "check", "recheck",
	}},
	{kindChange, false, []string{
		"sửa", "chỉnh sửa", "sửa lại", "sửa đổi", "bổ sung", "điều chỉnh", "làm rõ", "=thay",
		"thay thế", "thay đổi", "!đổi", "=bỏ", "=bớt", "xóa", "xoá", "=chỉnh", "cập nhật", "lưu ý",
		"chú ý", "thêm", "rà soát", "hoàn thiện", "hoàn chỉnh", "viết lại", "làm lại",
		"tính lại", "đính chính", "=sai", "thiếu", "nhầm", "=lỗi", "không khớp", "lệch",
		"revise", "revision", "revisions", "change", "changes", "fix", "correct", "update",
		"add", "remove", "delete", "amend", "modify", "missing", "wrong", "error", "mistake", "typo",
	}},
	{kindNegation, false, []string{
		"không", "chưa", "chẳng", "=chả", "=đừng", "=khỏi", "=no", "not", "don't", "dont",
		"never", "cannot", "can't", "won't", "isn't", "doesn't", "didn't",
	}},
	{kindRefusal, false, []string{
		"từ chối", "bác bỏ", "=dừng", "tạm dừng", "ngừng", "tạm ngừng", "!hoãn", "tạm hoãn", "đình chỉ", "!hủy", "!huỷ", "thu hồi", "reject", "rejected",
		"decline", "declined", "stop", "hold",
	}},
}

// phrase is one expanded vocabulary entry.
type phrase struct {
	words  []string // lower case with diacritics
	folds  []string
	kind   kind
	strict bool
	exact  bool
}

// lexicon indexes the phrases by their first folded word, longest and most
// cautious first.
type lexicon map[string][]phrase

var lex = buildLexicon()

func buildLexicon() lexicon {
	lx := lexicon{}
	for _, group := range vocabulary {
		for _, entry := range group.words {
			strict, exact := group.strict, false
			switch {
			case strings.HasPrefix(entry, "="):
				entry, strict = entry[1:], true
			case strings.HasPrefix(entry, "!"):
				entry, exact = entry[1:], true
			}
			for _, words := range expand(strings.Fields(entry)) {
				p := phrase{words: words, kind: group.kind, strict: strict, exact: exact}
				for _, w := range words {
					p.folds = append(p.folds, fold(w))
				}
				lx[p.folds[0]] = append(lx[p.folds[0]], p)
			}
		}
	}
	for _, ps := range lx {
		sort.SliceStable(ps, func(i, j int) bool {
			if len(ps[i].words) != len(ps[j].words) {
				return len(ps[i].words) > len(ps[j].words)
			}
			return ps[i].kind > ps[j].kind
		})
	}
	return lx
}

// expand turns slots like "[có]" and "sửa|chỉnh" into every word sequence
// they allow.
func expand(slots []string) [][]string {
	out := [][]string{nil}
	for _, slot := range slots {
		optional := strings.HasPrefix(slot, "[") && strings.HasSuffix(slot, "]")
		choices := strings.Split(strings.Trim(slot, "[]"), "|")
		var next [][]string
		for _, prefix := range out {
			if optional {
				next = append(next, prefix)
			}
			for _, c := range choices {
				next = append(next, append(append([]string(nil), prefix...), c))
			}
		}
		out = next
	}
	return out
}

// match finds the phrase starting at toks[i] (within one clause): the
// longest, and among equally long ones the most cautious.
func (lx lexicon) match(toks []token, i int) (k kind, n int) {
	for _, p := range lx[toks[i].fold] {
		if i+len(p.words) > len(toks) || (n > 0 && len(p.words) < n) {
			continue
		}
		if p.matches(toks, i) && (len(p.words) > n || p.kind > k) {
			k, n = p.kind, len(p.words)
		}
	}
	return k, n
}

// matches reports whether the phrase matches the tokens from toks[i].
func (p phrase) matches(toks []token, i int) bool {
	seg := toks[i].seg
	for j, w := range p.words {
		t := toks[i+j]
		if t.seg != seg || t.fold != p.folds[j] {
			return false
		}
		if t.orig == w {
			continue
		}
		// A capitalised word inside a clause that matches only without its
		// diacritics is more likely a name: "Anh Minh" is not "anh mình".
		midClause := i+j > 0 && toks[i+j-1].seg == seg
		if p.exact || (p.strict && (t.marked || (t.upper && midClause))) {
			return false
		}
	}
	return true
}
