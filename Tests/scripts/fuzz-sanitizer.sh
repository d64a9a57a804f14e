#!/usr/bin/env bash
# libFuzzer on the text sanitiser (`make fuzz`, not `make test`): builds Tests/Fuzz/SanitizerFuzzer.swift with
# Sources/SafeText, instrumented (-sanitize=fuzzer,address), and runs it for a bounded time from a seed corpus of
# hostile strings. A crash leaves its input in the work folder and fails the script.
# Usage: Tests/scripts/fuzz-sanitizer.sh SCRATCH_PATH [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${1:?usage: fuzz-sanitizer.sh SCRATCH_PATH [SECONDS]}
seconds=${2:-60}
work="$scratch/fuzz-sanitizer"
mkdir -p "$work/corpus"
swiftc -sanitize=fuzzer,address -parse-as-library -module-name FuzzSanitizer -O \
  "$root/Tests/Fuzz/SanitizerFuzzer.swift" "$root"/Sources/SafeText/*.swift -o "$work/fuzz-sanitizer" 2> "$work/build.log" || {
  cat "$work/build.log" >&2; exit 1; }
printf '\033[2J\033]0;pwned\007\302\233\342\200\256x\342\200\213\377\376' > "$work/corpus/hostile"
printf 'Ben Guerir \342\265\243 \xe2\x80\x8f e\314\201\314\202\314\203\314\204\314\205' > "$work/corpus/marks"
cd "$work"
./fuzz-sanitizer -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 corpus 2>&1 | tail -n 12
