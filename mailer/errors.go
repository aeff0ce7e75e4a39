package mailer

import (
	"errors"

	gomail "github.com/wneessen/go-mail"
)

// ErrPermanent marks a delivery failure that sending again will not cure: the relay
// refused the message or a recipient with a 5xx reply, or an address is malformed.
// Errors returned by Send and Compose wrap it when it applies.
var ErrPermanent = errors.New("permanent delivery failure")

// IsPermanent reports whether err is a permanent delivery failure: a 5xx reply to
// MAIL FROM, RCPT TO or DATA, or a bad recipient address. Network errors, timeouts and
// 4xx replies are temporary.
//
// A 5xx reply before the message is offered (greeting, EHLO, STARTTLS, AUTH) is not
// permanent: it says the relay or our configuration is wrong, it would fail every
// message alike, and the messages should wait until that is fixed rather than be given
// up one by one.
func IsPermanent(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrPermanent) {
		return true
	}
	var se *gomail.SendError
	if !errors.As(err, &se) {
		return false
	}
	switch se.Reason {
	case gomail.ErrGetSender, gomail.ErrGetRcpts:
		return true
	case gomail.ErrSMTPMailFrom, gomail.ErrSMTPRcptTo, gomail.ErrSMTPData, gomail.ErrSMTPDataClose:
		// go-mail decides IsTemp from the first character of the error text, so a
		// broken connection (no reply code at all) also reads as "not temporary":
		// the reply code is what counts.
		code := se.ErrorCode()
		return !se.IsTemp() && code >= 500 && code <= 599
	}
	return false
}
