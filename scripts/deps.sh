#!/usr/bin/env bash
# Installs what the test suite needs when it is missing: PostgreSQL (a throwaway
# cluster is started per run), Chromium for the browser tests, poppler-utils for
# pdfsig/pdftotext/pdftoppm, NSS's certutil (pdfsig's trust store for the demo CA),
# and staticcheck through the Go module proxy.
set -euo pipefail

missing=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql postgresql-contrib)
command -v pdfsig >/dev/null 2>&1 || missing+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)

if [ ${#missing[@]} -gt 0 ]; then
	echo "deps: installing ${missing[*]}" >&2
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

staticcheck_version=v0.8.2
gobin=$(go env GOPATH)/bin
if ! "$gobin/staticcheck" -version 2>/dev/null | grep -q "${staticcheck_version#v}"; then
	echo "deps: installing staticcheck $staticcheck_version" >&2
	go install "honnef.co/go/tools/cmd/staticcheck@$staticcheck_version"
fi
