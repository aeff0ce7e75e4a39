package templates

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// TestReadKeys: what a workbook is told about its identification with a key ring. A template
// signed with a previous key of the office is accepted with a warning; one signed with a key the
// office does not hold (an old template after the key was lost, another office's) is told so
// plainly; one whose identification was altered under the office's own key is told that; and a
// template made before templates named their key, matching no key, is told both possibilities.
// No problem ever points at the hidden sheet.
func TestReadKeys(t *testing.T) {
	f := builtin(t, "BM.02.01/KH")
	old, current := []byte("khóa cũ"), []byte("khóa mới")
	signedBy := map[string][]byte{} // a workbook signed by each key, made once
	signed := func(key []byte) []byte {
		if data, ok := signedBy[string(key)]; ok {
			return bytes.Clone(data)
		}
		m := testMeta()
		m.Secret = key
		var buf bytes.Buffer
		if err := Generate(&buf, f, m, nil); err != nil {
			t.Fatal(err)
		}
		signedBy[string(key)] = fill(t, buf.Bytes(), f, sampleData(f))
		return bytes.Clone(signedBy[string(key)])
	}
	withoutKeyID := func(data []byte) []byte { // a template made before templates named their key
		return edit(t, data, func(x *excelize.File) error {
			if err := x.SetCellStr(IdentSheet, "A6", ""); err != nil {
				return err
			}
			if err := x.SetCellStr(IdentSheet, "B6", ""); err != nil {
				return err
			}
			return x.DeleteDefinedName(&excelize.DefinedName{Name: identNamePrefix + "KEY"})
		})
	}
	unitEdited := func(data []byte) []byte {
		return edit(t, data, func(x *excelize.File) error { return x.SetCellStr(IdentSheet, "B3", "VP") })
	}
	ring := Keys{Current: current, Previous: [][]byte{old}}
	tests := []struct {
		name           string
		data           []byte
		keys           Keys
		tagOK, oldKey  bool
		error, warning string
		message        string
	}{
		{name: "Current", data: signed(current), keys: ring, tagOK: true},
		{name: "Previous", data: signed(old), keys: ring, tagOK: true, oldKey: true, warning: CodeOldKey, message: msgOldKey},
		{name: "PreviousWithoutKeyID", data: withoutKeyID(signed(old)), keys: ring, tagOK: true, oldKey: true, warning: CodeOldKey},
		{name: "OtherKey", data: signed(old), keys: Keys{Current: current}, error: CodeOtherKey, message: msgOtherKey},
		{name: "OtherOffice", data: signed([]byte("khóa của sở khác")), keys: ring, error: CodeOtherKey, message: msgOtherKey},
		{name: "AlteredUnderCurrent", data: unitEdited(signed(current)), keys: ring, error: CodeTagMismatch, message: msgTagMismatch},
		{name: "AlteredUnderPrevious", data: unitEdited(signed(old)), keys: ring, error: CodeTagMismatch, message: msgTagMismatch},
		{name: "NoKeyIDNoMatch", data: withoutKeyID(signed(old)), keys: Keys{Current: current}, error: CodeTagMismatch, message: msgTagUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := ReadKeys(context.Background(), tc.data, allForms(), tc.keys, Limits{})
			if err != nil {
				t.Fatalf("ReadKeys: %v", err)
			}
			id := rep.Filled.Ident
			if id.TagOK != tc.tagOK || id.OldKey != tc.oldKey || id.Guessed {
				t.Errorf("ident: got TagOK %v OldKey %v Guessed %v, want %v %v false", id.TagOK, id.OldKey, id.Guessed, tc.tagOK, tc.oldKey)
			}
			checkOnly(t, "errors", rep.Errors, tc.error, tc.message)
			checkOnly(t, "warnings", rep.Warnings, tc.warning, tc.message)
		})
	}
}

// checkOnly: ps holds exactly one problem of code, about the whole file, with message when
// given; or nothing when code is "".
func checkOnly(t *testing.T, what string, ps []form.Problem, code, message string) {
	t.Helper()
	switch {
	case code == "" && len(ps) > 0:
		t.Errorf("%s: got %q, want none", what, problemKeys(ps))
	case code == "":
	case len(ps) != 1 || ps[0].Code != code || ps[0].Sheet != "" || ps[0].Cell != "":
		t.Errorf("%s: got %q, want only %s about the whole file", what, problemKeys(ps), code)
	case message != "" && ps[0].Message != message:
		t.Errorf("%s: got message %q, want %q", what, ps[0].Message, message)
	}
}

func TestKeyID(t *testing.T) {
	a, b := KeyID([]byte("a")), KeyID([]byte("b"))
	if len(a) != 16 || a == b || KeyID(nil) != "" {
		t.Errorf("KeyID: got %q and %q, want two different 16-digit names (and none without a key)", a, b)
	}
	k := Keys{Current: []byte("a"), Previous: [][]byte{[]byte("b")}}
	if !k.holds(a) || !k.holds(b) || k.holds(KeyID([]byte("c"))) || k.holds("") {
		t.Error("holds: want the current and previous keys held, another key and no key not")
	}
}
