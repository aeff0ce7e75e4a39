package web

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestViews_Hooks: a file in templates/hooks/ defines a hook again, and the page that calls the
// hook shows it; the pages without it keep the empty hook. This is how the clerk's actions put
// their forms on the existing pages without editing them.
func TestViews_Hooks(t *testing.T) {
	files := fstest.MapFS{}
	err := fs.WalkDir(templateFiles, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templateFiles, path)
		files[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	files["templates/hooks/take.html"] = &fstest.MapFile{Data: []byte(
		`{{define "hook-period"}}<form method="post" action="{{action "late-file/take"}}">{{template "csrf" .}}</form>{{end}}`)}
	v, err := loadViews(files, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := v.pages["period.html"].ExecuteTemplate(&b, "layout.html", view{Title: "x", CSRF: "TOK", Data: periodView{}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `action="/act/late-file/take"><input type="hidden" name="csrf" value="TOK">`) {
		t.Errorf("the period page lacks the hook's form:\n%s", b.String())
	}
	b.Reset()
	if err := v.pages["unit.html"].ExecuteTemplate(&b, "layout.html", view{Title: "x", Data: unitView{}}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "late-file/take") {
		t.Errorf("the unit page shows the period's hook")
	}
}
