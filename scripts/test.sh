#!/usr/bin/env bash
# make test: install what is missing, start a throwaway PostgreSQL, vet, lint and
# run the whole suite. Under CI=true nothing may skip for a missing dependency:
# tests that need PostgreSQL, Chromium or poppler fail instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh

# shellcheck source=scripts/pg-throwaway.sh
source ./scripts/pg-throwaway.sh
trap pg_throwaway_stop EXIT

echo "== go vet"
go vet ./...
echo "== staticcheck"
"$(go env GOPATH)/bin/staticcheck" ./...
echo "== go test"
go test -count=1 -timeout 15m ./...
