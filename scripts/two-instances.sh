#!/usr/bin/env bash
# Two smtp-keys instances (prod jar) on one PostgreSQL, HAProxy in front with docker/haproxy.cfg:
# the web over HTTP, the relay in TCP mode with the PROXY protocol, each instance checked on
# /q/health/ready of its management port. Runs in the foreground until Ctrl-C, then stops all it
# started. Rerunnable: state lives in target/two-instances/ and the database schema.
#
#   scripts/two-instances.sh            # builds the jar if missing, then starts everything
#   scripts/two-instances.sh --build    # rebuilds the jar first
#
# Environment (all optional):
#   DB_URL, DB_USER, DB_PASSWORD, DB_SCHEMA   the shared database (default: schema two_instances in
#                                             the database postgres on localhost)
#   MASTER_KEY_ENCRYPTION_KEY, SESSION_ENCRYPTION_KEY
#                                             the two secrets every instance must share; without them
#                                             the script makes a pair once and keeps it in
#                                             target/two-instances/secrets.env (mode 600)
#   SMTP_TLS_KEYSTORE, SMTP_TLS_KEYSTORE_PASSWORD
#                                             the relay's certificate; default: a self-signed one made
#                                             once with keytool (CN=localhost)
#   SMTP_UPSTREAM_HOST/PORT/TLS               the smarthost (without it mail stays queued)
#   PORT_BASE                                 default 18700: the balancer's web on PORT_BASE+80, SMTP
#                                             (STARTTLS) +25, SMTPS +65; instance n (1 or 2): web +80+n,
#                                             management +90+n, direct SMTP +10n, SMTPS +10n+3, and
#                                             behind the balancer (PROXY) STARTTLS +10n+1, TLS +10n+2
#   JAVA_OPTS                                 extra JVM options for both instances
set -euo pipefail
cd "$(dirname "$0")/.."

command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || { echo "haproxy is missing (Debian: apt-get install haproxy)" >&2; exit 1; }
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
JAR=target/quarkus-app/quarkus-run.jar
if [ "${1:-}" = "--build" ] || [ ! -f "$JAR" ]; then
  ./mvnw -B -q package -DskipTests
fi

RUN=target/two-instances
mkdir -p "$RUN"
if [ -z "${MASTER_KEY_ENCRYPTION_KEY:-}" ] || [ -z "${SESSION_ENCRYPTION_KEY:-}" ]; then
  if [ ! -f "$RUN/secrets.env" ]; then
    ( umask 077
      printf 'MASTER_KEY_ENCRYPTION_KEY=%s\nSESSION_ENCRYPTION_KEY=%s\n' \
        "$(openssl rand -base64 32)" "$(openssl rand -base64 48 | tr -d '\n')" > "$RUN/secrets.env" )
    echo "made a pair of secrets in $RUN/secrets.env (kept for the next run)"
  fi
  set -a; . "$RUN/secrets.env"; set +a
fi
if [ -z "${SMTP_TLS_KEYSTORE:-}" ]; then
  SMTP_TLS_KEYSTORE=$RUN/relay.p12
  if [ ! -f "$RUN/relay.p12" ]; then
    ( umask 077; openssl rand -hex 16 > "$RUN/relay.p12.password" )
    KEYSTORE_PASSWORD=$(cat "$RUN/relay.p12.password") keytool -genkeypair -keyalg EC -groupname secp256r1 \
      -alias relay -dname CN=localhost -validity 365 -storetype PKCS12 -keystore "$RUN/relay.p12" \
      -storepass:env KEYSTORE_PASSWORD >/dev/null 2>&1
  fi
  SMTP_TLS_KEYSTORE_PASSWORD=$(cat "$RUN/relay.p12.password")
fi

B=${PORT_BASE:-18700}
export DB_SCHEMA=${DB_SCHEMA:-two_instances}
export DB_URL=${DB_URL:-jdbc:postgresql://localhost:5432/postgres?currentSchema=$DB_SCHEMA}
export MASTER_KEY_ENCRYPTION_KEY SESSION_ENCRYPTION_KEY SMTP_TLS_KEYSTORE SMTP_TLS_KEYSTORE_PASSWORD
# what both instances share besides the above: the balancer is trusted for PROXY headers and X-Forwarded-For,
# and readiness reports down 5 s before the relay stops listening (the balancer checks every 0.5 s)
export SMTP_TRUSTED_PROXIES=127.0.0.1 QUARKUS_SHUTDOWN_DELAY=${QUARKUS_SHUTDOWN_DELAY:-5S} \
       QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
       QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1 SMTPKEYS_RELAY_LISTENERS_SUBMISSION_ENABLED=false

PIDS=()
stop() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "stopped"
}
trap stop EXIT INT TERM

instance() { # n: 1 or 2
  local n=$1
  env QUARKUS_HTTP_PORT=$((B + 80 + n)) MANAGEMENT_PORT=$((B + 90 + n)) \
      SMTP_PORT=$((B + n * 10)) SMTPS_PORT=$((B + n * 10 + 3)) \
      SMTPKEYS_RELAY_LISTENERS_LB_PORT=$((B + n * 10 + 1)) SMTPKEYS_RELAY_LISTENERS_LB_PROXY_PROTOCOL=true \
      SMTPKEYS_RELAY_LISTENERS_LBTLS_PORT=$((B + n * 10 + 2)) SMTPKEYS_RELAY_LISTENERS_LBTLS_TLS=implicit \
      SMTPKEYS_RELAY_LISTENERS_LBTLS_PROXY_PROTOCOL=true SMTPKEYS_RELAY_HOSTNAME="app$n" \
      java ${JAVA_OPTS:-} -jar "$JAR" >"$RUN/app$n.log" 2>&1 &
  PIDS+=($!)
}
instance 1
instance 2
for n in 1 2; do
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$((B + 90 + n))/q/health/ready" >/dev/null && break
    kill -0 "${PIDS[$((n - 1))]}" 2>/dev/null || { echo "app$n exited; see $RUN/app$n.log" >&2; exit 1; }
    sleep 1
  done
done

export LB_BIND=127.0.0.1 LB_HTTP_PORT=$((B + 80)) LB_SMTP_PORT=$((B + 25)) LB_SMTPS_PORT=$((B + 65))
for n in 1 2; do
  export "APP${n}_HOST=127.0.0.1" "APP${n}_HTTP_PORT=$((B + 80 + n))" "APP${n}_MANAGEMENT_PORT=$((B + 90 + n))" \
         "APP${n}_RELAY_PORT=$((B + n * 10 + 1))" "APP${n}_RELAY_TLS_PORT=$((B + n * 10 + 2))"
done
"$HAPROXY" -db -f docker/haproxy.cfg >"$RUN/haproxy.log" 2>&1 &
PIDS+=($!)

cat <<EOF
two instances behind HAProxy (logs in $RUN/):
  web            http://127.0.0.1:$LB_HTTP_PORT   (X-Served-By names the instance)
  SMTP STARTTLS  127.0.0.1:$LB_SMTP_PORT
  SMTPS          127.0.0.1:$LB_SMTPS_PORT
  app1           web $((B + 81)), management $((B + 91)), direct SMTP $((B + 10))
  app2           web $((B + 82)), management $((B + 92)), direct SMTP $((B + 20))
stop one with: kill -TERM ${PIDS[0]} (app1) or ${PIDS[1]} (app2); Ctrl-C stops all
EOF
wait "${PIDS[2]}"
