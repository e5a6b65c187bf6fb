# Sourced by the bench scripts that start servers of their own: a copy of the server `mvn verify`
# creates, with the production jvm.options, a packaged EAR, its own PostgreSQL database (dropped and
# created), data folder, HTTP and JMS ports, and an administrator from LT_AUTH.
#
#   bench_server_start SERVER EAR PORT JMS_PORT DB_NAME DATA     then   bench_server_stop SERVER
#
# Needs WLP (a Liberty install holding the server `linktrack`, e.g. ear/target/liberty/wlp),
# LT_AUTH=user:password, DB_HOST and DB_USER (defaults 127.0.0.1, postgres) and psql on the path.
BENCH_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DB_HOST=${DB_HOST:-127.0.0.1}
DB_USER=${DB_USER:-postgres}

bench_server_wait_ready() {  # PORT
  for _ in $(seq 1 "${READY_TIMEOUT:-600}"); do
    curl -sf "http://localhost:$1/health/ready" >/dev/null && return 0
    sleep 1
  done
  echo "server did not get ready on port $1" >&2
  exit 2
}

bench_server_start() {  # SERVER EAR PORT JMS_PORT DB_NAME DATA
  local server=$1 ear=$2 port=$3 jms_port=$4 db_name=$5 data=$6
  local dir="$WLP/usr/servers/$server"
  [ -f "$ear" ] || { echo "no $ear: mvn -B -ntp -DskipTests verify" >&2; exit 2; }
  [ -d "$WLP/usr/servers/linktrack" ] || { echo "no server in $WLP: mvn -B -ntp -DskipTests verify" >&2; exit 2; }
  echo "== server $server on http://localhost:$port (JMS $jms_port), PostgreSQL database $db_name"
  if [ -f "$WLP/usr/servers/.pid/$server.pid" ]; then "$WLP/bin/server" stop "$server" >/dev/null || true; fi
  rm -rf "$dir" "$data"
  mkdir -p "$data"
  cp -r "$WLP/usr/servers/linktrack" "$dir"
  rm -rf "$dir/logs" "$dir/workarea" "$dir/apps"/* "$dir/dropins"/*
  # the production JVM options (the test server's settings, an admin password among them, are in its
  # bootstrap.properties, written anew below)
  cp "$BENCH_HERE/../liberty-config/jvm.options" "$dir/jvm.options"
  # The packaged EAR, not the loose one `mvn verify` deploys: a rebuild during the test changes nothing.
  mkdir -p "$dir/apps"
  cp "$ear" "$dir/apps/linktrack.ear"
  # server.env overrides the environment, and bootstrap.properties overrides both: write our own.
  cat > "$dir/server.env" <<ENV
LINKTRACK_DB=postgresql
LINKTRACK_DB_HOST=$DB_HOST
LINKTRACK_DB_USER=$DB_USER
LINKTRACK_DB_NAME=$db_name
LINKTRACK_HTTP_PORT=$port
LINKTRACK_JMS_PORT=$jms_port
LINKTRACK_SHORT_BASE_URL=http://localhost:$port
LINKTRACK_ADMIN_USER=${LT_AUTH%%:*}
LINKTRACK_ADMIN_PASSWORD=${LT_AUTH#*:}
ENV
  echo "LINKTRACK_DATA_DIR=$data" > "$dir/bootstrap.properties"
  psql -h "$DB_HOST" -U "$DB_USER" -d postgres -qX -c "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" \
    -c "CREATE DATABASE $db_name" >/dev/null
  "$WLP/bin/server" start "$server" --clean >/dev/null
  bench_server_wait_ready "$port"
}

bench_server_stop() {  # SERVER
  "$WLP/bin/server" stop "$1" >/dev/null 2>&1 || true
}
