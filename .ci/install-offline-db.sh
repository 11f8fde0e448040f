#!/usr/bin/env bash
# Builds the offline MongoDB-compatible server (tools/offline-db: FerretDB v1 +
# SQLite, pure Go) on a fresh Debian machine, so tests can run without
# downloading a `mongod` binary. Safe to call repeatedly: the build is skipped
# when the binary is up to date.
#
# Go toolchain:
#   - an installed Go >= 1.22 is used as it is (`go` on PATH, /usr/local/go, /usr/lib/go-1.NN);
#     Go >= 1.24 builds FerretDB v1.24.2, Go 1.22/1.23 builds FerretDB v1.24.0 (see build.sh);
#   - otherwise Go is installed with apt. Debian bookworm's golang-go is 1.19 (too old),
#     so the newest golang-1.NN-go (N >= 22) is taken, from <codename>-backports if need be
#     (bookworm-backports has golang-1.23-go). Needs root.
# Timing (2 cores): apt install of Go ~30 s when needed; cold build ~1.5 min.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
start=$(date +%s)

log() { echo "install-offline-db: $*" >&2; }

go_minor_of() { "$1" env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9][0-9]*\).*/\1/p'; }

usable_go() {
  local c m
  for c in "${GO:-}" "$(command -v go 2>/dev/null || true)" /usr/local/go/bin/go \
    $(ls -d /usr/lib/go-1.*/bin/go 2>/dev/null | sort -t. -k2,2n -r) /usr/lib/go/bin/go; do
    [[ -n "$c" && -x "$c" ]] || continue
    m="$(go_minor_of "$c")"
    if [[ -n "$m" ]] && (( m >= 22 )); then echo "$c"; return 0; fi
  done
  return 1
}

# Newest golang-1.NN-go (NN >= 22) that apt can install, printed as NN.
newest_apt_go_minor() {
  apt-cache search --names-only '^golang-1\.[0-9]+-go$' 2>/dev/null \
    | sed -n 's/^golang-1\.\([0-9][0-9]*\)-go .*/\1/p' | sort -n | awk '$1 >= 22' | tail -1
}

install_go_with_apt() {
  if [[ "$(id -u)" != "0" ]]; then
    log "Go >= 1.22 is missing and this is not root: cannot apt-get install it"
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  local minor
  minor="$(newest_apt_go_minor)"
  if [[ -z "$minor" ]]; then
    # shellcheck disable=SC1091
    local codename
    codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
    if [[ -z "$codename" ]]; then
      log "no Go >= 1.22 in apt and no Debian codename to add backports for"
      return 1
    fi
    log "no Go >= 1.22 in the configured apt sources; adding ${codename}-backports"
    cat >/etc/apt/sources.list.d/offline-db-backports.sources <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: ${codename}-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt-get update -qq >&2
    minor="$(newest_apt_go_minor)"
  fi
  if [[ -z "$minor" ]]; then
    log "apt offers no golang-1.NN-go with NN >= 22"
    return 1
  fi
  log "installing golang-1.${minor}-go with apt"
  apt-get install -y -qq --no-install-recommends "golang-1.${minor}-go" ca-certificates >&2
  echo "/usr/lib/go-1.${minor}/bin/go"
}

if go_bin="$(usable_go)"; then
  log "using $("$go_bin" version) at $go_bin"
else
  log "no Go >= 1.22 found"
  go_bin="$(install_go_with_apt)" || {
    log "could not get a Go toolchain; the offline DB server cannot be built"
    exit 1
  }
  log "installed $("$go_bin" version)"
fi

GO="$go_bin" bash "$repo/tools/offline-db/build.sh"
log "done in $(( $(date +%s) - start ))s: $repo/tools/offline-db/bin/offline-db"
