#!/bin/sh
# Measures `tonghop check` on a work program of many tasks: wall time and peak resident memory.
# Usage: bench/check.sh [ROWS]   (default 5000; needs GNU time, Debian package "time")
set -eu
rows=${1:-5000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$(dirname "$0")/.."
sed "s#^data_dir.*#data_dir = \"$dir/data\"#" config.example.toml > "$dir/config.toml"
export TONGHOP_TEMPLATE_KEY=bench
go build -o "$dir/tonghop" ./cmd/tonghop
go run ./bench/bigform --config "$dir/config.toml" --rows "$rows" -o "$dir/big.xlsx"
echo "workbook: $rows tasks, $(wc -c < "$dir/big.xlsx") bytes"
for i in 1 2 3; do
	/usr/bin/time -f "run $i: %e s elapsed, %M KB max resident" "$dir/tonghop" check --config "$dir/config.toml" "$dir/big.xlsx" | tail -1
done
