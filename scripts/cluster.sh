#!/usr/bin/env bash
# The portal as a cluster on one machine (loopback): a 3-node MariaDB Galera cluster, N portal nodes of the
# production jar (default 2) and HAProxy in front. A demonstration and a test bench for issue 13: on real hosts the
# same pieces run one per machine (docs/OPERATIONS.md, "Several portal nodes").
#
#   scripts/cluster.sh up        start what is not running (first time: creates the cluster, the database, the accounts)
#   scripts/cluster.sh status    each component's state
#   scripts/cluster.sh down      stop everything (portal nodes, HAProxy, then the Galera nodes, last one last)
#   scripts/cluster.sh kill  db|portal N   SIGKILL one node (fault tests)
#   scripts/cluster.sh start db|portal N   bring one node back (a Galera node rejoins by IST, or SST if too far behind)
#   scripts/cluster.sh env       the settings the fault tests and benchmark read (shell syntax)
#   scripts/cluster.sh clean     remove the state folder (after down)
#
# Settings (environment): NODES (portal nodes, 2), CLUSTER_DIR (state folder, target/cluster), CLUSTER_DB_PORT
# (first SQL port, 14301; Galera replication +100, IST +200, SST +300), CLUSTER_HTTP_PORT (HAProxy, 18080; portal node
# n listens on +n, HAProxy's statistics on +100), CLUSTER_JAVA (java 21+), CLUSTER_HEAP (-Xmx of a portal node, 512m),
# CLUSTER_DB_BUFFER_POOL (InnoDB buffer pool per Galera node, 96M), PORTAL_JAR (the jar; built when missing).
# Nothing is installed: missing Debian packages are named with the command that installs them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODES="${NODES:-2}"
DIR="${CLUSTER_DIR:-$ROOT/target/cluster}"
mkdir -p "$DIR" && DIR="$(cd "$DIR" && pwd)"
DB_PORT="${CLUSTER_DB_PORT:-14301}"
HTTP_PORT="${CLUSTER_HTTP_PORT:-18080}"
HEAP="${CLUSTER_HEAP:-512m}"
BUFFER_POOL="${CLUSTER_DB_BUFFER_POOL:-96M}"
DB_NODES=3
JAR="${PORTAL_JAR:-}"

say() { printf '%s\n' "$*" >&2; }
die() { say "cluster: $*"; exit 1; }

sql_port() { echo $((DB_PORT + $1 - 1)); }
repl_port() { echo $((DB_PORT + 100 + $1 - 1)); }
ist_port() { echo $((DB_PORT + 200 + $1 - 1)); }
sst_port() { echo $((DB_PORT + 300 + $1 - 1)); }
http_port() { echo $((HTTP_PORT + $1)); }
stats_port() { echo $((HTTP_PORT + 100)); }

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# --- what must be installed -------------------------------------------------------------------------------------------

MARIADBD="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
GALERA_LIB="${GALERA_LIB:-/usr/lib/galera/libgalera_smm.so}"

