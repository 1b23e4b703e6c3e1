#!/usr/bin/env bash
# `npm run test:deploy`: the README's nginx recipe, tested for real. Debian's nginx serves a
# production build of dist/ with the documented security headers and forwards /api/v0/ and
# /api/v1/ (only) to the simulator, all on loopback; then the browser journeys run through it.
# Env: DEPLOY_DIST / DEPLOY_SIM_DIST (builds to use; built here when unset), DEPLOY_PORT,
# DEPLOY_SIM_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${DEPLOY_PORT:-4291}"
SIM_PORT="${DEPLOY_SIM_PORT:-8891}"

if ! command -v nginx > /dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing nginx from Debian…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nginx-light > /dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

if [ -z "${DEPLOY_DIST:-}" ]; then
  npx --no -- vite build --outDir dist-deploy --emptyOutDir > /dev/null
  DEPLOY_DIST=dist-deploy
fi
if [ -z "${DEPLOY_SIM_DIST:-}" ]; then
  npx --no -- vite build --ssr src/simulator/serve.ts --outDir dist-sim-deploy --emptyOutDir > /dev/null
  DEPLOY_SIM_DIST=dist-sim-deploy
fi
ROOT="$(cd "$DEPLOY_DIST" && pwd)"

WORK="$(mktemp -d)"
SIM_PID=""
cleanup() {
  if [ -f "$WORK/nginx.pid" ]; then kill "$(cat "$WORK/nginx.pid")" 2> /dev/null || true; fi
  if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2> /dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The README's server block, with `listen 443 ssl` → loopback HTTP and Vast → the simulator.
CSP="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
# Run as root (CI's container), nginx's workers would drop to `nobody`, which cannot enter a
# checkout in a private (0700) folder: keep them as the invoking user instead.
USER_LINE=""
if [ "$(id -u)" = 0 ]; then USER_LINE="user root;"; fi
cat > "$WORK/nginx.conf" << CONF
$USER_LINE
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $WORK/body;
  proxy_temp_path $WORK/proxy;
  server {
    listen 127.0.0.1:$PORT;
    root $ROOT;

    add_header Content-Security-Policy "$CSP" always;
    add_header Referrer-Policy no-referrer always;
    add_header X-Content-Type-Options nosniff always;
    add_header X-Frame-Options DENY always;

    location ~ ^/api/v[01]/ {
      proxy_pass http://127.0.0.1:$SIM_PORT;
      proxy_set_header Host 127.0.0.1;
      proxy_set_header Origin "";
      proxy_set_header Cookie "";
      proxy_set_header Referer "";
      proxy_hide_header Set-Cookie;
      proxy_redirect off;
    }
    location /api/ { return 404; }
    location /assets/ { expires max; }
    location / { try_files \$uri /index.html; }
  }
}
CONF

MOCK_PORT="$SIM_PORT" node "$DEPLOY_SIM_DIST/serve.js" > /dev/null &
SIM_PID=$!
"$NGINX" -t -q -e "$WORK/error.log" -c "$WORK/nginx.conf"
"$NGINX" -e "$WORK/error.log" -c "$WORK/nginx.conf"
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$SIM_PORT/__sim/health" > /dev/null && curl -fs "http://127.0.0.1:$PORT/" > /dev/null && break
  sleep 0.1
done

fail() {
  echo "deploy test: $1" >&2
  exit 1
}
headers="$(curl -fsSI "http://127.0.0.1:$PORT/?tab=instances")"
grep -qi "^content-security-policy: .*script-src 'self'.*frame-ancestors 'none'" <<< "$headers" || fail "no CSP on /"
grep -qi '^referrer-policy: no-referrer' <<< "$headers" || fail 'no Referrer-Policy'
grep -qi '^x-content-type-options: nosniff' <<< "$headers" || fail 'no nosniff'
asset="$(cd "$ROOT" && ls assets/*.js | head -1)"
curl -fsSI "http://127.0.0.1:$PORT/$asset" | grep -qi '^content-security-policy:' || fail 'no CSP on assets'
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v2/anything/")" = 404 ] || fail '/api/v2 forwarded'
curl -s "http://127.0.0.1:$PORT/__sim/health" | grep -q '"ok"' && fail 'control routes reachable'
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v0/gpu_names/unique/")" = 200 ] || fail '/api/v0 not forwarded'
echo "deploy test: nginx headers and /api allow-list OK"

# The browser journeys, through nginx (Playwright reuses the servers already listening).
env -u CI E2E_APP_PORT="$PORT" E2E_SIM_PORT="$SIM_PORT" \
  npx --no -- playwright test e2e/faults-security.spec.ts e2e/lifecycle.spec.ts
