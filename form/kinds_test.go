package form

import (
	"testing"

	"github.com/BurntSushi/toml"
)

func TestKinds_UnmarshalTOML(t *testing.T) {
	var v struct {
		One  Kinds `toml:"one"`
		Many Kinds `toml:"many"`
	}
	if _, err := toml.Decode("one = \"month\"\nmany = [\"week\", \"month\"]\n", &v); err != nil {
		t.Fatal(err)
	}
	if v.One.String() != "month" || v.Many.String() != "week, month" || !v.Many.Has("week") || v.Many.Has("year") {
		t.Errorf("got %q and %q", v.One, v.Many)
	}
	if _, err := toml.Decode("one = 3\n", &v); err == nil {
		t.Error("a number: no error")
	}
}