check_packages() {
    local missing=()
    [[ -x "$MARIADBD" ]] && command -v mariadb >/dev/null && command -v mariadb-install-db >/dev/null || missing+=(mariadb-server)
    [[ -f "$GALERA_LIB" ]] || missing+=(galera-4)
    command -v haproxy >/dev/null || [[ -x /usr/sbin/haproxy ]] || missing+=(haproxy)
    command -v curl >/dev/null || missing+=(curl)
    if ! command -v mariabackup >/dev/null && ! command -v rsync >/dev/null; then missing+=(rsync); fi
    if ((${#missing[@]})); then
        local sudo=""; [[ $EUID -ne 0 ]] && sudo="sudo "
        die "missing Debian packages: ${missing[*]}. Install them with:
    ${sudo}apt-get update && ${sudo}apt-get install -y ${missing[*]}
(the packaged services need not run: this script starts its own processes on loopback; with systemd you may
 'systemctl disable --now mariadb haproxy' so that they do not take ports or memory)"
    fi
}

find_java() {
    local candidates=("${CLUSTER_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
        /usr/lib/jvm/temurin-21-jdk-amd64/bin/java /usr/lib/jvm/java-21-openjdk-amd64/bin/java "$(command -v java || true)")
    for j in "${candidates[@]}"; do
        [[ -n "$j" && -x "$j" ]] || continue
        local v; v="$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')"
        if [[ "${v%%.*}" -ge 21 ]] 2>/dev/null; then echo "$j"; return; fi
    done
    die "no Java 21 or newer found: set CLUSTER_JAVA to its bin/java (docs/INSTALL.md, 'Java 21 or newer')"
}

find_jar() {
    if [[ -z "$JAR" ]]; then
        JAR="$(ls "$ROOT"/target/ntm-training-portal-*.jar 2>/dev/null | grep -v -- '-plain\|original' | head -1 || true)"
    fi
    if [[ -z "$JAR" || ! -f "$JAR" ]]; then
        say "cluster: building the production jar (./mvnw -q -DskipTests package)"
        local java; java="$(find_java)"
        (cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$java")")" ./mvnw -q -DskipTests package)
        JAR="$(ls "$ROOT"/target/ntm-training-portal-*.jar | grep -v -- '-plain\|original' | head -1)"
    fi
}

# --- secrets: made once, kept in the state folder (mode 600) ----------------------------------------------------------

secrets() {
    local file="$DIR/secrets.env"
    if [[ ! -f "$file" ]]; then
        (umask 077
         { echo "DB_ROOT_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '+/=')"
           echo "DB_MIGRATE_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '+/=')"
           echo "DB_APP_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '+/=')"
           echo "PORTAL_ADMIN_PASSWORD=Cluster-$(head -c 9 /dev/urandom | base64 | tr -d '+/=')"
           echo "PORTAL_CHECKIN_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '+/=')"
           echo "PORTAL_LOGIN_DEVICE_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '+/=')"
         } > "$file")
    fi
    # shellcheck disable=SC1090
    source "$file"
}

# --- Galera -------------------------------------------------------------------------------------------------------------

db_dir() { echo "$DIR/db$1"; }
db_pid() { echo "$(db_dir "$1")/mariadbd.pid"; }
db_cnf() { echo "$(db_dir "$1")/my.cnf"; }

sst_method() { if command -v mariabackup >/dev/null; then echo mariabackup; else echo rsync; fi; }

write_db_cnf() {
    local n=$1 d; d="$(db_dir "$n")"
    local peers="" i
    for ((i = 1; i <= DB_NODES; i++)); do peers+="${peers:+,}127.0.0.1:$(repl_port "$i")"; done
    mkdir -p "$d/data" "$d/tmp"
    cat > "$(db_cnf "$n")" <<EOF
# Galera node $n of the loopback demo (written by scripts/cluster.sh; edits are overwritten at the next start)
[mysqld]
datadir=$d/data
tmpdir=$d/tmp
socket=$d/mariadbd.sock
pid-file=$(db_pid "$n")
log-error=$d/error.log
port=$(sql_port "$n")
bind-address=127.0.0.1
skip-name-resolve=ON
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=300
max_allowed_packet=64M
performance_schema=OFF
innodb_buffer_pool_size=$BUFFER_POOL
innodb_log_file_size=64M
# Galera's requirements: row-based replication, InnoDB, interleaved auto-increment locks
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
# the migrations create triggers (audit trail, check-in references) with the migrating account, which has no SUPER:
# with Galera's row events MariaDB asks for this to allow it
log_bin_trust_function_creators=ON
# a commit is durable once the cluster has certified it (the other nodes hold it): the log is flushed each second
innodb_flush_log_at_trx_commit=2
wsrep_on=ON
wsrep_provider=$GALERA_LIB
wsrep_cluster_name=ntm-loopback
wsrep_cluster_address=gcomm://$peers
wsrep_node_name=db$n
wsrep_node_address=127.0.0.1:$(repl_port "$n")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(repl_port "$n");ist.recv_addr=127.0.0.1:$(ist_port "$n");gcache.size=256M"
wsrep_sst_method=$(sst_method)
wsrep_sst_receive_address=127.0.0.1:$(sst_port "$n")
wsrep_sst_auth=root:$DB_ROOT_PASSWORD
wsrep_slave_threads=2
[client]
socket=$d/mariadbd.sock
EOF
}

# run by root, the databases run as Debian's mysql account: MariaDB refuses to run as root, and the rsync daemon of an SST
# started by root would write as 'nobody'
run_as() { if [[ $EUID -eq 0 ]]; then echo "--user=mysql"; fi; }
own_db_dir() { if [[ $EUID -eq 0 ]]; then chown -R mysql:mysql "$(db_dir "$1")"; fi; }

db_sql() { # db_sql N "statement" : as MariaDB's root, over the node's socket (no password until the first start set it)
    local password=(-p"$DB_ROOT_PASSWORD")
    [[ -f "$DIR/db1/.needs-root-password" ]] && password=()
    mariadb --defaults-file="$(db_cnf "$1")" -uroot "${password[@]}" -N -B -e "$2"
}

db_status() { db_sql "$1" "show global status like '$2'" 2>/dev/null | awk '{print $2}'; }

# the position a node that died holds in its own InnoDB, so that it rejoins by IST (only the writes it missed)
recovered_position() {
    local n=$1 d; d="$(db_dir "$n")"
    local log="$d/recover.log"
    "$MARIADBD" --defaults-file="$(db_cnf "$n")" $(run_as) --wsrep-recover --log-error="$log" >/dev/null 2>&1 || true
    sed -n 's/.*WSREP: Recovered position: *//p' "$log" | tail -1
}

start_db() { # start_db N [bootstrap]
    local n=$1 bootstrap=${2:-} d; d="$(db_dir "$n")"
    if alive "$(db_pid "$n")"; then return; fi
    write_db_cnf "$n"
    own_db_dir "$n"
    local extra=()
    if [[ ! -d "$d/data/mysql" && "$bootstrap" == bootstrap ]]; then
        say "cluster: db$n: creating the first node's data folder"
        mariadb-install-db --defaults-file="$(db_cnf "$n")" $(run_as) --auth-root-authentication-method=normal \
            --skip-test-db > "$d/install.log" 2>&1 || die "db$n: mariadb-install-db failed, see $d/install.log"
        touch "$d/.needs-root-password"
    fi
    if [[ -f "$d/data/grastate.dat" ]] && grep -q '^seqno: *-1' "$d/data/grastate.dat" && [[ -d "$d/data/mysql" ]]; then
        local pos; pos="$(recovered_position "$n")"
        if [[ -n "$pos" ]]; then extra+=("--wsrep-start-position=$pos"); say "cluster: db$n: recovered position $pos"; fi
    fi
    if [[ "$bootstrap" == bootstrap ]]; then
        extra+=(--wsrep-new-cluster)
        # a cluster stopped whole: only the node stopped last may bootstrap; this script stops node 1 last
        [[ -f "$d/data/grastate.dat" ]] && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$d/data/grastate.dat"
    fi
    say "cluster: db$n: starting (SQL $(sql_port "$n"), replication $(repl_port "$n"))"
    nohup "$MARIADBD" --defaults-file="$(db_cnf "$n")" $(run_as) "${extra[@]}" > "$d/stdout.log" 2>&1 &
    wait_db_synced "$n" 300
    if [[ -f "$d/.needs-root-password" ]]; then
        db_sql "$n" "ALTER USER 'root'@'localhost' IDENTIFIED BY '$DB_ROOT_PASSWORD'"
        rm "$d/.needs-root-password"
    fi
}

wait_db_synced() {
    local n=$1 limit=$2 i state
    for ((i = 0; i < limit; i++)); do
        if ! alive "$(db_pid "$n")" && ((i > 5)) && ! pgrep -f -- "--defaults-file=$(db_cnf "$n")" >/dev/null; then
            die "db$n stopped while starting: see $(db_dir "$n")/error.log"
        fi
        state="$(db_status "$n" wsrep_local_state_comment || true)"
        if [[ "$state" == Synced ]]; then say "cluster: db$n: Synced"; return; fi
        sleep 1
    done
    die "db$n not Synced after ${limit}s (state '${state:-no answer}'): see $(db_dir "$n")/error.log"
}

wait_cluster_size() {
    local want=$1 i size
    for ((i = 0; i < 120; i++)); do
        size="$(db_status 1 wsrep_cluster_size || true)"
        [[ "$size" == "$want" ]] && return
        sleep 1
    done
    die "the Galera cluster has ${size:-no} nodes, expected $want"
}

create_database() {
    local host=127.0.0.1
    db_sql 1 "CREATE DATABASE IF NOT EXISTS ntm CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE USER IF NOT EXISTS 'ntm_migrate'@'$host' IDENTIFIED BY '$DB_MIGRATE_PASSWORD';
        CREATE USER IF NOT EXISTS 'ntm_app'@'$host' IDENTIFIED BY '$DB_APP_PASSWORD';
        GRANT ALL PRIVILEGES ON ntm.* TO 'ntm_migrate'@'$host' WITH GRANT OPTION;"
}

stop_db() {
    local n=$1 pidf; pidf="$(db_pid "$n")"
    alive "$pidf" || return 0
    say "cluster: db$n: stopping"
    kill -TERM "$(cat "$pidf")"
    local i; for ((i = 0; i < 120; i++)); do alive "$pidf" || return 0; sleep 1; done
    say "cluster: db$n did not stop within 120 s"
}

# --- portal nodes -------------------------------------------------------------------------------------------------------

portal_dir() { echo "$DIR/portal$1"; }
portal_pid() { echo "$(portal_dir "$1")/portal.pid"; }

# node n prefers Galera node ((n-1) mod 3)+1 and fails over to the others in order (Connector/J's sequential mode)
jdbc_url() {
    local n=$1 hosts="" i k
    for ((i = 0; i < DB_NODES; i++)); do
        k=$(( (n - 1 + i) % DB_NODES + 1 ))
        hosts+="${hosts:+,}127.0.0.1:$(sql_port "$k")"
    done
    echo "jdbc:mariadb:sequential://$hosts/ntm"
}

start_portal() {
    local n=$1 d; d="$(portal_dir "$n")"
    alive "$(portal_pid "$n")" && return
    mkdir -p "$d" "$DIR/files"
    local java; java="$(find_java)"
    say "cluster: portal$n: starting on 127.0.0.1:$(http_port "$n")"
    # the same jar as a single server, configured only by its environment (docs/INSTALL.md)
    # exec all the way down, so that the pid recorded is the JVM's own (kill -9 must hit the JVM, not a wrapper shell)
    (cd "$d" && exec env -u SPRING_PROFILES_ACTIVE \
        SPRING_DATASOURCE_URL="$(jdbc_url "$n")" \
        SPRING_DATASOURCE_USERNAME=ntm_app SPRING_DATASOURCE_PASSWORD="$DB_APP_PASSWORD" \
        SPRING_FLYWAY_USER=ntm_migrate SPRING_FLYWAY_PASSWORD="$DB_MIGRATE_PASSWORD" \
        PORTAL_DATABASE_APP_ACCOUNT="'ntm_app'@'127.0.0.1'" \
        SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$(http_port "$n")" \
        PORTAL_PUBLIC_URL="http://127.0.0.1:$HTTP_PORT" PORTAL_TRUSTED_PROXIES='127\.0\.0\.1' \
        PORTAL_ADMIN_USERNAME=admin PORTAL_ADMIN_PASSWORD="$PORTAL_ADMIN_PASSWORD" \
        PORTAL_CHECKIN_SECRET="$PORTAL_CHECKIN_SECRET" PORTAL_LOGIN_DEVICE_SECRET="$PORTAL_LOGIN_DEVICE_SECRET" \
        PORTAL_FILES_DIR="$DIR/files" \
        JAVA_TOOL_OPTIONS="-Xmx$HEAP -XX:+ExitOnOutOfMemoryError" \
        nohup "$java" -jar "$JAR" > "$d/portal.log" 2>&1) &
    echo $! > "$(portal_pid "$n")"
}

ready() { curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null; }

wait_portal_ready() {
    local n=$1 i
    for ((i = 0; i < 300; i++)); do
        ready "$(http_port "$n")" && { say "cluster: portal$n: ready"; return; }
        alive "$(portal_pid "$n")" || die "portal$n stopped while starting: see $(portal_dir "$n")/portal.log"
        sleep 1
    done
    die "portal$n not ready after 300 s: see $(portal_dir "$n")/portal.log"
}

stop_portal() {
    local n=$1 pidf; pidf="$(portal_pid "$n")"
    alive "$pidf" || return 0
    say "cluster: portal$n: stopping"
    kill -TERM "$(cat "$pidf")"
    local i; for ((i = 0; i < 60; i++)); do alive "$pidf" || return 0; sleep 1; done
    kill -KILL "$(cat "$pidf")" 2>/dev/null || true
}

portal_nodes_present() { ls -d "$DIR"/portal* 2>/dev/null | sed 's/.*portal//' | sort -n; }

# --- HAProxy ------------------------------------------------------------------------------------------------------------

write_haproxy_cfg() {
    local n servers_ui="" servers_rr=""
    for ((n = 1; n <= NODES; n++)); do
        servers_ui+="    server portal$n 127.0.0.1:$(http_port "$n") check cookie p$n"$'\n'
        servers_rr+="    server portal$n 127.0.0.1:$(http_port "$n") check"$'\n'
    done
    cat > "$DIR/haproxy.cfg" <<EOF
# written by scripts/cluster.sh for $NODES portal node(s)
global
    maxconn 4096
    stats socket $DIR/haproxy.sock mode 600 level admin

defaults
    mode http
    option forwardfor
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # Vaadin's push and long polls
    timeout tunnel 1h
    # a node that refuses the connection (it died): the request goes to another one
    retries 2
    option redispatch
    # readiness, not liveness: a node that is starting, or stopping, gets no new requests
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions

frontend portal
    bind 127.0.0.1:$HTTP_PORT
    # stateless requests go to any node; the Vaadin UI keeps its state in the node's session, so a browser stays on one
    acl stateless path /checkin /checkin/walk-in
    acl stateless path_beg /api/ /actuator/
    use_backend portal_any if stateless
    default_backend portal_ui

backend portal_ui
    balance roundrobin
    cookie NTMNODE insert indirect nocache httponly
$servers_ui
backend portal_any
    balance roundrobin
$servers_rr
listen stats
    bind 127.0.0.1:$(stats_port)
    stats enable
    stats uri /
    stats refresh 5s
EOF
}

haproxy_bin() { command -v haproxy || echo /usr/sbin/haproxy; }

start_haproxy() {
    write_haproxy_cfg
    "$(haproxy_bin)" -c -q -f "$DIR/haproxy.cfg" || die "HAProxy refuses $DIR/haproxy.cfg"
    if alive "$DIR/haproxy.pid"; then
        # a new NODES: reload without dropping connections
        "$(haproxy_bin)" -D -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid" -sf "$(cat "$DIR/haproxy.pid")"
    else
        say "cluster: HAProxy: starting on 127.0.0.1:$HTTP_PORT (statistics on 127.0.0.1:$(stats_port))"
        "$(haproxy_bin)" -D -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid"
    fi
}

stop_haproxy() {
    alive "$DIR/haproxy.pid" || return 0
    say "cluster: HAProxy: stopping"
    kill -USR1 "$(cat "$DIR/haproxy.pid")" # soft stop: finishes the requests under way
    local i; for ((i = 0; i < 30; i++)); do alive "$DIR/haproxy.pid" || return 0; sleep 1; done
    kill -TERM "$(cat "$DIR/haproxy.pid")" 2>/dev/null || true
}

wait_haproxy_sees() {
    local want=$1 i up
    for ((i = 0; i < 30; i++)); do
        up="$(curl -fsS -m 3 "http://127.0.0.1:$(stats_port)/;csv" 2>/dev/null | awk -F, '$1=="portal_any" && $18=="UP"' | wc -l)"
        ((up >= want)) && return
        sleep 1
    done
    say "cluster: HAProxy sees $up of $want portal nodes up"
}

# --- commands -----------------------------------------------------------------------------------------------------------

up() {
    check_packages
    secrets
    find_jar
    local n bootstrap=1
    # a cluster that is running (any node alive) is joined; otherwise node 1 bootstraps it
    for ((n = 1; n <= DB_NODES; n++)); do alive "$(db_pid "$n")" && bootstrap=0; done
    if ((bootstrap)); then start_db 1 bootstrap; else start_db 1; fi
    for ((n = 2; n <= DB_NODES; n++)); do start_db "$n"; done
    wait_cluster_size "$DB_NODES"
    say "cluster: Galera: $DB_NODES nodes, Synced"
    create_database
    # node 1 first: it migrates the schema alone; the others find it current
    start_portal 1; wait_portal_ready 1
    for ((n = 2; n <= NODES; n++)); do start_portal "$n"; done
    for ((n = 2; n <= NODES; n++)); do wait_portal_ready "$n"; done
    # nodes above NODES left from an earlier, larger run
    for n in $(portal_nodes_present); do ((n > NODES)) && stop_portal "$n"; done
    start_haproxy
    wait_haproxy_sees "$NODES"
    say "cluster: up: http://127.0.0.1:$HTTP_PORT (administrator 'admin', password in $DIR/secrets.env)"
}

status() {
    secrets
    local n rc=0
    for ((n = 1; n <= DB_NODES; n++)); do
        if alive "$(db_pid "$n")"; then
            printf 'db%s       running  sql 127.0.0.1:%s  %s, cluster size %s\n' "$n" "$(sql_port "$n")" \
                "$(db_status "$n" wsrep_local_state_comment || echo '?')" "$(db_status "$n" wsrep_cluster_size || echo '?')"
        else
            printf 'db%s       stopped\n' "$n"; rc=1
        fi
    done
    for n in $(portal_nodes_present); do
        if alive "$(portal_pid "$n")"; then
            if ready "$(http_port "$n")"; then state=ready; else state="not ready"; rc=1; fi
            printf 'portal%s   running  http 127.0.0.1:%s  %s\n' "$n" "$(http_port "$n")" "$state"
        else
            printf 'portal%s   stopped\n' "$n"; ((n <= NODES)) && rc=1
        fi
    done
    if alive "$DIR/haproxy.pid"; then
        printf 'haproxy   running  http 127.0.0.1:%s  ' "$HTTP_PORT"
        curl -fsS -m 3 "http://127.0.0.1:$(stats_port)/;csv" 2>/dev/null |
            awk -F, '$1=="portal_ui" && $2!="BACKEND" && $2!="FRONTEND" {printf "%s %s  ", $2, $18}'
        echo
    else
        printf 'haproxy   stopped\n'; rc=1
    fi
    return $rc
}

down() {
    local n
    [[ -f "$DIR/secrets.env" ]] || { say "cluster: nothing to stop in $DIR"; return; }
    secrets
    stop_haproxy
    for n in $(portal_nodes_present); do stop_portal "$n"; done
    # node 1 last: it holds every write and may bootstrap the cluster at the next 'up'
    for ((n = DB_NODES; n >= 1; n--)); do stop_db "$n"; done
    say "cluster: down (data kept in $DIR; 'scripts/cluster.sh clean' removes it)"
}

kill_node() {
    local kind=$1 n=$2 pidf
    case $kind in
        db) pidf="$(db_pid "$n")" ;;
        portal) pidf="$(portal_pid "$n")" ;;
        *) die "kill db|portal N" ;;
    esac
    alive "$pidf" || die "$kind$n is not running"
    kill -KILL "$(cat "$pidf")"
    say "cluster: $kind$n: killed (SIGKILL)"
}

