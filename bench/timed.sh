#!/bin/sh
# Runs a command once under GNU time, prints LABEL then its wall time, CPU (user + system) and
# peak RSS, and appends "wall cpu rss" to RUNS, the line bench/medians.sh reads.
# Usage: sh bench/timed.sh RUNS LABEL COMMAND [ARG...]
set -eu
runs=$1
label=$2
shift 2
t=$(mktemp)
trap 'rm -f "$t"' EXIT
/usr/bin/time -o "$t" -f "%e %U %S %M" "$@"
read -r wall user sys rss <"$t"
cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
echo "$label$wall s wall, $cpu s CPU ($user user, $sys system), $((rss / 1024)) MB peak RSS"
echo "$wall $cpu $rss" >>"$runs"
