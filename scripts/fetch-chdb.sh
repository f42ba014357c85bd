#!/usr/bin/env bash
# Fetches libchdb.so (the ClickHouse engine as a shared library) into the user cache, once.
# The embedded analytics store loads it from there; re-running is a no-op that prints the path.
set -euo pipefail

readonly package="@chdb/lib-linux-x64-gnu"
readonly version="26.7.3-stable.1"

cache_root="${INTELLIGENCE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/intelligence}"
target_dir="$cache_root/chdb/$version"
target="$target_dir/libchdb.so"

if [[ -s "$target" ]]; then
  echo "$target"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-chdb: npm not found; install Node.js and npm: apt-get install nodejs npm" >&2
  exit 1
fi

mkdir -p "$target_dir"
work="$(mktemp -d "$target_dir/.fetch.XXXXXX")"
# The temp dir sits next to the target so the final mv is a rename on one file system; it also
# holds npm's cache for this download, so no second 178 MB copy stays behind in ~/.npm.
trap 'rm -rf "$work"; rmdir "$target_dir" 2>/dev/null || true' EXIT

echo "fetch-chdb: downloading $package@$version (about 178 MB, once)" >&2
if ! (cd "$work" && npm pack --loglevel=error --cache "$work/npm-cache" "$package@$version" >"$work/pack.log" 2>&1); then
  echo "fetch-chdb: download of $package@$version failed:" >&2
  cat "$work/pack.log" >&2
  exit 1
fi

tarball="$(find "$work" -maxdepth 1 -name '*.tgz' -print -quit)"
if [[ -z "$tarball" ]]; then
  echo "fetch-chdb: npm pack produced no tarball for $package@$version" >&2
  exit 1
fi

tar -xzf "$tarball" -C "$work" package/libchdb.so
rm -f "$tarball"
mv -f "$work/package/libchdb.so" "$target"

echo "$target"
