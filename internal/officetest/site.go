package officetest

import (
	"context"
	"testing"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// Compiled is the test office (see Office) compiled with key, with its configuration; its mail
// servers run but a stage's test need not use them.
func Compiled(t testing.TB, key string) (*office.Office, *config.Config) {
	t.Helper()
	_, path := Office(t, key)
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	o, err := office.Compile(cfg, []byte(key))
	if err != nil {
		t.Fatal(err)
	}
	return o, cfg
}

// Site is the compiled test office with a ledger in its data directory, closed when the test
// ends.
func Site(t testing.TB, key string) (*office.Office, *ledger.Ledger) {
	t.Helper()
	o, cfg := Compiled(t, key)
	l, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return o, l
}
