// Package cli holds the qyzmet subcommands. Each subcommand lives in its own file
// (cmd_*.go) as a function of the shape commandFunc and is listed once in commands.
package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Env is what a command may touch of the outside world; tests pass buffers.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// Exit codes shared by every subcommand.
const (
	exitOK      = 0
	exitInvalid = 1 // the input was read and judged invalid (an IIN with a bad check digit)
	exitUsage   = 2 // the command line itself was wrong
	exitFailure = 3 // the command could not do its work (I/O, database)
)

type commandFunc func(ctx context.Context, args []string, env Env) int

type command struct {
	run     commandFunc
	summary string
}

// commands lists every subcommand; keep one line per command.
var commands = map[string]command{
	"verify":    {runVerify, "verify a signed Qyzmet PDF offline"},
	"iin":       {runIIN, "decode and validate an IIN or BIN"},
	"standards": {runStandards, "list the service standards or show one"},
	"deadline":  {runDeadline, "compute when an application is received and due"},
	"serve":     {runServe, "start the web server"},
	"migrate":   {runMigrate, "apply the database migrations"},
	"import":    {runImport, "import a registry from a CSV file"},
	"gen":       {runGen, "generate realistic synthetic registry data"},
	"archive":   {runArchive, "search the special-settlement card index"},
	"render":    {runRender, "render a form with sample data, numbered, signed and registered"},
	"users":     {runUsers, "add, list, disable and enable staff accounts; reset a password"},
}

// Main runs one subcommand and returns the process exit code.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "qyzmet: unknown command %q\n\n", args[0])
		usage(env.Stderr)
		return exitUsage
	}
	return cmd.run(ctx, args[1:], env)
}

func usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: qyzmet COMMAND [flags]\n\ncommands:\n")
	for _, name := range names {
		fmt.Fprintf(&b, "  %-10s %s\n", name, commands[name].summary)
	}
	b.WriteString("\nRun 'qyzmet COMMAND -h' for the flags of one command.\n")
	io.WriteString(w, b.String())
}
