#!/usr/bin/env bash
# Measures failover: three nodes of the service (Production mode, real processes) on one PostgreSQL; the node that
# runs the asynchronous projection Variantgebruik is killed with kill -9, and the script times how long it takes until
# another node has started that projection, and the durability agent (which runs scheduled messages) when the killed
# node had it. Repeated RONDES times (default 5); the killed node is started again between rounds.
#
#   deploy/scripts/failover-meten.sh                        # a throwaway PostgreSQL cluster of its own (server binaries needed)
#   MEET_DATABASE='Host=...;Database=...' deploy/scripts/failover-meten.sh   # an empty database of your own
#
# Prints one line per round and a summary; docs/operations.md, Failover, reports the figures.
set -euo pipefail

rondes=${RONDES:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
werk=$(mktemp -d /tmp/failover-meten.XXXXXX)
chmod 755 "$werk"
pids=()
pg_ctl_bin=""

opruimen() {
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; done
  if [ -n "$pg_ctl_bin" ]; then als_postgres "$pg_ctl_bin" -D "$werk/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$werk"
}
trap opruimen EXIT

als_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

vrije_poort() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "Publishing the service (Release) ..."
dotnet publish "$root/src/Samenwerkingsafspraken.Api" -c Release -o "$werk/app" -v q -nologo >/dev/null

if [ -z "${MEET_DATABASE:-}" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$bin/initdb" ] || { echo "No PostgreSQL server binaries; set MEET_DATABASE to an empty database."; exit 2; }
  pg_ctl_bin="$bin/pg_ctl"
  pgpoort=$(vrije_poort)
  mkdir -p "$werk/pg" && [ "$(id -u)" = 0 ] && chown postgres "$werk/pg"
  als_postgres "$bin/initdb" -D "$werk/pg" -A trust -U postgres --no-sync >/dev/null
  als_postgres "$pg_ctl_bin" -D "$werk/pg" -l "$werk/pg/server.log" -w \
    -o "-p $pgpoort -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200" start >/dev/null
  MEET_DATABASE="Host=127.0.0.1;Port=$pgpoort;Database=postgres;Username=postgres"
fi

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Samenwerkingsafspraken="$MEET_DATABASE"
# Never contacted: no request carries a token in this measurement.
export Authenticatie__Authority=https://login.example.invalid
export Authenticatie__Audience=samenwerkingsafspraken-api
# The agents' start and stop lines are what this script reads (a name with dots: set through env, not export).
agentlog="Logging__LogLevel__Wolverine.Runtime.Agents=Information"

echo "Migrating ..."
dotnet "$werk/app/Samenwerkingsafspraken.Api.dll" migreren >"$werk/migreren.log" 2>&1 || { cat "$werk/migreren.log"; exit 1; }

poorten=()
logs=()
start_knooppunt() {
  local i=$1
  # A log per life of a node: what a killed predecessor wrote says nothing about the new process.
  logs[$i]="$werk/knooppunt-$i-$(date +%s%N).log"
  env "$agentlog" ASPNETCORE_URLS="http://127.0.0.1:${poorten[$i]}" dotnet "$werk/app/Samenwerkingsafspraken.Api.dll" >"${logs[$i]}" 2>&1 &
  pids[$i]=$!
  disown "${pids[$i]}"
}

wacht_gereed() {
  local i=$1
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:${poorten[$i]}/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "Node $i not ready:"; tail -20 "${logs[$i]}"; exit 1
}

# The node whose last word about an agent matching $1 is "started" (empty when none).
houder() {
  local patroon=$1
  for i in 0 1 2; do
    kill -0 "${pids[$i]}" 2>/dev/null || continue
    local laatste
    laatste=$(grep -aoE "Successfully (started|stopped) agent [^ \"]*${patroon}[^ \"]*" "${logs[$i]}" | tail -1 || true)
    [[ "$laatste" == "Successfully started"* ]] && { echo "$i"; return; }
  done
}

for i in 0 1 2; do poorten[$i]=$(vrije_poort); start_knooppunt "$i"; done
for i in 0 1 2; do wacht_gereed "$i"; done
echo "Three nodes ready; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."

nu() { date +%s.%N; }
wacht_op_houder() {
  local patroon=$1 behalve=$2
  for _ in $(seq 1 1200); do
    local h; h=$(houder "$patroon")
    [ -n "$h" ] && [ "$h" != "$behalve" ] && { echo "$h"; return 0; }
    sleep 0.1
  done
  echo "none"
}

uitkomsten=()
for ronde in $(seq 1 "$rondes"); do
  slachtoffer=$(wacht_op_houder variantgebruik -1)
  duurzaamheid=$(houder wolverinedb || true)
  sleep 3
  kill -9 "${pids[$slachtoffer]}"
  begin=$(nu)
  opvolger=$(wacht_op_houder variantgebruik "$slachtoffer")
  projectie=$(printf '%.1f' "$(echo "$(nu) - $begin" | bc)")
  regel="round $ronde: killed node $slachtoffer; Variantgebruik on node $opvolger after ${projectie} s"
  if [ "$duurzaamheid" = "$slachtoffer" ]; then
    wacht_op_houder wolverinedb "$slachtoffer" >/dev/null
    regel="$regel; durability agent moved after $(printf '%.1f' "$(echo "$(nu) - $begin" | bc)") s"
  fi
  echo "$regel"
  uitkomsten+=("$projectie")
  rss=$(ps -o rss= -p "${pids[$opvolger]}" | awk '{printf "%d", $1/1024}')
  echo "  resident memory of node $opvolger: ${rss} MiB"
  start_knooppunt "$slachtoffer"
  wacht_gereed "$slachtoffer"
  # Let the cluster settle (the leader may rebalance onto the returned node) before the next round.
  sleep 10
done

printf '%s\n' "${uitkomsten[@]}" | sort -n | awk '{a[NR]=$1} END {printf "Variantgebruik moved after: min %.1f s, median %.1f s, max %.1f s (%d rounds)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'
