package reply

import (
	"strconv"
	"strings"
)

// ref is a period or a version named in a reply: "tháng 11/2026", "quý IV",
// "6 tháng đầu năm", "năm 2026", "bản 2", "v2". A number alone is none.
type ref struct {
	period  Period // Year 0 when the reply does not name it
	version int    // > 0 for a version ("bản 2", "lần 2", "v2")
}

// Limits of what counts as a period or a version number; anything else
// stays an unknown word and blocks an approval.
const (
	minYear, maxYear = 2000, 2199
	maxVersion       = 999
)

// markPeriods turns each run of tokens that names a period or a version into
// one span of kindPeriod and records what it names in r.refs, by the span's
// first token. A run must start and end on span boundaries.
func (r *reading) markPeriods() {
	var out []span
	for j := 0; j < len(r.spans); j++ {
		s := r.spans[j]
		rf, n, ok := r.parseRef(s.first)
		end := j // the last span the phrase covers
		for ok && end < len(r.spans)-1 && r.spans[end].first+r.spans[end].n < s.first+n {
			end++
		}
		if !ok || r.spans[end].first+r.spans[end].n != s.first+n {
			out = append(out, s)
			continue
		}
		if r.refs == nil {
			r.refs = map[int]ref{}
		}
		r.refs[s.first] = rf
		out = append(out, span{kind: kindPeriod, first: s.first, n: n})
		j = end
	}
	r.spans = out
}

// parseRef reads a period or version phrase starting at token i and returns
// it with the number of tokens it takes.
func (r reading) parseRef(i int) (ref, int, bool) {
	t := r.toks[i]
	switch {
	case r.word(i, "tháng"):
		return r.periodNumber(i, 1, PeriodMonth, 12)
	case r.word(i, "tuần"):
		skip := 1
		if r.word(i+1, "thứ") {
			skip = 2
		}
		return r.periodNumber(i, skip, PeriodWeek, 53)
	case r.word(i, "quý"):
		return r.quarter(i)
	case r.word(i, "năm"):
		if y, ok := r.year(i + 1); ok {
			return ref{period: Period{Kind: PeriodYear, Year: y}}, 2, true
		}
	case t.orig == "6" && r.word(i+1, "tháng") && r.word(i+3, "năm"):
		return r.half(i)
	case r.word(i, "bản") || r.word(i, "lần") || t.fold == "version":
		return r.version(i, 1)
	case r.word(i, "phiên") && r.word(i+1, "bản"):
		return r.version(i, 2)
	}
	return r.glued(i)
}

// glued reads "T11/2026" (a month) and "v2" (a version) written as one
// token. "T11" without its year is not read: "T2" is also Monday.
func (r reading) glued(i int) (ref, int, bool) {
	f := r.toks[i].fold
	if len(f) < 2 || r.toks[i].marked {
		return ref{}, 0, false
	}
	switch f[0] {
	case 't':
		if n, y, ok := numberYear(f[1:]); ok && y != 0 && n >= 1 && n <= 12 {
			return ref{period: Period{Kind: PeriodMonth, Year: y, Number: n}}, 1, true
		}
	case 'v':
		if n, ok := smallNumber(f[1:], maxVersion); ok {
			return ref{version: n}, 1, true
		}
	}
	return ref{}, 0, false
}

// periodNumber reads "<word> N", "<word> N/YYYY", "<word> N năm YYYY" after
// skip words.
func (r reading) periodNumber(i, skip int, kind string, max int) (ref, int, bool) {
	j := i + skip
	if !r.sameClause(i, j) || !r.toks[j].number {
		return ref{}, 0, false
	}
	n, y, ok := numberYear(r.toks[j].orig)
	if !ok || n < 1 || n > max {
		return ref{}, 0, false
	}
	rf := ref{period: Period{Kind: kind, Year: y, Number: n}}
	return r.withYear(rf, j+1-i, i)
}

// quarter reads "quý IV", "quý 4", "quý IV/2026", "quý 4 năm 2026".
func (r reading) quarter(i int) (ref, int, bool) {
	j := i + 1
	if !r.sameClause(i, j) {
		return ref{}, 0, false
	}
	n, y, ok := numberYear(r.toks[j].orig)
	if !r.toks[j].number {
		n, y, ok = romanQuarter(r.toks[j]), 0, true
	}
	if !ok || n < 1 || n > 4 {
		return ref{}, 0, false
	}
	return r.withYear(ref{period: Period{Kind: PeriodQuarter, Year: y, Number: n}}, 2, i)
}

