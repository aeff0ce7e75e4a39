package report

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/tonghop/tonghop/form"
)

// decodeSeeds are stored contents as the intake writes them, and documents encoding/json
// reads in its own way: escapes, invalid UTF-8, keys of another case or given twice, nulls,
// numbers that are no int, trailing bytes.
var decodeSeeds = []string{
	`{"ident":{"form":"BM.04.01/KH","form_version":1,"unit":"DV0001","period":"2026-W46","tag_ok":true,"guessed":false},"header":null,"tables":{"results":[{"line":10,"values":{"content":"Nhiệm vụ số 1","reason":"Phòng Quy hoạch","status":"Hoàn thành"}},{"line":12,"values":{"content":"Nhiệm vụ số 3","status":"Chưa thực hiện"}}],"tasks":[]},"indicators":null,"narrative":{"a":"Văn bản"}}`,
	`{"tables":{"t":[{"line":1,"values":{"c":"a\"b\\c\u003cd\u2028\ud800 \n"}}]}}`,
	"{\"tables\":{\"t\":[{\"line\":1,\"values\":{\"c\":\"bad \xff utf8\"}}]}}",
	`{"tables":{"t":[{"Line":1,"values":{"c":"x"}}]}}`,
	`{"Tables":{"t":[{"line":1,"values":{"c":"x"}}]}}`,
	`{"tables":{"t":[{"line":1,"line":2,"values":{"c":"x","c":"y"}}]}}`,
	`{"tables":{"t":[{"line":1}],"t":[{"line":2,"values":{"d":"z"}}]}}`,
	`{"tables":{"t":[{"line":1.5}]}}`,
	`{"tables":{"t":[{"line":1e2}]}}`,
	`{"tables":{"t":[{"line":01}]}}`,
	`{"tables":{"t":[{"line":-0}]}}`,
	`{"tables":{"t":[{"line":99999999999999999999}]}}`,
	`{"tables":{"t":[null,{"line":3,"values":null}]}}`,
	`{"tables":null}`,
	`{"tables":{"t":null}}`,
	`{"tables":{}}`,
	`{"tables":{"t":[{"line":1,"values":{"c":1}}]}}`,
	`{"tables":{"t":[{"line":1,"values":{"c":"x"}}]}} x`,
	`{"tables":{"t":[{"line":1,"values":{"c":"x"}}]},"tables":{"u":[]}}`,
	`{"tables":{"t":[{"line":1,"values":{"c":"x"}}]},"extra":[1,{"a":"]"}]}`,
	` { "tables" : { "t" : [ { "line" : 7 , "values" : { "c" : "x" } } ] } , "narrative" : { "k" : "v" } } `,
	`{"ident":{"form":"x"},"indicators":{"t":{"1":{"period":"5"}}},"header":{"h":"v"}}`,
	`{"ident":{"form":"x"`,
	`{"tables":{"t":[{"line":1,"values":{"c":"x\u0000y"}}]}}`,
	"{\"tables\":{\"t\":[{\"line\":1,\"values\":{\"c\":\"ctl\x01\"}}]}}",
	`null`,
	`{"ident":"\`,
	`{"ident":"a\`,
	`{"ident":{"a":"\"}`,
	`{"tables":{"t":[{"line":1,"values":{"c":"\`,
	`{}`,
	``,
}

func TestDecodeFilledMatchesJSON(t *testing.T) {
	for _, doc := range decodeSeeds {
		checkDecode(t, []byte(doc))
	}
	// The intake's own encoding of a filled form is read by the scanner, not left to json.
	data, err := json.Marshal(form.Filled{Tables: map[string][]form.Row{"tasks": {{Line: 10,
		Values: map[string]string{"content": "Rà soát <hồ sơ> & \"dự án\"\n", "status": "Hoàn thành"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := scanFilled(string(data), newInterner()); !ok {
		t.Errorf("the scanner left the intake's encoding to encoding/json: %s", data)
	}
	checkDecode(t, data)
}

func FuzzDecodeFilled(f *testing.F) {
	for _, doc := range decodeSeeds {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkDecode(t, data) })
}

// checkDecode compares decodeFilled with json.Unmarshal: the same Filled, or both an error.
func checkDecode(t *testing.T, data []byte) {
	t.Helper()
	var want form.Filled
	wantErr := json.Unmarshal(data, &want)
	got, err := decodeFilled(string(data), newInterner())
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("%q: error %v, json's %v", data, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\n got %#v\nwant %#v", data, got, want)
	}
}
