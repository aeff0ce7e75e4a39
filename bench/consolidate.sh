#!/bin/sh
# Measures consolidating and writing the consolidated workbook for many units: bench/bigbook
# generates each unit's submission when consolidate comes to it (200 list rows, half carried
# over from the week before), consolidates them and writes the workbook. Prints each run's
# wall time, CPU (user + system) and peak RSS, then the medians of the runs for each number of
# units. BOOK_COMPARE=FILE.xlsx compares the last workbook of the last number of units with
# FILE part by part (bench/bookdiff.py).
# Usage: bench/consolidate.sh [ROWS] [RUNS] [UNITS...]   (default 200 list rows per unit, 3
# runs, 100 300 1000 units; needs GNU time, Debian package "time"). GOMEMLIMIT and GOGC are
# passed through.
set -eu
rows=${1:-200}
runs=${2:-3}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
units=${*:-100 300 1000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$(dirname "$0")/.."
go build -o "$dir/bigbook" ./bench/bigbook
for n in $units; do
	: >"$dir/runs"
	i=0
	while [ "$i" -lt "$runs" ]; do
		sh bench/timed.sh "$dir/runs" "$n units × $rows rows: " \
			"$dir/bigbook" -units "$n" -rows "$rows" -o "$dir/book.xlsx" 2>/dev/null
		i=$((i + 1))
	done
	printf '%s units: ' "$n"
	sh bench/medians.sh "$dir/runs"
done
if [ -n "${BOOK_COMPARE:-}" ]; then
	python3 bench/bookdiff.py "$BOOK_COMPARE" "$dir/book.xlsx"
fi
