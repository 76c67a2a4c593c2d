#!/usr/bin/env bash
# Proves the README's promise to a newcomer: a clone with nothing beside it (no ../shared), on a PATH without
# `redis-server`, passes `npm ci` then `npm test`. Slow (a whole install and test run); not run by CI, whose
# checkout has the shared folder beside it. Usage: scripts/check-fresh-clone.sh [--keep]
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
scratch=$(mktemp -d /tmp/csms-fresh-clone.XXXXXX)
keep=${1:-}
cleanup() { [ "$keep" = --keep ] && echo "kept $scratch" || rm -rf "$scratch"; }
trap cleanup EXIT

# A PATH where every folder holding a redis-server is replaced by a copy of its other entries (symlinks).
hide_redis_server() {
  local result='' dir
  IFS=':' read -ra dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do
    if [ -x "$dir/redis-server" ]; then
      local masked="$scratch/path-without-redis/$(echo "$dir" | tr '/' '_')"
      mkdir -p "$masked"
      for entry in "$dir"/*; do
        [ "$(basename "$entry")" = redis-server ] || ln -s "$entry" "$masked/"
      done
      dir=$masked
    fi
    result=${result:+$result:}$dir
  done
  echo "$result"
}

# Chromium is a system package (.ci/run installs it with apt-get), not something npm ci can bring.
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "no Chromium for the console's browser tests: apt-get install chromium, or set CHROMIUM_PATH" >&2
  exit 1
fi

git clone --quiet --no-local "$repo" "$scratch/csms"
cd "$scratch/csms"
git checkout --quiet "$(git -C "$repo" rev-parse HEAD)"
export PATH
PATH=$(hide_redis_server)
if command -v redis-server >/dev/null; then echo "redis-server is still on PATH" >&2; exit 1; fi
[ ! -e ../shared ] || { echo "unexpected ../shared beside the clone" >&2; exit 1; }

echo "==> npm ci in $scratch/csms (HEAD $(git rev-parse --short HEAD))"
npm ci --no-audit --no-fund
echo "==> npm test"
npm test
