package config

import (
	"strings"
	"testing"
)

func TestWeb(t *testing.T) {
	base := `data_dir = "d"
office = { name = "Văn phòng", template_key = "k" }
mailbox = { host = "127.0.0.1", tls = "none", user = "t@kcn.example", password = "pw" }
smtp = { host = "127.0.0.1", tls = "none", from = "t@kcn.example" }
[[units]]
code = "A"
name = "Phòng A"
emails = ["a@kcn.example"]
[[forms]]
code = "BM.02.01/KH"
`
	t.Run("Absent", func(t *testing.T) {
		c, err := Parse([]byte(base), "/tmp/t.toml")
		if err != nil {
			t.Fatal(err)
		}
		if c.Web != nil {
			t.Errorf("got %+v, want no board", c.Web)
		}
	})
	t.Run("Defaults", func(t *testing.T) {
		c, err := Parse([]byte(base+"[web]\n"), "/tmp/t.toml")
		if err != nil {
			t.Fatal(err)
		}
		if c.Web == nil || c.Web.Listen != DefaultWebListen || c.Web.SessionHours != DefaultSessionHours {
			t.Errorf("got %+v, want listen %s and %d hours", c.Web, DefaultWebListen, DefaultSessionHours)
		}
	})
	t.Run("ErrBad", func(t *testing.T) {
		_, err := Parse([]byte(base+"[web]\nlisten = \"nowhere\"\npublic_url = \"ftp://x\"\nsession_hours = 999\n"), "/tmp/t.toml")
		for _, key := range []string{"web.listen", "web.public_url", "web.session_hours"} {
			if err == nil || !strings.Contains(err.Error(), key) {
				t.Errorf("got %v, want a problem with %s", err, key)
			}
		}
	})
}
