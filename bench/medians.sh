#!/bin/sh
# Prints the medians of the runs in FILE, one run a line: wall seconds, CPU seconds, peak RSS
# in KB (as bench/timed.sh writes them for bench/ledgerbook.sh and bench/consolidate.sh).
set -eu
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'; }
n=$(wc -l <"$1")
wall=$(cut -d' ' -f1 "$1" | median)
cpu=$(cut -d' ' -f2 "$1" | median)
rss=$(cut -d' ' -f3 "$1" | median)
echo "medians of $n runs: $wall s wall, $cpu s CPU, $((${rss%.*} / 1024)) MB peak RSS"
