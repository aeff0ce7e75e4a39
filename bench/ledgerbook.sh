#!/bin/sh
# Measures the whole path of a draft from the ledger: 1,000 units' submissions (200 list rows
# each, and the week before's for tasks carried over) recorded in a real SQLite ledger through
# its public API, then read (report.ConsolidationInput, each unit's content when consolidate
# comes to it), consolidated and written, as a draft is. Prints each run's split and the
# process's wall time, CPU (user + system) and peak RSS, then the medians of the runs.
# BOOK_COMPARE=FILE.xlsx compares the last run's workbook with FILE part by part
# (bench/bookdiff.py), e.g. one written by an earlier build.
# Usage: bench/ledgerbook.sh [UNITS] [ROWS] [RUNS]   (default 1000 200 5; needs GNU time).
set -eu
units=${1:-1000}
rows=${2:-200}
runs=${3:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$(dirname "$0")/.."
go build -o "$dir/bigbook" ./bench/bigbook
mkdir "$dir/ledger"
echo "filling the ledger with $units units × $rows rows (twice: the week and the one before)…"
"$dir/bigbook" -ledger "$dir/ledger" -fill -units "$units" -rows "$rows"
i=0
while [ "$i" -lt "$runs" ]; do
	sh bench/timed.sh "$dir/runs" "  process: " \
		"$dir/bigbook" -ledger "$dir/ledger" -units "$units" -rows "$rows" -o "$dir/book.xlsx"
	i=$((i + 1))
done
sh bench/medians.sh "$dir/runs"
if [ -n "${BOOK_COMPARE:-}" ]; then
	python3 bench/bookdiff.py "$BOOK_COMPARE" "$dir/book.xlsx"
fi
