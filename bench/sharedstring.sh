#!/bin/sh
# Measures `tonghop check` on the shared-string bomb of issue 16: a 17 KB workbook whose one
# shared string of 300,000 characters is shown by 3,000 cells of BM.04.01/KH's work program.
# Prints the wall time and the peak resident memory; the target is under 2 s and 200 MB.
# Usage: bench/sharedstring.sh [CELLS [CHARS]]   (needs GNU time, Debian package "time")
set -eu
cells=${1:-3000}
chars=${2:-300000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$(dirname "$0")/.."
sed "s#^data_dir.*#data_dir = \"$dir/data\"#" config.example.toml > "$dir/config.toml"
export TONGHOP_TEMPLATE_KEY=bench
go build -o "$dir/tonghop" ./cmd/tonghop
go run ./bench/sharedstring --config "$dir/config.toml" --cells "$cells" --chars "$chars" -o "$dir/bomb.xlsx"
echo "workbook: $cells cells showing one string of $chars characters, $(wc -c < "$dir/bomb.xlsx") bytes"
for i in 1 2 3; do
	status=0
	/usr/bin/time -v -o "$dir/time" "$dir/tonghop" check --config "$dir/config.toml" "$dir/bomb.xlsx" > "$dir/out" 2>&1 || status=$?
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time")
	echo "run $i: $wall elapsed, $rss KB max resident, exit $status"
done
echo "answer:"
cat "$dir/out"
