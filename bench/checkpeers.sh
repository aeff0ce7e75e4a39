#!/bin/sh
# Compares `tonghop check` with excelize's bare streaming Rows() pass over every cell (bench/rowspeer)
# and an openpyxl read-only pass, on one work program of many tasks re-saved by LibreOffice, as
# units' files are. Prints the median CPU (user+system) and peak resident memory of RUNS runs each
# (the readers take turns), the ratios the issue sets targets for, and what a templates Read
# allocates per row of that workbook (BenchmarkReadFile).
# Usage: [CHECK_BEFORE=/path/to/other/tonghop] bench/checkpeers.sh [ROWS] [RUNS]   (defaults 5000,
# 5; needs GNU time and soffice; the openpyxl pass is skipped with a note when /usr/bin/python3 has
# no openpyxl)
set -eu
rows=${1:-5000}
runs=${2:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$(dirname "$0")/.."
sed "s#^data_dir.*#data_dir = \"$dir/data\"#" config.example.toml > "$dir/config.toml"
export TONGHOP_TEMPLATE_KEY=bench
go build -o "$dir/tonghop" ./cmd/tonghop
go build -o "$dir/rowspeer" ./bench/rowspeer
go run ./bench/bigform --config "$dir/config.toml" --rows "$rows" -o "$dir/gen.xlsx"
soffice --headless --convert-to xlsx --outdir "$dir/lo" "$dir/gen.xlsx" >/dev/null 2>&1
book="$dir/lo/gen.xlsx"
echo "workbook: $rows tasks re-saved by LibreOffice, $(wc -c < "$book") bytes; $(nproc) cores; $runs runs each"
cat > "$dir/peer.py" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += len(row)
print(n, "cells")
PY
# One run of KEY COMMAND...: its CPU (user+system) and peak memory appended to $dir/times.KEY.
run() {
	key=$1
	shift
	/usr/bin/time -f "%U %S %M" -a -o "$dir/times.$key" "$@" > /dev/null
}
# report KEY NAME: prints the median CPU seconds and peak memory of KEY's runs.
report() {
	m=$(( (runs + 1) / 2 ))
	cpu=$(awk '{printf "%.2f\n", $1 + $2}' "$dir/times.$1" | sort -n | sed -n "${m}p")
	mem=$(awk '{print $3}' "$dir/times.$1" | sort -n | sed -n "${m}p")
	printf "%-32s median CPU %s s, median peak %s MB\n" "$2" "$cpu" "$((mem / 1024))"
	echo "$cpu" > "$dir/cpu.$1"
}
# ratio A B: A's median CPU over B's.
ratio() { awk -v a="$(cat "$dir/cpu.$1")" -v b="$(cat "$dir/cpu.$2")" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
peer=false
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	peer=true
fi
# The readers take turns, run after run, so a load that comes and goes weighs on all alike.
for _ in $(seq "$runs"); do
	run check "$dir/tonghop" check --config "$dir/config.toml" "$book"
	if [ -n "${CHECK_BEFORE:-}" ]; then # another build of tonghop, say the last release, for a before/after
		run before "$CHECK_BEFORE" check --config "$dir/config.toml" "$book"
	fi
	run rows "$dir/rowspeer" "$book"
	if $peer; then
		run openpyxl /usr/bin/python3 "$dir/peer.py" "$book"
	fi
done
report check "tonghop check"
if [ -n "${CHECK_BEFORE:-}" ]; then
	report before "tonghop check (CHECK_BEFORE)"
fi
report rows "excelize bare Rows() pass"
echo "check's CPU / excelize's bare pass: $(ratio check rows) (target <= 1.2)"
if $peer; then
	report openpyxl "openpyxl read-only pass"
	echo "openpyxl's CPU / check's: $(ratio openpyxl check) (target >= 2.5)"
else
	echo "openpyxl read-only pass: skipped, /usr/bin/python3 has no openpyxl (apt-get install python3-openpyxl)"
fi
# What a whole templates Read allocates per row of this workbook (target under 1 kB).
TONGHOP_BENCH_XLSX="$book" go test ./templates -run '^$' -bench 'BenchmarkReadFile$' -benchtime 20x -count 3 | grep '^Benchmark' || true
