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

# The README's recipe itself (its ```nginx block), with TLS → loopback HTTP, the served name →
# 127.0.0.1, dist/ → this build and Vast → the simulator. The log proxy line is dropped (no
# `npm start` runs here). A README change that a substitution no longer matches fails the test.
recipe="$(awk '/^```nginx$/ { inside = 1; next } /^```$/ { inside = 0 } inside' README.md)"
swap() {
  case "$recipe" in
    *"$1"*) recipe="${recipe//"$1"/"$2"}" ;;
    *) echo "deploy test: the README's nginx block no longer has: $1" >&2 && exit 1 ;;
  esac
}
swap 'listen 443 ssl default_server;' "listen 127.0.0.1:$PORT default_server;"
# Plain HTTP cannot refuse the TLS handshake: 421 Misdirected Request says the same.
swap 'ssl_reject_handshake on;' 'return 421;'
swap 'listen 443 ssl;' "listen 127.0.0.1:$PORT;"
swap 'server_name gpu.example.com;' 'server_name 127.0.0.1;'
swap 'root /srv/vast-console/dist;' "root $ROOT;"
swap 'proxy_pass https://console.vast.ai;' "proxy_pass http://127.0.0.1:$SIM_PORT;"
swap 'proxy_ssl_server_name on;' ''
swap 'proxy_set_header Host console.vast.ai;' 'proxy_set_header Host 127.0.0.1;'
swap 'proxy_pass http://127.0.0.1:8278;' 'return 404;'

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
$recipe
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
BASE="http://127.0.0.1:$PORT"
# status TARGET [curl options…]: the status code of a request sent exactly as written.
status() {
  local target="$1"
  shift
  curl -s -o /dev/null -w '%{http_code}' --path-as-is "$@" "$BASE$target"
}
expect_status() {
  local want="$1" target="$2"
  shift 2
  local got
  got="$(status "$target" "$@")"
  [ "$got" = "$want" ] || fail "$target ($*): $got, expected $want"
}
headers="$(curl -fsSI "$BASE/?tab=instances")"
grep -qi "^content-security-policy: .*script-src 'self'.*frame-ancestors 'none'" <<< "$headers" || fail "no CSP on /"
grep -qi '^referrer-policy: no-referrer' <<< "$headers" || fail 'no Referrer-Policy'
grep -qi '^x-content-type-options: nosniff' <<< "$headers" || fail 'no nosniff'
grep -qi '^cache-control:' <<< "$headers" && fail 'the page is marked no-store'
asset="$(cd "$ROOT" && ls assets/*.js | head -1)"
curl -fsSI "$BASE/$asset" | grep -qi '^content-security-policy:' || fail 'no CSP on assets'
expect_status 404 /assets/missing-1234.js
expect_status 404 /api/v2/anything/
curl -s "$BASE/__sim/health" | grep -q '"ok"' && fail 'control routes reachable'
expect_status 200 /api/v0/gpu_names/unique/
api_headers="$(curl -fs -D - -o /dev/null "$BASE/api/v0/gpu_names/unique/")"
grep -qi '^cache-control: no-store' <<< "$api_headers" || fail 'API answer not no-store'
grep -qi '^content-security-policy:' <<< "$api_headers" || fail 'no CSP on API answers'

# Path tricks: refused before they reach the simulator (its control routes answer "ok").
for target in '/api/v0/../../__sim/health' '/api/v0/%2e%2e/%2e%2e/__sim/health' \
  '/api/v1/.%2E/.%2e/__sim/health' '/api/v0/..%5c..%5c__sim/health' '/api/v0/..\..\__sim/health' \
  '/api/v0/users%2f..%2f..%2f__sim/health' '/api/v0//gpu_names/unique/' '/api/v0/./gpu_names/unique/'; do
  expect_status 400 "$target"
  curl -s --path-as-is "$BASE$target" | grep -q '"ok"' && fail "$target reached the simulator"
done
# Host: only the served name; absolute-form targets name a host too.
expect_status 421 / -H 'Host: attacker.example'
expect_status 421 /api/v0/gpu_names/unique/ -H "Host: attacker.example:$PORT"
[ "$(curl -s -o /dev/null -w '%{http_code}' --request-target 'http://attacker.example/api/v0/gpu_names/unique/' "$BASE/")" = 421 ] ||
  fail 'absolute-form target with a foreign host served'
# Other sites: no API call, but links to the page are fine.
expect_status 403 /api/v0/gpu_names/unique/ -H 'Sec-Fetch-Site: cross-site'
expect_status 403 /api/v0/gpu_names/unique/ -H 'Sec-Fetch-Site: same-site'
expect_status 200 /api/v0/gpu_names/unique/ -H 'Sec-Fetch-Site: same-origin'
expect_status 200 / -H 'Sec-Fetch-Site: cross-site'
# A 2 MB body: 413 (nginx's default client_max_body_size is 1 MB).
head -c 2000000 /dev/zero > "$WORK/big"
expect_status 413 /api/v0/bundles/ -X POST -H 'Content-Type: application/json' --data-binary "@$WORK/big"
echo "deploy test: nginx headers, /api allow-list, path, Host and cross-site rules OK"

# The browser journeys, through nginx (Playwright reuses the servers already listening).
env -u CI E2E_APP_PORT="$PORT" E2E_SIM_PORT="$SIM_PORT" \
  npx --no -- playwright test e2e/faults-security.spec.ts e2e/lifecycle.spec.ts
