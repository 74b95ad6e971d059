#!/usr/bin/env bash
# `ro serve` under load on loopback: a bounded load generator (wrk, 16
# concurrent connections on 2 threads, N seconds a phase, 30 by default).
#
#   bash Tools/Load/serve-load.sh [--seconds N] [--ro PATH]
#
# It copies a release `ro` (default .build/release/ro) to a temp dir, fills a
# fresh store there with a realistic year of the Nhơn Trạch 2026 plan (every
# task reporting every month from February to November, nothing decided yet),
# starts `ro serve` on 127.0.0.1 and a free port, and measures three phases:
#   a. GET /            the dashboard, signed in as the leader (session cookie)
#   b. GET /api/status  the month's status, HTTP Basic as the leader
#   c. POST /api/approve each request approving a different waiting report
#                        (Tools/Load/approve.lua), through the group commit
# then checks that the store verifies (`ro verify`) and that the number of
# ReportApproved events equals the number of 200s. It prints requests/s,
# p50, p99 and the answers that were not 2xx for each phase, and one JSON
# object at the end. Every connection goes to 127.0.0.1 only.
#
# Needs wrk, curl, jq and python3 (a free port); installs wrk, curl and jq
# with apt-get when missing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

duration=30
ro_source="$root/.build/release/ro"
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) duration="${2:?--seconds needs a number}"; shift 2 ;;
    --ro) ro_source="${2:?--ro needs a path}"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "serve-load: unknown argument $1" >&2; exit 64 ;;
  esac
done
case "$duration" in
  ''|*[!0-9]*|0) echo "serve-load: --seconds must be a positive whole number" >&2; exit 64 ;;
esac
[ -x "$ro_source" ] || { echo "serve-load: no ro binary at $ro_source (swift build -c release --product ro)" >&2; exit 66; }

# --- tools -------------------------------------------------------------------
missing=()
for tool in wrk curl jq; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
fi
command -v python3 >/dev/null || { echo "serve-load: python3 is needed to find a free port" >&2; exit 69; }

