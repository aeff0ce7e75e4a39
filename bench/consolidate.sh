#!/bin/sh
# Measures writing the consolidated workbook (reportbook.Write) for many units: wall time and
# peak resident memory of bench/bigbook, which generates the units' submissions, consolidates
# them and writes the workbook.
# Usage: bench/consolidate.sh [ROWS] [UNITS...]   (default 200 list rows per unit; 100 300 1000
# units; needs GNU time, Debian package "time"). GOMEMLIMIT and GOGC are passed through.
set -eu
rows=${1:-200}
[ $# -gt 0 ] && shift
units=${*:-100 300 1000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$(dirname "$0")/.."
go build -o "$dir/bigbook" ./bench/bigbook
for n in $units; do
	/usr/bin/time -f "$n units × $rows rows: %e s elapsed, %M KB max resident" \
		"$dir/bigbook" -units "$n" -rows "$rows" -o "$dir/book.xlsx"
done
