package main

import (
	"encoding/json"
	"testing"
)

func TestDecide(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file, decision, comment string
		automatic               bool
	}{
		{"approve.eml", "approve", "", false},
		{"revise.eml", "revise", "Không duyệt, sửa lại mục 2.", false},
		{"unclear.eml", "unclear", "", false},
		{"auto.eml", "unclear", "", true}, // an out-of-office saying "Đồng ý" still never counts
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "decide", "testdata/replies/"+tt.file)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			var got decision
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("output is not JSON: %q", stdout)
			}
			if got.Decision != tt.decision || got.Automatic != tt.automatic || tt.comment != "" && got.Comment != tt.comment {
				t.Errorf("got %+v, want decision %s comment %q automatic %v", got, tt.decision, tt.comment, tt.automatic)
			}
			if got.Reason == "" {
				t.Error("no reason given")
			}
		})
	}
	if code, _, _ := runCLI(t, "decide"); code != 2 {
		t.Errorf("decide without a file: exit %d, want 2", code)
	}
}
