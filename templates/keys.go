package templates

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"

	"github.com/tonghop/tonghop/form"
)

// Keys verify the identification of a workbook. Current signs the templates the office sends
// now; Previous are keys it signed templates with before and kept after changing the key, so
// that a unit answering with a template sent before the change is not turned away.
type Keys struct {
	Current  []byte
	Previous [][]byte
}

// labelKeyID derives a key's name, so that naming a key never reveals it.
const labelKeyID = "tonghop/template-key-id/v1"

// KeyID names a template key without revealing it: the first 16 hex digits of
// HMAC-SHA256(key, labelKeyID); "" without a key. Every template carries the ID of the key that
// signed it beside its tag, so that a workbook signed with a key the office does not hold (a
// template sent before the key was lost or changed, another office's template) is told from one
// whose identification was altered.
func KeyID(secret []byte) string {
	if len(secret) == 0 {
		return ""
	}
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(labelKeyID))
	return hex.EncodeToString(m.Sum(nil))[:16]
}

// tagCheck is what the tag of an identification says of it.
type tagCheck int

const (
	tagCurrent  tagCheck = iota // signed with the current key
	tagPrevious                 // signed with a previous key of the office
	tagAltered                  // the key that signed it is the office's, the identification changed since
	tagOtherKey                 // signed with a key the office does not hold: an old or another office's template
	tagUnknown                  // matches no key, and the workbook does not say which key signed it
)

// check verifies the tag of id. keyID is the key ID the workbook carries ("" in templates made
// before key IDs were written).
func (k Keys) check(id form.Ident, tag, keyID string) tagCheck {
	if tagMatches(k.Current, id, tag) {
		return tagCurrent
	}
	for _, p := range k.Previous {
		if tagMatches(p, id, tag) {
			return tagPrevious
		}
	}
	switch {
	case keyID == "":
		return tagUnknown
	case k.holds(keyID):
		return tagAltered
	}
	return tagOtherKey
}

// holds reports whether keyID names one of the keys.
func (k Keys) holds(keyID string) bool {
	for _, s := range append([][]byte{k.Current}, k.Previous...) {
		if id := KeyID(s); id != "" && hmac.Equal([]byte(id), []byte(keyID)) {
			return true
		}
	}
	return false
}
