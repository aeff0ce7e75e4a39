#!/usr/bin/env bash
# Drains a flooded shared mailbox on loopback and reports how fast, in process and through the
# binary (at the default log level, receipts sent), RUNS runs each with the medians of messages
# per second and of CPU per message; then drains it again while killing the daemon with SIGKILL
# at random moments, and checks the end state is exact (every message recorded once, one
# submission and one receipt each).
#
#   bench/drain.sh [MESSAGES] [KILLS] [RUNS]     (default 2000 messages, 20 kills, 3 runs)
#
# The inbox is a private Dovecot on loopback (internal/dovecottest), filled by IMAP APPEND before
# the timed drain; where Dovecot is not installed (and TONGHOP_REQUIRE_DOVECOT is not 1) it is the
# embedded IMAP server, and every run says which. TONGHOP_DRAIN_SERVER=embedded asks for the
# embedded one. The relay is always the embedded SMTP server.
#
# CPU per message is the binary's whole last run (user + system, start and stop included), or the
# benchmark process's; it holds while other work shares the cores, when wall time does not.
#
# TONGHOP_DRAIN_CPUPROFILE=FILE also writes a CPU profile of the binary's last run (go tool pprof).
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-2000}
kills=${2:-20}
runs=${3:-3}
export TONGHOP_LONG=1

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== ${messages} messages drained by one daemon in process, ${runs} runs ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
go test -run '^$' -bench '^BenchmarkDrain$' -benchtime "${messages}x" -count "$runs" ./daemon/ | tee "$out/bench" >&2
awk '/msgs\/s/ {for (i = 1; i < NF; i++) if ($(i+1) == "msgs/s") print $i}' "$out/bench" | median | sed 's/^/median msgs\/s: /'
awk '/cpu-ms\/msg/ {for (i = 1; i < NF; i++) if ($(i+1) == "cpu-ms/msg") print $i}' "$out/bench" | median | sed 's/^/median cpu-ms\/msg (the test process, relay included): /'

echo "== ${messages} messages drained by the binary, ${runs} runs ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
for r in $(seq "$runs"); do
	TONGHOP_DRAIN_MESSAGES=$messages TONGHOP_DRAIN_KILLS=0 \
		go test -count=1 -timeout 30m -run '^TestRun_DrainUnderKills$' -v ./cmd/tonghop/ >"$out/run$r" 2>&1 || {
		cat "$out/run$r" >&2
		exit 1
	}
	grep -E 'shared mailbox on|msgs/s|cpu-ms/msg' "$out/run$r" >&2
done
cat "$out"/run* | sed -nE 's/.*: ([0-9.]+) msgs\/s.*/\1/p' | median | sed 's/^/median msgs\/s: /'
cat "$out"/run* | sed -nE 's/.*: ([0-9.]+) cpu-ms\/msg.*/\1/p' | median | sed 's/^/median cpu-ms\/msg (the binary): /'

echo "== ${messages} messages drained by the binary under ${kills} SIGKILLs"
TONGHOP_DRAIN_MESSAGES=$messages TONGHOP_DRAIN_KILLS=$kills \
	go test -count=1 -timeout 30m -run '^TestRun_DrainUnderKills$' -v ./cmd/tonghop/ | grep -E 'drain_test|PASS|FAIL|ok'
