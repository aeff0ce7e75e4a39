#!/usr/bin/env bash
# Drains a flooded shared mailbox on loopback and reports how fast, then drains it again while
# killing the daemon with SIGKILL at random moments, and checks the end state is exact (every
# message recorded once, one submission and one receipt each).
#
#   bench/drain.sh [MESSAGES] [KILLS]     (default 2000 messages, 20 kills)
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-2000}
kills=${2:-20}

echo "== messages per second: ${messages} messages, one daemon in process"
go test -run '^$' -bench '^BenchmarkDrain$' -benchtime "${messages}x" ./daemon/ | grep -E 'Benchmark|msgs/s'

echo "== ${messages} messages drained by the binary under ${kills} SIGKILLs"
TONGHOP_DRAIN_MESSAGES=$messages TONGHOP_DRAIN_KILLS=$kills \
	go test -count=1 -timeout 30m -run '^TestRun_DrainUnderKills$' -v ./cmd/tonghop/ | grep -E 'drain_test|PASS|FAIL|ok'
