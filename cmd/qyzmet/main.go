// Command qyzmet runs Kazakhstan's state services end to end: one binary for the
// server, the migrations, the importers and every operator tool. The work lives in
// internal/cli so that end-to-end tests can call the same Main.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"qyzmet/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
	stop()
	os.Exit(code)
}
