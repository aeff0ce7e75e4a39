#!/usr/bin/env bash
# Drains a flooded shared mailbox on loopback and reports how fast, in process and through the
# binary (at the default log level, receipts sent), three runs each with the median; then drains
# it again while killing the daemon with SIGKILL at random moments, and checks the end state is
# exact (every message recorded once, one submission and one receipt each).
#
#   bench/drain.sh [MESSAGES] [KILLS] [RUNS]     (default 2000 messages, 20 kills, 3 runs)
#
# TONGHOP_DRAIN_CPUPROFILE=FILE also writes a CPU profile of the binary's last run (go tool pprof).
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-2000}
kills=${2:-20}
runs=${3:-3}
export TONGHOP_LONG=1

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

echo "== messages per second: ${messages} messages, one daemon in process, ${runs} runs"
go test -run '^$' -bench '^BenchmarkDrain$' -benchtime "${messages}x" -count "$runs" ./daemon/ |
	tee /dev/stderr | awk '/msgs\/s/ {print $(NF-1)}' | median | sed 's/^/median msgs\/s: /'

echo "== messages per second: ${messages} messages drained by the binary, ${runs} runs"
for _ in $(seq "$runs"); do
	TONGHOP_DRAIN_MESSAGES=$messages TONGHOP_DRAIN_KILLS=0 \
		go test -count=1 -timeout 30m -run '^TestRun_DrainUnderKills$' -v ./cmd/tonghop/ |
		grep -E 'msgs/s' | tee /dev/stderr | sed -E 's/.*: ([0-9.]+) msgs\/s.*/\1/'
done | median | sed 's/^/median msgs\/s: /'

echo "== ${messages} messages drained by the binary under ${kills} SIGKILLs"
TONGHOP_DRAIN_MESSAGES=$messages TONGHOP_DRAIN_KILLS=$kills \
	go test -count=1 -timeout 30m -run '^TestRun_DrainUnderKills$' -v ./cmd/tonghop/ | grep -E 'drain_test|PASS|FAIL|ok'
