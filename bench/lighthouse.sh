#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) of the umbrella home, the
# directory of offers, the network calendar and a member home, served by gunicorn with the
# production settings (DEBUG off, indexing on) from the demo database (`make seed` first).
#
#   bench/lighthouse.sh                 # port 8000, mobile (Lighthouse's default)
#   PORT=8631 PRESET=desktop bench/lighthouse.sh
#
# Everything stays on 127.0.0.1: Chromium resolves *.localhost to the loopback address.
# A measurement, not a test: it prints the scores and asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8000}"
PRESET="${PRESET:-mobile}"
PY="${PY:-.venv/bin/python}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
OUT="${OUT:-bench/results/lighthouse}"
mkdir -p "$OUT"

if [ ! -x node_modules/.bin/lighthouse ]; then
  npm ci --no-audit --no-fund --ignore-scripts
fi

export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY="${SECRET_KEY:-lighthouse-measurement-only-not-secret-0123456789abcdef}"
export DEBUG=False SECURE_SSL_REDIRECT=False SECURE_HSTS_SECONDS=0 SEARCH_ENGINE_INDEXING=True
export NETWORK_PORT="$PORT"

"$PY" manage.py collectstatic --noinput -v 0

"$PY" -m gunicorn bench.lighthouse_wsgi:application --bind "127.0.0.1:$PORT" --workers 1 \
  --access-logfile /dev/null --error-logfile "$OUT/gunicorn.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null "http://localhost:$PORT/" 2>/dev/null && break
  sleep 0.2
done

member_host="${MEMBER_HOST:-regenbogenhaus-dresden.localhost}"
pages=(
  "home=http://localhost:$PORT/"
  "directory=http://localhost:$PORT/angebote/"
  "calendar=http://localhost:$PORT/veranstaltungen/"
  "member-home=http://$member_host:$PORT/"
)
preset_flag=()
[ "$PRESET" = desktop ] && preset_flag=(--preset=desktop)

printf '%-12s %11s %13s %14s %5s\n' page performance accessibility best-practices seo
for entry in "${pages[@]}"; do
  name="${entry%%=*}"
  url="${entry#*=}"
  # Warm the server's caches, as a reader after the first one would find them.
  for _ in 1 2 3; do curl -fsS -o /dev/null "$url"; done
  node_modules/.bin/lighthouse "$url" --quiet "${preset_flag[@]}" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --output=json --output-path="$OUT/$name-$PRESET.json" >/dev/null 2>"$OUT/$name-$PRESET.log" || {
      echo "$name: lighthouse failed, see $OUT/$name-$PRESET.log"; continue; }
  "$PY" - "$name" "$OUT/$name-$PRESET.json" <<'PYEOF'
import json, sys
name, path = sys.argv[1], sys.argv[2]
report = json.load(open(path))
scores = [round(report["categories"][key]["score"] * 100)
          for key in ("performance", "accessibility", "best-practices", "seo")]
print(f"{name:<12} {scores[0]:>11} {scores[1]:>13} {scores[2]:>14} {scores[3]:>5}")
for key in ("performance", "accessibility", "best-practices", "seo"):
    for ref in report["categories"][key]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"    {key}: {audit['id']} {audit['score']} {audit.get('displayValue', '')}")
PYEOF
done
