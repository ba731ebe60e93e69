package store_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// crashChildEnv makes the test binary act as the child of TestDurableAcrossSIGKILL:
// it writes into the SQLite database in the named directory until it is killed.
const crashChildEnv = "QYZMET_STORE_CRASH_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		os.Exit(crashChild(dir))
	}
	os.Exit(m.Run())
}

// crashChild commits one row per transaction and prints "ack N" after each commit
// returns — what a server's 201 answer would be — until the parent kills it.
func crashChild(dir string) int {
	ctx := context.Background()
	db, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for n := 1; n <= 100000; n++ {
		err := db.Tx(ctx, func(tx *store.Tx) error {
			_, err := tx.Exec(ctx, `INSERT INTO acks (n, at) VALUES (?, ?)`, n, tx.Now())
			return err
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Printf("ack %d\n", n) // os.Stdout is unbuffered: the line leaves at once
	}
	return 0
}

// TestDurableAcrossSIGKILL: a process killed with SIGKILL right after it
// acknowledged commits loses none of them.
func TestDurableAcrossSIGKILL(t *testing.T) {
	ctx := context.Background()
	cfg := storetest.Engines()[0].Config(t)
	if cfg.DatabaseURL != "" {
		t.Fatal("the first engine must be SQLite")
	}
	cfg.AutoMigrate = true
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `CREATE TABLE acks (n INTEGER PRIMARY KEY, at TIMESTAMP NOT NULL)`)
		return err
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), crashChildEnv+"="+cfg.DataDir)
	var stderr strings.Builder
	child.Stderr = &stderr
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	const killAfter = 200
	acked := 0
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		n, err := strconv.Atoi(strings.TrimPrefix(lines.Text(), "ack "))
		if err != nil {
			t.Fatalf("child said %q", lines.Text())
		}
		acked = n
		if n == killAfter {
			// SIGKILL: no deferred function, no Close, no flush runs in the child.
			if err := child.Process.Kill(); err != nil {
				t.Fatal(err)
			}
		}
	}
	child.Wait()
	if acked < killAfter {
		t.Fatalf("child stopped after %d acks before it was killed; stderr: %s", acked, stderr.String())
	}

	db, err = store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var count, highest int
	err = db.ReadTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT count(*), coalesce(max(n), 0) FROM acks WHERE n <= ?`, acked).Scan(&count, &highest)
	})
	if err != nil {
		t.Fatal(err)
	}
	if count != acked || highest != acked {
		t.Errorf("after SIGKILL: %d rows up to %d, want all %d acknowledged rows", count, highest, acked)
	}
}
