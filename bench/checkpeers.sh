#!/bin/sh
# Compares `tonghop check` with excelize's bare streaming Rows() pass over every cell (bench/rowspeer)
# and an openpyxl read-only pass, on one work program of many tasks re-saved by LibreOffice, as
# units' files are. Prints the median CPU (user+system) and peak resident memory of RUNS runs each.
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
# measure NAME COMMAND...: prints the median CPU seconds and peak memory of $runs runs.
measure() {
	name=$1
	shift
	: > "$dir/times"
	for _ in $(seq "$runs"); do
		/usr/bin/time -f "%U %S %M" -a -o "$dir/times" "$@" > /dev/null
	done
	m=$(( (runs + 1) / 2 ))
	cpu=$(awk '{print $1 + $2}' "$dir/times" | sort -n | sed -n "${m}p")
	mem=$(awk '{print $3}' "$dir/times" | sort -n | sed -n "${m}p")
	printf "%-32s median CPU %s s, median peak %s MB\n" "$name" "$cpu" "$((mem / 1024))"
}
measure "tonghop check" "$dir/tonghop" check --config "$dir/config.toml" "$book"
if [ -n "${CHECK_BEFORE:-}" ]; then # another build of tonghop, say the last release, for a before/after
	measure "tonghop check (CHECK_BEFORE)" "$CHECK_BEFORE" check --config "$dir/config.toml" "$book"
fi
measure "excelize bare Rows() pass" "$dir/rowspeer" "$book"
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	measure "openpyxl read-only pass" /usr/bin/python3 "$dir/peer.py" "$book"
else
	echo "openpyxl read-only pass: skipped, /usr/bin/python3 has no openpyxl (apt-get install python3-openpyxl)"
fi
