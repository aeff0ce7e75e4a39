package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/web"
)

// passwordInput is where `user add` reads the password: standard input (a test puts a pipe).
var passwordInput = os.Stdin

func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return fmt.Errorf("%w: want user add, user list or user remove", errUsage)
	}
	switch args[0] {
	case "add":
		return runUserAdd(ctx, args[1:], stdout, stderr)
	case "list":
		return runUserList(ctx, args[1:], stdout)
	case "remove":
		return runUserRemove(ctx, args[1:], stdout)
	}
	return fmt.Errorf("%w: unknown user command %q: want add, list or remove", errUsage, args[0])
}

func runUserAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("user add", "user add --config FILE --name NAME --role clerk|leader|viewer",
		"Make an account of the board. The password is read from standard input: typed twice on a\n"+
			"terminal, or one line from a pipe. Only its bcrypt hash is kept.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	name := fs.String("name", "", "the account's `name`, one word (required)")
	roleName := fs.String("role", "", "`role`: clerk (reads and acts), leader or viewer (read only)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	role, err := web.ParseRole(*roleName)
	if *path == "" || *name == "" || err != nil {
		return fmt.Errorf("%w: want --config, --name and --role clerk, leader or viewer", errUsage)
	}
	l, err := accountsLedger(ctx, *path)
	if err != nil {
		return err
	}
	defer l.Close()
	// A name taken is refused before the password is typed, and hashed for nothing.
	if _, err := l.AccountByName(ctx, strings.TrimSpace(*name)); err == nil {
		return accountExists(*name)
	} else if !errors.Is(err, ledger.ErrNotFound) {
		return err
	}
	password, err := readPassword(passwordInput, stderr)
	if err != nil {
		return err
	}
	if err := web.AddAccount(ctx, l, *name, role, password, operator(), time.Now()); err != nil {
		if errors.Is(err, ledger.ErrAccountExists) {
			return accountExists(*name)
		}
		return err
	}
	fmt.Fprintf(stdout, "account %s (%s) added\n", *name, role)
	return nil
}

func accountExists(name string) error {
	return fmt.Errorf("%w: account %q exists (remove it first)", errUsage, name)
}

func runUserList(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("user list", "user list --config FILE", "List the board's accounts: name, role, when made.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" {
		return fmt.Errorf("%w: --config FILE is required", errUsage)
	}
	l, err := accountsLedger(ctx, *path)
	if err != nil {
		return err
	}
	defer l.Close()
	list, err := l.Accounts(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tCREATED")
	for _, a := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", a.Name, a.Role, a.CreatedAt.Format(time.RFC3339))
	}
	return tw.Flush()
}

func runUserRemove(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("user remove", "user remove --config FILE --name NAME",
		"Remove an account of the board; its sessions end at once.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	name := fs.String("name", "", "the account's `name` (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" || *name == "" {
		return fmt.Errorf("%w: want --config and --name", errUsage)
	}
	l, err := accountsLedger(ctx, *path)
	if err != nil {
		return err
	}
	defer l.Close()
	if err := web.RemoveAccount(ctx, l, *name, operator(), time.Now()); err != nil {
		if errors.Is(err, ledger.ErrNotFound) {
			return fmt.Errorf("%w: no account %q", errUsage, *name)
		}
		return err
	}
	fmt.Fprintf(stdout, "account %s removed\n", *name)
	return nil
}

// accountsLedger opens the office's ledger, creating it if needed: accounts may be made before
// the first mail.
func accountsLedger(ctx context.Context, path string) (*ledger.Ledger, error) {
	cfg, err := config.LoadListing(path)
	if err != nil {
		return nil, err
	}
	return ledger.Open(ctx, cfg.DataDir)
}

// readPassword reads the new password: on a terminal twice, without echo, and both must match;
// from a pipe the first line.
func readPassword(in *os.File, prompt io.Writer) (string, error) {
	fd := int(in.Fd())
	if !term.IsTerminal(fd) {
		line, err := bufio.NewReader(in).ReadString('\n')
		if err != nil && (!errors.Is(err, io.EOF) || line == "") {
			return "", fmt.Errorf("read password from standard input: %w", err)
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	var got [2]string
	for i, p := range []string{"Password: ", "Again: "} {
		fmt.Fprint(prompt, p)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(prompt)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		got[i] = string(b)
	}
	if got[0] != got[1] {
		return "", errors.New("the two passwords differ")
	}
	return got[0], nil
}

// operator names who ran the command in the audit trail: the system user.
func operator() string {
	if u, err := user.Current(); err == nil {
		return "operator:" + u.Username
	}
	return "operator"
}
