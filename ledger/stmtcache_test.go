package ledger

import (
	"context"
	"testing"
)

// TestStmtCache_NestedSameQuery runs a query again, in the same transaction (so on the same
// connection), while its own rows are still open: the cached statement is busy, so the second
// run is prepared apart, and both read every row; afterwards the cached one is used again.
func TestStmtCache_NestedSameQuery(t *testing.T) {
	ctx := context.Background()
	db := openCached(dsn(t.TempDir()))
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)`); err != nil {
		t.Fatal(err)
	}
	const q = `SELECT x FROM t WHERE x >= ? ORDER BY x`
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	outer, err := tx.QueryContext(ctx, q, 1)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for outer.Next() {
		var x int
		if err := outer.Scan(&x); err != nil {
			t.Fatal(err)
		}
		inner, err := tx.QueryContext(ctx, q, x)
		if err != nil {
			t.Fatal(err)
		}
		for inner.Next() {
			var y int
			inner.Scan(&y)
			sum += y
		}
		if err := inner.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := outer.Close(); err != nil {
		t.Fatal(err)
	}
	if sum != (1+2+3)+(2+3)+3 {
		t.Errorf("sum of the nested reads: got %d, want 14", sum)
	}
	// The statement is free again: run it twice more, with other arguments.
	for _, from := range []int{3, 1} {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM t WHERE x >= ?`, from).Scan(&n); err != nil || n != 4-from {
			t.Errorf("count from %d: got %d, %v; want %d", from, n, err, 4-from)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO t VALUES (?)`, 4); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO t VALUES (?)`, 5); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM t WHERE x >= ?`, 1).Scan(&n); err != nil || n != 5 {
		t.Errorf("count after two inserts through one statement: got %d, %v; want 5", n, err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}
