#!/usr/bin/env bash
# Builds the offline MongoDB-compatible server (FerretDB v1 + SQLite, embedded
# in main.go) into tools/offline-db/bin/offline-db.
#
# Idempotent: does nothing when the binary is newer than every file of
# tools/offline-db (outside bin/, ignoring *.md). Concurrent runs are serialised with flock(1).
# Needs a Go toolchain and the Go module proxy, nothing else (no cgo: the
# SQLite driver is modernc.org/sqlite, pure Go).
#
#   Go >= 1.24: go.mod / go.sum           -> FerretDB v1.24.2 (preferred)
#   Go 1.22-1.23: compat/go1.22.mod/.sum  -> FerretDB v1.24.0 (same features; older
#                                            dependencies; Debian bookworm-backports ships Go 1.23)
# GOTOOLCHAIN=local: never downloads another Go toolchain.
#
# Cold build (empty Go caches, modules from the proxy): ~1.5 min on 2 cores;
# incremental: a few seconds; up to date: instant.
#
# Environment:
#   GO                  go binary to use (default: `go` on PATH, then /usr/local/go/bin/go,
#                       then the newest /usr/lib/go-1.NN/bin/go, then /usr/lib/go/bin/go)
#   OFFLINE_DB_FORCE=1  rebuild even if the binary looks up to date
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin_dir="$here/bin"
bin="$bin_dir/offline-db"

up_to_date() {
  [[ -x "$bin" ]] || return 1
  [[ "${OFFLINE_DB_FORCE:-0}" == "1" ]] && return 1
  [[ -z "$(find "$here" -path "$bin_dir" -prune -o -type f ! -name '*.md' -newer "$bin" -print -quit)" ]]
}

if up_to_date; then
  echo "offline-db: up to date ($bin)" >&2
  exit 0
fi

find_go() {
  if [[ -n "${GO:-}" ]]; then echo "$GO"; return 0; fi
  if command -v go >/dev/null 2>&1; then command -v go; return 0; fi
  local c
  for c in /usr/local/go/bin/go $(ls -d /usr/lib/go-1.*/bin/go 2>/dev/null | sort -t. -k2,2n -r) /usr/lib/go/bin/go; do
    [[ -x "$c" ]] && { echo "$c"; return 0; }
  done
  return 1
}

if ! go_bin="$(find_go)"; then
  echo "offline-db: the Go toolchain (>= 1.22) is required to build the offline DB server but 'go' was not found." >&2
  echo "offline-db: run .ci/install-offline-db.sh as root (installs Go from Debian if needed), or set GO=/path/to/go." >&2
  exit 127
fi

export GOTOOLCHAIN=local
go_minor="$("$go_bin" env GOVERSION | sed -n 's/^go1\.\([0-9][0-9]*\).*/\1/p')"
if [[ -z "$go_minor" ]]; then
  echo "offline-db: cannot tell the version of $go_bin ($("$go_bin" env GOVERSION 2>&1))" >&2
  exit 1
fi
if (( go_minor >= 24 )); then
  base_mod="$here/go.mod"
elif (( go_minor >= 22 )); then
  base_mod="$here/compat/go1.22.mod"
else
  echo "offline-db: $("$go_bin" version) is too old: Go >= 1.22 is needed (>= 1.24 preferred)." >&2
  exit 1
fi
base_sum="${base_mod%.mod}.sum"

mkdir -p "$bin_dir"

# Serialise concurrent builds (e.g. several test processes starting at once).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$bin_dir/.build.lock"
  flock 9
  if up_to_date; then
    echo "offline-db: up to date ($bin)" >&2
    exit 0
  fi
fi

echo "offline-db: building with $("$go_bin" version) ..." >&2
start=$(date +%s)
cd "$here"
export CGO_ENABLED=0
# -mod=readonly + committed go.sum => reproducible dependency set.
export GOFLAGS="${GOFLAGS:-} -mod=readonly"

fdb_ver="$("$go_bin" list -modfile "$base_mod" -m -f '{{.Version}}' github.com/FerretDB/FerretDB)"
"$go_bin" mod download -modfile "$base_mod" github.com/FerretDB/FerretDB
fdb_dir="$("$go_bin" list -modfile "$base_mod" -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)"

# Local fixes to FerretDB: _patches/ferretdb-vMAJOR.MINOR/files/<path> replaces
# <path> in a copy of the module (bin/ferretdb-src), wired in with a `replace`
# in a generated go.mod (bin/build.go.mod); the committed go.mod/go.sum stay as
# they are. The originals' checksums are verified first, so a version bump
# cannot silently drop or misapply a fix. See _patches/*/*.diff.
patch_dir="$here/_patches/ferretdb-$(echo "$fdb_ver" | cut -d. -f1,2)"
if [[ ! -d "$patch_dir" ]]; then
  echo "offline-db: no $patch_dir for FerretDB $fdb_ver; refusing to build it unpatched" >&2
  exit 1
fi
if ! (cd "$fdb_dir" && sha256sum --quiet -c "$patch_dir/orig.sha256"); then
  echo "offline-db: FerretDB $fdb_ver sources differ from what $patch_dir was made for" >&2
  exit 1
fi
src_copy="$bin_dir/ferretdb-src"
rm -rf "$src_copy"
cp -R "$fdb_dir" "$src_copy"
chmod -R u+w "$src_copy"
cp -R "$patch_dir/files/." "$src_copy/"
cp "$base_mod" "$bin_dir/build.mod"
cp "$base_sum" "$bin_dir/build.sum"
printf '\nreplace github.com/FerretDB/FerretDB => %s\n' "$src_copy" >>"$bin_dir/build.mod"

tmp="$bin_dir/.offline-db.tmp.$$"
trap 'rm -f "$tmp"' EXIT
# ferretdb_no_postgresql drops the unused PostgreSQL backend.
"$go_bin" build -modfile "$bin_dir/build.mod" -trimpath -tags ferretdb_no_postgresql \
  -ldflags "-s -w" -o "$tmp" .
mv -f "$tmp" "$bin"
trap - EXIT
echo "offline-db: built $bin (FerretDB $fdb_ver, patched) in $(( $(date +%s) - start ))s" >&2
