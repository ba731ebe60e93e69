// Package pgtrgm compares the archive search (internal/archivesearch, Rule
// AR-6.3) with PostgreSQL's pg_trgm on the same synthetic card index and the
// same queries. It holds no code the application uses: the comparison is its
// test (a small run in the suite) and its benchmark (any size, behind
// QYZMET_PGTRGM_* variables). Commands and figures: docs/benchmarks.md,
// "Archive search vs pg_trgm".
package pgtrgm
