# The README's two commands: `go run ./cmd/qyzmet serve --demo` and `make test`.
.PHONY: test deps check build bench

test:
	./scripts/test.sh

# Install what the suite needs (Debian packages, staticcheck) without running it.
deps:
	./scripts/deps.sh

build:
	go build -o bin/qyzmet ./cmd/qyzmet

bench:
	go test -run '^$$' -bench . -benchmem ./...
