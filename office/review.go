package office

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// Issue 19, part V (supervisors): the unit's supervising leader.

// labelReview is the label of the key that binds a supervisor's reply to the request about one
// recorded file.
const labelReview = "tonghop/review-token/v1"

// ReviewMode is form f's supervisor mode as the ledger records it; "" when the supervisor takes
// no part.
func ReviewMode(f *config.Form) ledger.ReviewMode {
	switch f.SupervisorMode() {
	case config.SupervisorCopy:
		return ledger.ReviewCopy
	case config.SupervisorReview:
		return ledger.ReviewReview
	case config.SupervisorApprove:
		return ledger.ReviewApprove
	}
	return ""
}

// ReviewHold is what a valid file of unit for form f's period p, received at received, is
// recorded with: its supervisor's part and when their view is due. nil when nobody sees it:
// the form names no supervisor mode, or a copy would reach nobody.
func (o *Office) ReviewHold(f *config.Form, unit config.Unit, p period.Period, received time.Time) *ledger.ReviewHold {
	mode := ReviewMode(f)
	if mode == "" {
		return nil
	}
	h := &ledger.ReviewHold{Mode: mode, Supervisor: unit.Supervisor}
	if _, ok := o.Person(unit.Supervisor); !ok {
		h.Supervisor = ""
	}
	if !mode.Holds() {
		if h.Supervisor == "" && len(f.Copies) == 0 {
			return nil
		}
		return h
	}
	due, err := config.ParseSupervisorDue(f.SupervisorDue)
	if err == nil { // validated: a failure leaves the view without a date, never the file counted
		h.Due = due.Due(p, f.PlansNext.Has(p.Kind), received, o.Calendar)
	}
	return h
}

// ReviewMAC is the MAC of the subject tag of a request to person (a person id) about the
// recorded file with id: a reply quoting it answers a request sent to that person. "" when
// the office has no key.
func (o *Office) ReviewMAC(id int64, person string) string {
	k := derive(o.Key, labelReview)
	if k == nil {
		return ""
	}
	m := hmac.New(sha256.New, k)
	for _, part := range []string{strconv.FormatInt(id, 10), person} {
		m.Write([]byte(part))
		m.Write([]byte{0})
	}
	return hex.EncodeToString(m.Sum(nil))[:approvalMACLen]
}

// VerifyReviewMAC reports whether mac is the ReviewMAC of id and person.
func (o *Office) VerifyReviewMAC(id int64, person, mac string) bool {
	want := o.ReviewMAC(id, person)
	return want != "" && hmac.Equal([]byte(want), []byte(mac))
}
