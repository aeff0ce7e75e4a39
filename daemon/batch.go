package daemon

import (
	"context"
	"log/slog"
	"sync"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// A batch's slow writes are each a few file syncs (a raw mail's blob, a received workbook's
// archive copy), and waiting for them one message after another was half of a drain's time. They
// run beside the judging instead, a few at a time, in the order nothing-lost needs: a message's
// raw blob is stored before anything about it is looked up or recorded (handle waits for it),
// and its workbooks' archive copies, which are for people (the blobs are the record), are
// written by the time its batch is moved out of the inbox, as they were written before the move
// one message at a time.

// batchWriters bounds the writes of one batch running at once: enough for the disk to merge
// their syncs, few enough not to crowd the judging on a small machine.
const batchWriters = 4

// aheadBlobs stores the raw blobs of a fetched batch ahead of their judging.
type aheadBlobs struct {
	done []chan struct{}
	sha  []string
	err  []error
	wg   sync.WaitGroup
}

// storeAhead starts storing the blob of every message of msgs that was downloaded (an oversized
// one is stored from its header by handleOversize).
func (d *Daemon) storeAhead(msgs []intake.Fetched) *aheadBlobs {
	a := &aheadBlobs{done: make([]chan struct{}, len(msgs)), sha: make([]string, len(msgs)), err: make([]error, len(msgs))}
	slots := make(chan struct{}, batchWriters)
	for i, m := range msgs {
		a.done[i] = make(chan struct{})
		if m.TooLarge {
			close(a.done[i])
			continue
		}
		a.wg.Go(func() {
			defer close(a.done[i])
			slots <- struct{}{}
			defer func() { <-slots }()
			a.sha[i], a.err[i] = d.ledger.PutBlob(m.Raw)
		})
	}
	return a
}

// stored waits for the blob of message i and returns its sha256.
func (a *aheadBlobs) stored(i int) (string, error) {
	<-a.done[i]
	return a.sha[i], a.err[i]
}

// wait waits for every write started, so that none outlives its poll.
func (a *aheadBlobs) wait() { a.wg.Wait() }

// archiveBatch files the archive copies of a batch's recorded messages while the next ones are
// judged; poll waits for them before it moves the batch.
type archiveBatch struct {
	o     *office.Office
	slots chan struct{}
	wg    sync.WaitGroup
}

type archiveBatchKey struct{}

// withArchiveBatch makes record, under ctx, leave its archive copies to b.
func withArchiveBatch(ctx context.Context, b *archiveBatch) context.Context {
	return context.WithValue(ctx, archiveBatchKey{}, b)
}

func newArchiveBatch(o *office.Office) *archiveBatch {
	return &archiveBatch{o: o, slots: make(chan struct{}, batchWriters)}
}

// fileCopies files copies now, or beside the judging when ctx carries a batch. A copy that
// cannot be written is logged, once: the ledger holds the record.
func (d *Daemon) fileCopies(ctx context.Context, copies []office.Copy, log *slog.Logger) {
	b, _ := ctx.Value(archiveBatchKey{}).(*archiveBatch)
	if b == nil {
		if err := d.o.File(copies); err != nil {
			log.Warn("archive copy not written", "err", err)
		}
		return
	}
	for _, c := range copies {
		b.wg.Go(func() {
			b.slots <- struct{}{}
			defer func() { <-b.slots }()
			if err := b.o.File([]office.Copy{c}); err != nil {
				log.Warn("archive copy not written", "err", err)
			}
		})
	}
}

// wait waits for every copy of the batch to be filed.
func (b *archiveBatch) wait() { b.wg.Wait() }

// refile files again the workbooks' archive copies of a mail found in the inbox already
// recorded. Their filing runs beside the judging, so a crash can leave a recorded mail without
// them; but they are filed before the batch leaves the inbox, so such a mail is still there after
// the restart, found by its bytes, and comes here. Filing again replaces a copy with the same
// bytes.
func (d *Daemon) refile(ctx context.Context, known ledger.Mail, log *slog.Logger) {
	subs, err := d.ledger.MailSubmissions(ctx, known.ID)
	if err == nil {
		var copies []office.Copy
		copies, err = d.submissionCopies(subs)
		d.fileCopies(ctx, copies, log)
	}
	if err != nil {
		log.Warn("archive copy not written", "err", err)
	}
}
