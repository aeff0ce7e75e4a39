package office

import (
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/reply"
)

// ReplyRequest is what a letter of kind asked about, as the reply reader takes it: the form, the
// period and the version, so that a reply naming the same period or version confirms it and one
// naming another is not read as an answer to this letter. A period the reader has no words for
// (nine months, a one-off request) is left unknown: a reply naming any period is then unclear.
func ReplyRequest(kind reply.Kind, form string, p period.Period, version int) reply.Request {
	return reply.Request{Kind: kind, Form: form, Period: replyPeriod(p), Version: version}
}

func replyPeriod(p period.Period) reply.Period {
	kinds := map[period.Kind]string{
		period.Week: reply.PeriodWeek, period.Month: reply.PeriodMonth, period.Quarter: reply.PeriodQuarter,
		period.Half: reply.PeriodHalf, period.Year: reply.PeriodYear,
	}
	k, ok := kinds[p.Kind]
	if !ok {
		return reply.Period{}
	}
	return reply.Period{Kind: k, Year: p.Year, Number: p.N}
}
