package letters

import (
	"fmt"
	"strings"
	"time"
)

// The letters of the register of outgoing documents (issue 20, part R): the number given to an
// issued report, and the registry clerk (văn thư) asked for it when she numbers the office's
// documents herself — the request, its reminder, the request again when her answer could not
// be taken, and the acknowledgement of the number recorded.

// WhyAwaitingNumber is why a person's mail about a report approved and waiting for the registry
// clerk's number is only forwarded: nothing was issued yet to correct. Numbered apart from the
// reasons counted by iota in correction.go, so that one added there never takes its value.
const WhyAwaitingNumber Why = 100

// DocumentNumber is an issued report's number in the register.
type DocumentNumber struct {
	Number string    // as printed: "125/BC-BQL"
	Dated  time.Time // the document's date, in the office's time zone
	// Replaces is the number of the document it replaces (a correction's replacement): ""
	// for none.
	Replaces string
}

// line is the number as the issue letter states it.
func (n DocumentNumber) line() string {
	s := fmt.Sprintf("Số văn bản: %s, ngày %s.", n.Number, FormatDate(n.Dated))
	if n.Replaces != "" {
		s += fmt.Sprintf(" Văn bản này thay thế văn bản số %s.", n.Replaces)
	}
	return s
}

// NumberedIssueLetter is IssueLetter for a numbered report: the number and date of the document
// stated right after the greeting, so the recipients file and cite it as the document it is.
func NumberedIssueLetter(d Draft, approvals []Decided, n DocumentNumber) Letter {
	l := IssueLetter(d, approvals)
	if n.Number == "" {
		return l
	}
	greeting, rest, _ := strings.Cut(l.Body, "\n\n")
	l.Body = greeting + "\n\n" + n.line() + "\n\n" + rest
	return l
}

// NumberRequest is what the registry clerk is asked to number: the approved version (its MAC,
// in the token, binds her reply to her), the form's symbol and the approvals.
type NumberRequest struct {
	Draft     Draft
	To        Person // the registry clerk
	Symbol    string // "BC-BQL"
	Approvals []Decided
}

// example is the answer the letters show her: a number of the form's symbol.
func (r NumberRequest) example() string { return quoted("125/" + r.Symbol) }

func (r NumberRequest) askLine() string {
	return fmt.Sprintf("Kính đề nghị đồng chí cấp số văn bản cho %s trong sổ văn bản đi (ký hiệu %s), "+
		"trả lời thư này với số văn bản, ví dụ %s. Báo cáo được phát hành với số đồng chí cấp ngay khi hệ thống nhận được thư trả lời.",
		r.Draft.what(), r.Symbol, r.example())
}

func (r NumberRequest) approved() string {
	var names []string
	for _, a := range r.Approvals {
		names = append(names, a.Person.namedThen()+" "+a.verb()+" lúc "+FormatDateTime(a.At))
	}
	if len(names) == 0 {
		return fmt.Sprintf("%s đã được duyệt.", r.Draft.what())
	}
	return fmt.Sprintf("%s đã được duyệt: %s.", r.Draft.what(), strings.Join(names, "; "))
}

// NumberRequestLetter asks the registry clerk to number the approved report attached.
func NumberRequestLetter(r NumberRequest) Letter {
	return tokenLetter(r.Draft.token(), "Đề nghị cấp số văn bản: "+upperFirst(brief(r.Draft.Request)),
		toLeader(r.To), r.approved(), r.askLine(), attachedLine(r.Draft), signature(r.Draft.Office))
}

// NumberReminderLetter reminds the registry clerk, the n-th time, that the report waits for its
// number since since.
func NumberReminderLetter(r NumberRequest, n int, since time.Time) Letter {
	return tokenLetter(r.Draft.token(), fmt.Sprintf("Nhắc lần %d – đề nghị cấp số văn bản: %s", n, upperFirst(brief(r.Draft.Request))),
		toLeader(r.To),
		fmt.Sprintf("%s đã được duyệt từ %s và đang chờ số văn bản để phát hành.", r.Draft.what(), FormatDateTime(since)),
		r.askLine(), attachedLine(r.Draft), signature(r.Draft.Office))
}

// NumberRefusal is why the number in the registry clerk's answer could not be taken.
type NumberRefusal int

// Why a number is refused.
const (
	NumberUnread      NumberRefusal = iota // no number found
	NumberTwo                              // more than one number
	NumberOutOfRange                       // 0, or past 99.999
	NumberOtherSymbol                      // a symbol not the form's
	NumberTaken                            // already in the year's register
)

// NumberAskAgainLetter asks the registry clerk again, in her answer's thread: why her answer
// could not be taken (given: the number as she wrote it; year: the register's), what she wrote.
func NumberAskAgainLetter(r NumberRequest, why NumberRefusal, given string, year int, written string) Letter {
	quote := "Thư trả lời không có nội dung."
	if strings.TrimSpace(written) != "" {
		quote = "Nội dung đã nhận:\n" + indent(written)
	}
	return tokenLetter(r.Draft.token(), "Đề nghị cấp lại số văn bản: "+upperFirst(brief(r.Draft.Request)),
		toLeader(r.To),
		fmt.Sprintf("Hệ thống chưa ghi được số văn bản cho %s: %s.", r.Draft.what(), refusalText(why, given, r.Symbol, year)),
		quote, r.askLine(), signature(r.Draft.Office))
}

func refusalText(why NumberRefusal, given, symbol string, year int) string {
	switch why {
	case NumberTwo:
		return "thư trả lời có nhiều hơn một số văn bản"
	case NumberOutOfRange:
		return "số văn bản phải từ 01 đến 99.999"
	case NumberOtherSymbol:
		return fmt.Sprintf("ký hiệu của số %s không phải ký hiệu của biểu mẫu này (%s)", quoted(given), symbol)
	case NumberTaken:
		return fmt.Sprintf("số %s đã có trong sổ văn bản đi năm %d", quoted(given), year)
	}
	return "không tìm thấy số văn bản trong thư trả lời"
}

// NumberRecordedLetter acknowledges the registry clerk's number: recorded, the report issued
// with it.
func NumberRecordedLetter(r NumberRequest, n DocumentNumber) Letter {
	return tokenLetter(r.Draft.token(), "Đã ghi số văn bản "+n.Number+": "+upperFirst(brief(r.Draft.Request)),
		toLeader(r.To),
		fmt.Sprintf("Hệ thống đã ghi số văn bản %s, ngày %s vào sổ văn bản đi và phát hành %s với số này.",
			n.Number, FormatDate(n.Dated), r.Draft.what()),
		signature(r.Draft.Office))
}