start_node() {
    local kind=$1 n=$2
    check_packages
    secrets
    case $kind in
        db) start_db "$n"; wait_cluster_size "$DB_NODES" ;;
        portal) find_jar; start_portal "$n"; wait_portal_ready "$n" ;;
        *) die "start db|portal N" ;;
    esac
}

print_env() {
    secrets
    cat <<EOF
CLUSTER_URL=http://127.0.0.1:$HTTP_PORT
CLUSTER_NODES=$NODES
CLUSTER_DIR=$DIR
CLUSTER_JDBC_URL=jdbc:mariadb:sequential://127.0.0.1:$(sql_port 1),127.0.0.1:$(sql_port 2),127.0.0.1:$(sql_port 3)/ntm
CLUSTER_DB_PORTS=$(sql_port 1),$(sql_port 2),$(sql_port 3)
CLUSTER_PORTAL_PORTS=$(for n in $(portal_nodes_present); do alive "$(portal_pid "$n")" && printf '%s,' "$(http_port "$n")"; done | sed 's/,$//')
DB_MIGRATE_PASSWORD=$DB_MIGRATE_PASSWORD
DB_ROOT_PASSWORD=$DB_ROOT_PASSWORD
PORTAL_ADMIN_PASSWORD=$PORTAL_ADMIN_PASSWORD
PORTAL_CHECKIN_SECRET=$PORTAL_CHECKIN_SECRET
EOF
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    status) status ;;
    kill) kill_node "${2:-}" "${3:-}" ;;
    start) start_node "${2:-}" "${3:-}" ;;
    env) print_env ;;
    clean)
        alive "$DIR/haproxy.pid" || alive "$(db_pid 1)" || alive "$(db_pid 2)" || alive "$(db_pid 3)" && die "run 'down' first"
        rm -rf "$DIR"; say "cluster: removed $DIR" ;;
    *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