// half reads "6 tháng đầu năm" and "6 tháng cuối năm", with a year or not.
func (r reading) half(i int) (ref, int, bool) {
	n := 0
	switch {
	case r.word(i+2, "đầu"):
		n = 1
	case r.word(i+2, "cuối"):
		n = 2
	}
	if n == 0 || !r.sameClause(i, i+3) {
		return ref{}, 0, false
	}
	rf := ref{period: Period{Kind: PeriodHalf, Number: n}}
	if y, ok := r.year(i + 4); ok {
		rf.period.Year = y
		return rf, 5, true
	}
	return rf, 4, true
}

// version reads the number after "bản", "lần", "phiên bản", "version",
// and "số" or "thứ" between ("bản số 2", "lần thứ 2").
func (r reading) version(i, skip int) (ref, int, bool) {
	if r.word(i+skip, "số") || r.word(i+skip, "thứ") {
		skip++
	}
	j := i + skip
	if !r.sameClause(i, j) || !r.toks[j].number {
		return ref{}, 0, false
	}
	if n, ok := smallNumber(r.toks[j].orig, maxVersion); ok {
		return ref{version: n}, skip + 1, true
	}
	return ref{}, 0, false
}

// withYear adds a year written after the number ("năm 2026", or "/2026"
// when a punctuation mark split it off: "quý IV/2026"), unless the number
// already carried one.
func (r reading) withYear(rf ref, n, i int) (ref, int, bool) {
	if rf.period.Year != 0 {
		return rf, n, true
	}
	last := i + n - 1
	if r.word(last+1, "năm") && r.sameClause(i, last+1) {
		if y, ok := r.year(last + 2); ok {
			rf.period.Year = y
			return rf, n + 2, true
		}
	}
	if last+1 < len(r.toks) && r.text[r.toks[last].end:r.toks[last+1].start] == "/" {
		if y, ok := yearNumber(r.toks[last+1].orig); ok {
			rf.period.Year = y
			return rf, n + 1, true
		}
	}
	return rf, n, true
}

// word reports whether token i is w, with w's diacritics or none at all.
func (r reading) word(i int, w string) bool {
	if i >= len(r.toks) {
		return false
	}
	t := r.toks[i]
	return t.orig == w || (!t.marked && t.fold == fold(w))
}

func (r reading) sameClause(i, j int) bool {
	return j < len(r.toks) && r.toks[i].seg == r.toks[j].seg
}

// year reads a four-digit year at token i, in the same clause as i-1.
func (r reading) year(i int) (int, bool) {
	if i < 1 || !r.sameClause(i-1, i) {
		return 0, false
	}
	return yearNumber(r.toks[i].orig)
}

func yearNumber(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, ok := smallNumber(s, maxYear)
	return y, ok && y >= minYear
}

// numberYear splits "11", "11/2026", "11-2026", "11.2026" into the number
// and the year (0 when absent).
func numberYear(s string) (n, year int, ok bool) {
	num, y, sep := s, "", false
	if k := strings.IndexAny(s, "/.-"); k >= 0 {
		num, y, sep = s[:k], s[k+1:], true
	}
	if n, ok = smallNumber(num, 99); !ok {
		return 0, 0, false
	}
	if !sep {
		return n, 0, true
	}
	year, ok = yearNumber(y)
	return n, year, ok
}

// smallNumber parses a run of at most four ASCII digits, 1 to max.
func smallNumber(s string, max int) (int, bool) {
	if s == "" || len(s) > 4 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= max
}

// romanQuarter reads I to IV, or 0.
func romanQuarter(t token) int {
	switch t.fold {
	case "i":
		return 1
	case "ii":
		return 2
	case "iii":
		return 3
	case "iv":
		return 4
	}
	return 0
}

// matches reports whether the reference names what req asked about. An
// unknown request matches nothing.
func (rf ref) matches(req Request) bool {
	if rf.version > 0 {
		return req.Version > 0 && rf.version == req.Version
	}
	p := req.Period
	if !validPeriod(p) || rf.period.Kind != p.Kind {
		return false
	}
	if p.Kind != PeriodYear && rf.period.Number != p.Number {
		return false
	}
	return rf.period.Year == 0 || rf.period.Year == p.Year
}

// validPeriod reports a Period that a reply can be checked against.
func validPeriod(p Period) bool {
	if p.Year < minYear || p.Year > maxYear {
		return false
	}
	switch p.Kind {
	case PeriodWeek:
		return p.Number >= 1 && p.Number <= 53
	case PeriodMonth:
		return p.Number >= 1 && p.Number <= 12
	case PeriodQuarter:
		return p.Number >= 1 && p.Number <= 4
	case PeriodHalf:
		return p.Number == 1 || p.Number == 2
	case PeriodYear:
		return true
	}
	return false
}
