package intake

import (
	"context"
	"slices"
	"testing"

	"github.com/tonghop/tonghop/internal/dovecottest"
)

// Fetch lists a window of UIDs after the cursor first (listFirst) and the whole rest only when
// the window holds less than a batch: either way a batch is the first messages after the cursor,
// in UID order, across gaps in the UIDs wider than the window, on go-imap's server and Dovecot.
func TestFetch_ListWindow(t *testing.T) {
	t.Parallel()
	servers := map[string]func(t *testing.T) (MailboxConfig, func(raw []byte) uint32){
		"memserver": func(t *testing.T) (MailboxConfig, func([]byte) uint32) {
			s := startServer(t, serverOptions{})
			return s.config(), func(raw []byte) uint32 { return s.appendMessage(t, "INBOX", raw) }
		},
		"dovecot": func(t *testing.T) (MailboxConfig, func([]byte) uint32) {
			s := dovecottest.Start(t, dovecottest.Options{})
			return dovecotConfig(s), func(raw []byte) uint32 { return s.Append(t, "INBOX", raw) }
		},
	}
	for name, start := range servers {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cfg, put := start(t)
			var uids []uint32
			for i := range 40 {
				uids = append(uids, put(sampleMail(i, 0)))
			}
			mb := dial(t, cfg)
			ctx := context.Background()
			// A gap of 30 UIDs: wider than the window of a batch of 2 (listWindow × 2).
			if err := mb.MoveAll(ctx, uids[3:33], cfg.withDefaults().Processed); err != nil {
				t.Fatal(err)
			}
			kept := slices.Concat(uids[:3], uids[33:])
			for _, tt := range []struct {
				after uint32
				limit int
				want  []uint32
			}{
				{0, 2, kept[:2]},          // in the window
				{uids[1], 2, kept[2:4]},   // across the gap: the whole rest listed
				{uids[33], 3, kept[4:7]},  // in the window again
				{uids[36], 10, kept[7:]},  // fewer than a batch left
				{uids[39], 2, nil},        // nothing after the cursor
				{uids[39] + 1000, 2, nil}, // a cursor beyond every UID
			} {
				got, err := mb.Fetch(ctx, tt.after, tt.limit)
				if err != nil {
					t.Fatalf("Fetch(%d, %d): %v", tt.after, tt.limit, err)
				}
				var gotUIDs []uint32
				for _, f := range got {
					gotUIDs = append(gotUIDs, f.UID)
				}
				if !slices.Equal(gotUIDs, tt.want) {
					t.Errorf("Fetch(%d, %d): got UIDs %v, want %v", tt.after, tt.limit, gotUIDs, tt.want)
				}
			}
		})
	}
}
