package web

import (
	"errors"

	"github.com/tonghop/tonghop/ledger"
)

// notFound is a page's answer for a form, unit, period or file the office does not have.
type notFound struct{ what string }

func (e *notFound) Error() string { return "not found: " + e.what }

// NotFound is returned by a page's Data for what does not exist: the person sees a 404.
func NotFound(what string) error { return &notFound{what: what} }

// asNotFound also counts the ledger's ErrNotFound as a 404.
func asNotFound(err error, target **notFound) bool {
	if errors.As(err, target) {
		return true
	}
	if errors.Is(err, ledger.ErrNotFound) {
		*target = &notFound{what: err.Error()}
		return true
	}
	return false
}
