#!/usr/bin/env bash
# Measures how long a unit waits for its receipt on a real mail system on loopback: a private
# Postfix delivering by LMTP into a private Dovecot, the daemon reading the shared mailbox by
# IMAP IDLE and sending through Postfix (package internal/e2e). Each sample runs from Postfix
# accepting the unit's mail to the receipt being in the unit's INBOX. Prints the median and the
# 95th percentile and fails when the 95th percentile is over the target, 2 s.
#
#   sudo bench/latency.sh [FILES]     (default 50 files; needs root, postfix and dovecot-lmtpd)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-50}
export TONGHOP_REQUIRE_POSTFIX=1 TONGHOP_REQUIRE_DOVECOT=1

out=$(go test -count=1 -run '^$' -bench '^BenchmarkReceiptLatency$' -benchtime "${files}x" ./internal/e2e/)
echo "$out" | grep -E 'Benchmark|receipt latency over [0-9]+ files' | grep -v 'over 1 files'
p95=$(echo "$out" | awk '/^BenchmarkReceiptLatency/ { for (i = 1; i < NF; i++) if ($(i+1) == "p95-ms") print $i }')
if [ -z "$p95" ]; then echo "no p95 measured"; exit 1; fi
if awk -v p="$p95" 'BEGIN { exit !(p > 2000) }'; then
	echo "p95 ${p95} ms: over the 2 s target"
	exit 1
fi
echo "p95 ${p95} ms: within the 2 s target"
