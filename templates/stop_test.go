package templates

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
)

// stopAfter is a context that ends once its Err has been asked n times: it stops a read at a
// known point of its loops, not after a time.
type stopAfter struct {
	context.Context
	n, asked int
}

func (c *stopAfter) Err() error {
	c.asked++
	if c.asked > c.n {
		return context.Canceled
	}
	return nil
}

// workProgram is BM.04.01/KH with rows tasks and as many results.
func workProgram(t *testing.T, rows int) []byte {
	t.Helper()
	f := builtin(t, "BM.04.01/KH")
	d := sampleData(f)
	for _, tb := range f.Tables {
		d.Tables[tb.Key] = make([]form.Row, rows)
		for i := range rows {
			vals := map[string]string{}
			for _, c := range tb.Columns {
				vals[c.Key] = validValue(c, i)
			}
			d.Tables[tb.Key][i] = form.Row{Values: vals}
		}
	}
	return fill(t, generate(t, f), f, d)
}

// TestReadContext_StopsBetweenRows: a read whose context ends while it reads a table's rows
// stops there, with the context's error and no judgement; with the context alive, it reads all.
func TestReadContext_StopsBetweenRows(t *testing.T) {
	data := workProgram(t, 300)
	// Loading the sheets asks the context about once every 64 rows, fewer than 50 times in all:
	// the 51st question comes from the rows of the first table.
	ctx := &stopAfter{Context: context.Background(), n: 50}
	rep, err := ReadContext(ctx, data, allForms(), testSecret, Limits{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("ReadContext: got %v, want context.Canceled", err)
	}
	if errors.Is(err, ErrUnreadable) || rep == nil || rep.Filled.RowCount() != 0 || len(rep.Errors) != 0 {
		t.Errorf("a stopped read judged the workbook: err %v, report %+v", err, rep)
	}
	alive := &stopAfter{Context: context.Background(), n: 1 << 30}
	rep, err = ReadContext(alive, data, allForms(), testSecret, Limits{})
	if err != nil || rep.Filled.RowCount() != 600 {
		t.Fatalf("ReadContext alive: %v, %d rows; want 600", err, rep.Filled.RowCount())
	}
	if alive.asked < 600 {
		t.Errorf("the context was asked %d times for 600 rows, want at least once a row", alive.asked)
	}
}

// TestBook_StopsWhileLoading: loading a long sheet stops when the context has ended.
func TestBook_StopsWhileLoading(t *testing.T) {
	x, err := excelize.OpenReader(bytes.NewReader(workProgram(t, 300)))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	b := newBook(x, DefaultMaxCells)
	b.ctx = &stopAfter{Context: context.Background(), n: 0}
	stopped := 0
	for _, sheet := range b.sheets {
		g, err := b.grid(sheet)
		if errors.Is(err, context.Canceled) {
			stopped++
		}
		if len(g.rows) > stopEvery {
			t.Errorf("sheet %q: %d rows loaded after the context ended, want at most %d", sheet, len(g.rows), stopEvery)
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("sheet %q: got %v, want context.Canceled", sheet, err)
		}
	}
	if stopped == 0 {
		t.Error("no sheet stopped loading: none is longer than stopEvery rows")
	}
}
