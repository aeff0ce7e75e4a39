package period

import (
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

func TestParseOffset(t *testing.T) {
	tests := []struct{ name, in, want, err string }{
		{"Days", "2d", "2d", ""},
		{"NegativeDays", "-1d", "-1d", ""},
		{"Plus", "+4h", "4h", ""},
		{"Minutes", "30M", "30m", ""},
		{"WorkingDays", "1wd", "1wd", ""},
		{"NegativeWorkingDays", "-2WD", "-2wd", ""},
		{"ZeroIsZero", "-0d", "0m", ""},
		{"NoUnit", "15", "", "the unit is missing"},
		{"UnknownUnit", "2w", "", `unknown unit "w"`},
		{"Space", "2 d", "", "whole number"},
		{"Fraction", "1.5h", "", "whole number"},
		{"TooLarge", "100000d", "", "at most 99999"},
		{"OnlyUnit", "d", "", "whole number"},
		{"Empty", "", "", "the unit is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := ParseOffset(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ParseOffset(%q) = %v, %v; want error containing %q", tt.in, o, err, tt.err)
				}
				return
			}
			if err != nil || o.String() != tt.want {
				t.Fatalf("ParseOffset(%q) = %q, %v; want %q", tt.in, o, err, tt.want)
			}
			if back, err := ParseOffset(o.String()); err != nil || back != o {
				t.Fatalf("ParseOffset(%q) = %v, %v; want %v", o.String(), back, err, o)
			}
		})
	}
}

func TestOffset_From(t *testing.T) {
	cal := calendar2026(t)
	deadline := date(2026, 9, 3, 15, 0) // Thursday after the 2/9 holidays
	tests := []struct {
		offset string
		want   time.Time
	}{
		{"-2d", date(2026, 9, 1, 15, 0)},
		{"-1wd", date(2026, 8, 31, 15, 0)},
		{"2wd", date(2026, 9, 7, 15, 0)},
		{"4h", date(2026, 9, 3, 19, 0)},
		{"-30m", date(2026, 9, 3, 14, 30)},
		{"0d", deadline},
	}
	for _, tt := range tests {
		t.Run(tt.offset, func(t *testing.T) {
			o, err := ParseOffset(tt.offset)
			if err != nil {
				t.Fatal(err)
			}
			if got := o.From(deadline, cal); !got.Equal(tt.want) {
				t.Fatalf("%s from %v = %v, want %v", tt.offset, deadline, got, tt.want)
			}
		})
	}
}

// TestTextUnmarshal checks that configuration values decode straight from TOML.
func TestTextUnmarshal(t *testing.T) {
	var cfg struct {
		Kind     Kind     `toml:"kind"`
		Period   Period   `toml:"period"`
		Deadline Rule     `toml:"deadline"`
		Remind   []Offset `toml:"remind"`
		End      Clock    `toml:"end"`
	}
	const doc = `kind = "quarter"
period = "2026-Q4"
deadline = "ngày 15 lúc 16h"
remind = ["-2wd", "-4h"]
end = "16:30"
`
	if _, err := toml.Decode(doc, &cfg); err != nil {
		t.Fatalf("toml.Decode: %v", err)
	}
	got := []string{string(cfg.Kind), cfg.Period.String(), cfg.Deadline.String(), cfg.Remind[0].String(), cfg.Remind[1].String(), cfg.End.String()}
	want := []string{"quarter", "2026-Q4", "day 15 16:00", "-2wd", "-4h", "16:30"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("decoded %q, want %q", got, want)
	}
	if _, err := toml.Decode(`deadline = "day 32"`, &cfg); err == nil || !strings.Contains(err.Error(), "day must be 1–31") {
		t.Fatalf("toml.Decode(day 32) error = %v, want the rule error", err)
	}
}
