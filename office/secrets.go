package office

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/tonghop/tonghop/templates"
)

// Labels of the keys derived from the office's template key: each use has its own key, and
// the template key itself signs only templates.
const (
	labelMessageID = "tonghop/message-id/v1"
	labelApproval  = "tonghop/approval-token/v1"
	labelLateFile  = "tonghop/late-file-token/v1"
)

// approvalMACLen is the length of the MAC in an approval token, in hex digits (32 bits: a
// forger guessing it succeeds once in four billion tries, and must also pass mail_auth).
const approvalMACLen = 8

// derive returns the key for label: HMAC-SHA256 of the label under key. Nil without a key.
func derive(key []byte, label string) []byte {
	if len(key) == 0 {
		return nil
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(label))
	return m.Sum(nil)
}

// TemplateKeys are the keys that verify a workbook's identification: the one that signs the
// templates sent now, and those the office signed templates with before and kept
// (office.previous_template_keys_file).
func (o *Office) TemplateKeys() templates.Keys {
	k := templates.Keys{Current: o.Key}
	for _, p := range o.Config.Office.PreviousTemplateKeys {
		k.Previous = append(k.Previous, []byte(p))
	}
	return k
}

// ApprovalMAC is the MAC of the approval token of a request to person (a person id) about
// version of form's period: it proves that a reply quoting it answers a request sent to that
// person. "" when the office has no key (then no reply can prove it that way).
func (o *Office) ApprovalMAC(form, period string, version int, person string) string {
	k := derive(o.Key, labelApproval)
	if k == nil {
		return ""
	}
	m := hmac.New(sha256.New, k)
	for _, part := range []string{form, period, strconv.Itoa(version), person} {
		m.Write([]byte(part))
		m.Write([]byte{0})
	}
	return hex.EncodeToString(m.Sum(nil))[:approvalMACLen]
}

// VerifyApprovalMAC reports whether mac is the ApprovalMAC of form, period, version and
// person. An empty MAC or an office without a key verifies nothing.
func (o *Office) VerifyApprovalMAC(form, period string, version int, person, mac string) bool {
	want := o.ApprovalMAC(form, period, version, person)
	return want != "" && hmac.Equal([]byte(want), []byte(mac))
}

// LateFileMAC is the MAC of the tag of the clerks' notice about a unit's file (its version)
// received after the issue of form's period: an answer quoting it answers that notice. "" when
// the office has no key.
func (o *Office) LateFileMAC(form, period, unit string, version int) string {
	k := derive(o.Key, labelLateFile)
	if k == nil {
		return ""
	}
	m := hmac.New(sha256.New, k)
	for _, part := range []string{form, period, unit, strconv.Itoa(version)} {
		m.Write([]byte(part))
		m.Write([]byte{0})
	}
	return hex.EncodeToString(m.Sum(nil))[:approvalMACLen]
}

// VerifyLateFileMAC reports whether mac is the LateFileMAC of form, period, unit and version.
func (o *Office) VerifyLateFileMAC(form, period, unit string, version int, mac string) bool {
	want := o.LateFileMAC(form, period, unit, version)
	return want != "" && hmac.Equal([]byte(want), []byte(mac))
}