# --- temp dir, binary, clean-up ----------------------------------------------
work="$(mktemp -d /tmp/ro-serve-load.XXXXXX)"
server_pid=""
cleanup() {
  local status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A copy, so that a rebuild during the run does not swap the binary under us.
cp "$ro_source" "$work/ro"
ro="$work/ro"
export RO_DB="$work/store.sqlite"
unset RO_SENDMAIL RO_MAIL_FROM

# --- the store: a realistic year up to mid-November 2026 ----------------------
# The clock is set by RO_NOW throughout (instants in +07:00): the plan is
# loaded and accepted on 16 February, every month's reports arrive on the 10th
# (February's on the 18th, after the load), and the server runs on 12 November.
plan="$root/Workflows/nhon-trach-2026.yaml"
serve_now="2026-11-12T09:00:00+07:00"
leader=chutich
password='mat-khau-tai-thu-2026'
months=(02 03 04 05 06 07 08 09 10 11)

echo "== Store in $work (ro: $ro_source)"
setup_started=$SECONDS
export RO_NOW="2026-02-16T08:00:00+07:00"
"$ro" init --admin quantri --name "Nguyễn Quản Trị" >/dev/null
"$ro" user add "$leader" --name "Lư Thành Nam" --role leader --as quantri >/dev/null
"$ro" user add daumoi --name "Lê Thị Thanh" --role coordinator --as quantri >/dev/null
"$ro" user add thanhtra --name "Võ Thị Kiểm" --role auditor --as quantri >/dev/null
"$ro" plan load "$plan" --as daumoi >/dev/null 2>&1
"$ro" calendar load "$root/Workflows/calendar-vn.yaml" --as quantri >/dev/null
printf '%s\n' "$password" | "$ro" user password "$leader" --as "$leader" >/dev/null

# One officer for each unit that leads a task; each accepts its unit's tasks.
"$ro" task list --json | jq -r '.[] | [.id, .lead_unit] | @tsv' >"$work/tasks.tsv"
tasks=$(wc -l <"$work/tasks.tsv")
for unit in $(cut -f2 "$work/tasks.tsv" | sort -u); do
  "$ro" user add "cb.$unit" --name "Cán bộ $unit" --role officer --unit "$unit" --as quantri >/dev/null
done
while IFS=$'\t' read -r task unit; do
  "$ro" accept "$task" --as "cb.$unit" >/dev/null
done <"$work/tasks.tsv"

# Every task reports every month, on time; the Văn phòng (vp) has not sent
# November's yet (due before the 20th), so the dashboard has a mix.
reports=0
for month in "${months[@]}"; do
  day=10; [ "$month" = 02 ] && day=18
  export RO_NOW="2026-$month-${day}T09:00:00+07:00"
  while IFS=$'\t' read -r task unit; do
    [ "$month" = 11 ] && [ "$unit" = vp ] && continue
    "$ro" report "$task" --as "cb.$unit" --period "2026-$month" --percent $((10#$month * 8)) \
      --summary "Kỳ 2026-$month: đã triển khai các nội dung theo kế hoạch, đang tổng hợp kết quả." >/dev/null
    reports=$((reports + 1))
  done <"$work/tasks.tsv"
done
echo "   $tasks tasks, $reports reports awaiting a decision; setup took $((SECONDS - setup_started)) s"

# --- the server ----------------------------------------------------------------
export RO_NOW="$serve_now"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$ro" serve --host 127.0.0.1 --port "$port" --no-scheduler >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -s -o /dev/null --max-time 1 "$base/dang-nhap" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; echo "serve-load: ro serve exited" >&2; exit 1; }
  sleep 0.1
done
curl -s -o /dev/null --max-time 1 "$base/dang-nhap" || { echo "serve-load: ro serve does not answer" >&2; exit 1; }
echo "== ro serve on $base (pid $server_pid, RO_NOW=$serve_now)"

# Sign in as the leader (form POST /dang-nhap) and keep the session cookie.
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$work/cookies" \
  --data-urlencode "login=$leader" --data-urlencode "password=$password" "$base/dang-nhap")
[ "$code" = 302 ] || { echo "serve-load: sign-in answered $code, not 302" >&2; exit 1; }
cookie=$(awk '$6 == "ro_session" { print $6 "=" $7 }' "$work/cookies")
[ -n "$cookie" ] || { echo "serve-load: no ro_session cookie after sign-in" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/")
[ "$code" = 200 ] || { echo "serve-load: the dashboard answered $code to the signed-in cookie" >&2; exit 1; }
basic="Authorization: Basic $(printf '%s:%s' "$leader" "$password" | base64 -w0)"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$basic" "$base/api/status")
[ "$code" = 200 ] || { echo "serve-load: /api/status answered $code" >&2; exit 1; }

# --- helpers for wrk's output ------------------------------------------------------
# A latency from wrk ("812.00us", "17.81ms", "1.02s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n }'
}
percentile() { to_ms "$(awk -v p="$2%" '$1 == p { print $2; exit }' "$1")"; }
rps() { awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$1"; }
# wrk's socket errors (connect, read, write, timeout), summed; 0 when none.
socket_errors() { awk '/Socket errors/ { gsub(/,/, ""); n = $4 + $6 + $8 + $10 } END { print n + 0 }' "$1"; }

# The server's CPU time so far (user + system), in clock ticks; and the whole
# machine's busy time (all but idle and iowait), to see what else ran meanwhile
# (wrk itself, and anything else on the machine: a build skews the figures).
server_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
ticks_per_s=$(getconf CLK_TCK)

run_wrk() { # name url [wrk args...]
  local name=$1 url=$2; shift 2
  echo "== Phase $name: wrk -c 16 -t 2 -d ${duration}s --latency $url"
  local before after machine_before machine_after
  before=$(server_ticks)
  machine_before=$(machine_ticks)
  # bash's `time` gives wrk's own CPU (user and system seconds).
  local TIMEFORMAT='%U %S'
  { time wrk -c 16 -t 2 -d "${duration}s" --latency "$@" "$url" >"$work/$name.out" 2>&1; } 2>"$work/$name.time" \
    || { cat "$work/$name.out" >&2; echo "serve-load: wrk failed in phase $name" >&2; exit 1; }
  after=$(server_ticks)
  machine_after=$(machine_ticks)
  sed 's/^/   /' "$work/$name.out"
  # How busy the machine was over the phase, in cores (2 = both, here): the
  # server, wrk, and everything else (a build or a benchmark running at the
  # same time shows as "other" and skews the figures).
  awk -v t=$((after - before)) -v m=$((machine_after - machine_before)) -v hz="$ticks_per_s" \
    -v d="$duration" -v n="$(nproc)" -v w="$(awk '{ print $1 + $2 }' "$work/$name.time")" 'BEGIN {
    ro = t / hz / d; wrk = w / d; other = m / hz / d - ro - wrk; if (other < 0) other = 0
    printf "   CPU over the phase, in cores of %d: ro serve %.2f, wrk %.2f, other (other processes, kernel) %.2f\n", n, ro, wrk, other
    printf "%.2f/%.2f/%.2f\n", ro, wrk, other > "/dev/stderr" }' 2>"$work/$name.cores"
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; echo "serve-load: ro serve died during $name" >&2; exit 1; }
}

# --- phase a: the dashboard -------------------------------------------------
run_wrk dashboard "$base/" -s "$here/status.lua" -H "Cookie: $cookie"
dashboard_rps=$(rps "$work/dashboard.out")
dashboard_p50=$(percentile "$work/dashboard.out" 50)
dashboard_p99=$(percentile "$work/dashboard.out" 99)
dashboard_bad=$(awk '/^read_not_2xx/ { print $2 }' "$work/dashboard.out")
dashboard_socket_errors=$(socket_errors "$work/dashboard.out")

# --- phase b: /api/status ---------------------------------------------------
run_wrk status "$base/api/status" -s "$here/status.lua" -H "$basic"
status_rps=$(rps "$work/status.out")
status_p50=$(percentile "$work/status.out" 50)
status_p99=$(percentile "$work/status.out" 99)
status_bad=$(awk '/^read_not_2xx/ { print $2 }' "$work/status.out")
status_socket_errors=$(socket_errors "$work/status.out")

# --- phase c: approvals -------------------------------------------------------
# The reports awaiting a decision, as the leader's queue lists them.
curl -sf -H "$basic" "$base/api/queue" | jq -r '.[] | [.task, .period, .revision] | @tsv' >"$work/pending.tsv"
pending_before=$(wc -l <"$work/pending.tsv")
export APPROVE_LIST="$work/pending.tsv" APPROVE_THREADS=2 # read by approve.lua
run_wrk approve "$base/api/approve" -s "$here/approve.lua" -H "$basic"
read -r approvals_ok approvals_failed approve_window approve_rps < <(awk '/^approve_counts/ {
  for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  print v["ok"], v["failed"], v["window_s"], v["rps"] }' "$work/approve.out")
approve_p50=$(percentile "$work/approve.out" 50)
approve_p99=$(percentile "$work/approve.out" 99)
approve_socket_errors=$(socket_errors "$work/approve.out")

# --- checks: the queue, the events, the hash chain ----------------------------------
pending_after=$(curl -sf -H "$basic" "$base/api/queue" | jq length)
approved_events=0
while IFS=$'\t' read -r task _; do
  n=$(curl -sf -H "$basic" -G --data-urlencode "task=$task" "$base/api/history" \
    | jq '[.[] | select(.type == "ReportApproved")] | length')
  approved_events=$((approved_events + n))
done <"$work/tasks.tsv"

server_rss_mb=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")
echo "== ro serve's peak resident memory: ${server_rss_mb} MB"

# Stop the server with SIGTERM and check that it exits, and how.
stop_started=$(date +%s%N)
kill -TERM "$server_pid"
for _ in $(seq 200); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.05; done
stop_ms=$((($(date +%s%N) - stop_started) / 1000000))
if kill -0 "$server_pid" 2>/dev/null; then
  echo "serve-load: ro serve still running 10 s after SIGTERM" >&2
  exit 1
fi
server_status=0
wait "$server_pid" || server_status=$?
server_pid=""
echo "== ro serve stopped on SIGTERM after ${stop_ms} ms, exit status $server_status"
if grep -v 'Server started and listening' "$work/serve.log" | grep -q .; then
  echo "== ro serve's log:"; sed 's/^/   /' "$work/serve.log"
fi

verify_ok=false
if "$ro" verify >"$work/verify.out" 2>&1; then verify_ok=true; fi
echo "== ro verify: $(tail -n 1 "$work/verify.out")"

events_match=false
[ "$approved_events" -eq "$approvals_ok" ] && events_match=true
queue_match=false
[ $((pending_before - pending_after)) -eq "$approvals_ok" ] && queue_match=true

# --- summary ----------------------------------------------------------------
echo
echo "== Summary (16 connections, 2 threads, ${duration} s a phase; $pending_before reports were waiting)"
cores() { cat "$work/$1.cores"; }
printf '%-12s %10s %10s %10s %8s %18s\n' phase "req/s" "p50 ms" "p99 ms" "not 2xx" "cores ro/wrk/other"
printf '%-12s %10s %10s %10s %8s %18s\n' dashboard "$dashboard_rps" "$dashboard_p50" "$dashboard_p99" "$dashboard_bad" "$(cores dashboard)"
printf '%-12s %10s %10s %10s %8s %18s\n' api/status "$status_rps" "$status_p50" "$status_p99" "$status_bad" "$(cores status)"
printf '%-12s %10s %10s %10s %8s %18s\n' api/approve "$approve_rps" "$approve_p50" "$approve_p99" "$approvals_failed" "$(cores approve)"
echo "approvals: $approvals_ok ok, $approvals_failed failed, in ${approve_window} s (from the first request to the last answer;"
echo "  the approve row's cores are over the whole phase, idle once the waiting reports ran out);"
echo "  ReportApproved events: $approved_events (match: $events_match); queue $pending_before -> $pending_after (match: $queue_match)"
echo "  ro verify: $verify_ok; ro serve exit status after SIGTERM: $server_status"
echo "  wrk socket errors (connect, read, write, timeout): dashboard $dashboard_socket_errors, status $status_socket_errors, approve $approve_socket_errors"

jq -n \
  --argjson dashboard_rps "$dashboard_rps" --argjson dashboard_p50_ms "$dashboard_p50" --argjson dashboard_p99_ms "$dashboard_p99" \
  --argjson dashboard_not_2xx "$dashboard_bad" \
  --argjson status_rps "$status_rps" --argjson status_p50_ms "$status_p50" --argjson status_p99_ms "$status_p99" \
  --argjson status_not_2xx "$status_bad" \
  --argjson approve_rps "$approve_rps" --argjson approve_p50_ms "$approve_p50" --argjson approve_p99_ms "$approve_p99" \
  --argjson approvals_ok "$approvals_ok" --argjson approvals_failed "$approvals_failed" \
  --argjson approvals_available "$pending_before" --argjson approve_window_s "$approve_window" \
  --argjson approved_events "$approved_events" --argjson events_match "$events_match" \
  --argjson verify_ok "$verify_ok" --argjson seconds "$duration" --argjson server_rss_mb "$server_rss_mb" \
  --argjson server_exit "$server_status" --argjson server_stop_ms "$stop_ms" \
  --arg dashboard_cores "$(cores dashboard)" --arg status_cores "$(cores status)" \
  --argjson socket_errors "$((dashboard_socket_errors + status_socket_errors + approve_socket_errors))" \
  '{dashboard_rps: $dashboard_rps, dashboard_p50_ms: $dashboard_p50_ms, dashboard_p99_ms: $dashboard_p99_ms,
    status_rps: $status_rps, status_p50_ms: $status_p50_ms, status_p99_ms: $status_p99_ms,
    approve_rps: $approve_rps, approve_p50_ms: $approve_p50_ms, approve_p99_ms: $approve_p99_ms,
    approvals_ok: $approvals_ok, approvals_failed: $approvals_failed, verify_ok: $verify_ok,
    dashboard_not_2xx: $dashboard_not_2xx, status_not_2xx: $status_not_2xx,
    approvals_available: $approvals_available, approve_window_s: $approve_window_s,
    approved_events: $approved_events, events_match: $events_match, seconds: $seconds, server_rss_mb: $server_rss_mb,
    server_exit: $server_exit, server_stop_ms: $server_stop_ms, socket_errors: $socket_errors,
    dashboard_cores_ro: ($dashboard_cores | split("/")[0] | tonumber),
    dashboard_cores_wrk: ($dashboard_cores | split("/")[1] | tonumber),
    dashboard_cores_other: ($dashboard_cores | split("/")[2] | tonumber),
    status_cores_ro: ($status_cores | split("/")[0] | tonumber),
    status_cores_wrk: ($status_cores | split("/")[1] | tonumber),
    status_cores_other: ($status_cores | split("/")[2] | tonumber)}'

# A run whose checks failed ends with a failure status.
[ "$verify_ok" = true ] && [ "$events_match" = true ] && [ "$server_status" = 0 ] && [ "$queue_match" = true ] \
  && [ "$dashboard_bad" = 0 ] && [ "$status_bad" = 0 ] && [ "$approvals_failed" = 0 ] \
  && [ $((dashboard_socket_errors + status_socket_errors + approve_socket_errors)) = 0 ]
