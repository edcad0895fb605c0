#!/usr/bin/env bash
# `npm test`: installs what is missing, builds what the tests drive (H5, weapp, cloud bundles),
# runs every jest project once, the rule tests again under two more time zones (the API tests
# once more, sequenced as on CloudBase), and ends with
# one plain line `N passed, N failed` (CI reads that line, not jest's summary).
set -uo pipefail
cd "$(dirname "$0")/.."
out=.test-results
rm -rf "$out" && mkdir -p "$out"
failed_steps=0

step() { # step NAME COMMAND... : runs a build step, logs it, counts a failure
  local name=$1; shift
  local t0=$SECONDS
  if "$@" >"$out/$name.log" 2>&1; then
    echo "✓ $name ($((SECONDS - t0)) s)"
  else
    echo "✗ $name failed ($((SECONDS - t0)) s) — last lines of $out/$name.log:"
    tail -n 30 "$out/$name.log"
    failed_steps=$((failed_steps + 1))
  fi
}

# Browser tests need Debian's Chromium and CJK fonts (without them Chinese renders as boxes).
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium and fonts-noto-cjk (Debian packages) for the browser tests…"
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk) >"$out/apt.log" 2>&1 \
      || { tail -n 20 "$out/apt.log"; echo "Could not install. Run: sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk"; exit 1; }
  else
    echo "Browser tests need Chromium and CJK fonts. Run: sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk"
    exit 1
  fi
fi

# The store contract also runs on PostgreSQL (issue 17): Debian's server, started by the test itself.
if ! command -v pg_config >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing postgresql (Debian package) for the store contract…"
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql) >"$out/apt-pg.log" 2>&1 \
      || { tail -n 20 "$out/apt-pg.log"; echo "Could not install. Run: sudo apt-get install -y postgresql"; exit 1; }
  else
    echo "The store contract needs PostgreSQL. Run: sudo apt-get update && sudo apt-get install -y postgresql"
    exit 1
  fi
fi

[ -d node_modules ] || npm ci --no-audit --no-fund

step build-h5 npx taro build --type h5
step build-weapp npx taro build --type weapp
step build-functions npx tsx scripts/build-functions.ts

export TZ=${TZ:-UTC}
# Two workers on CI's two cores: browser tests wait on Chromium and the network as much as on the CPU.
npx jest --ci --maxWorkers=2 --json --outputFile="$out/jest.json" 2> >(tee "$out/jest.log" >&2)
# The rules must not depend on the host's time zone (R3.1): the rule tests again under a zone
# behind UTC and under China's own; under the zone behind UTC the API tests too, with every
# change's entry sequenced after its commit as on CloudBase (BOOKS=sequenced, D61). Not the
# multi-process and lock tests: they run no rule of their own and cost minutes.
rerun() { # rerun ZONE TAG ARGS...
  local zone=$1 tag=$2; shift 2
  local t0=$SECONDS
  env TZ="$zone" "$@" --ci --maxWorkers=2 --json --outputFile="$out/jest-$tag.json" >"$out/jest-$tag.log" 2>&1 \
    && echo "✓ $tag ($((SECONDS - t0)) s)" || { echo "✗ $tag"; tail -n 40 "$out/jest-$tag.log"; }
  [ -f "$out/jest-$tag.json" ] || failed_steps=$((failed_steps + 1)) # jest did not even report
}
rerun America/Los_Angeles "America-Los_Angeles-sequenced" env BOOKS=sequenced npx jest --selectProjects unit integration --testPathIgnorePatterns 'pg-host|locks-'
rerun Asia/Shanghai "Asia-Shanghai" npx jest --selectProjects unit

node scripts/summarize-tests.js "$out" "$failed_steps" | tee "$out/summary.txt"
grep -q ', 0 failed' "$out/summary.txt"
