// Command offline-db is a small MongoDB-wire-compatible server for machines
// that cannot download a real `mongod` binary. It embeds FerretDB v1 (via its
// public `ferretdb` package) with the SQLite backend (pure Go, no cgo), so data
// is persisted as SQLite files in the given data directory.
//
// Usage:
//
//	offline-db -listen 127.0.0.1:0 -data ./.data/offline [-log-level error] [-exit-on-stdin-close]
//
// When the server accepts connections it prints exactly one line to stdout:
//
//	OFFLINE_DB_READY mongodb://127.0.0.1:PORT/
//
// It exits cleanly (status 0) on SIGINT/SIGTERM, and also when its stdin is
// closed if -exit-on-stdin-close is given (so it dies with a parent that was
// killed without a chance to clean up). Logs go to stderr, errors only by
// default: FerretDB logs failed responses (which can quote document values,
// e.g. a duplicate key) at warn level and whole requests at debug level.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// readyPrefix is the stdout marker parsed by src/db/offlineServer.ts.
const readyPrefix = "OFFLINE_DB_READY "

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "offline-db: %s\n", err)
		os.Exit(1)
	}
}

func run() error {
	listen := flag.String("listen", "127.0.0.1:0", "TCP listen address (port 0 picks a free port)")
	dataDir := flag.String("data", "", "data directory for SQLite files (created if missing; required)")
	logLevel := flag.String("log-level", "error", "log level: debug, info, warn, error (warn and below may log documents)")
	exitOnStdinClose := flag.Bool("exit-on-stdin-close", false, "exit when stdin reaches EOF (parent died)")
	flag.Parse()

	if *dataDir == "" {
		return errors.New("-data is required")
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", *logLevel, err)
	}

	abs, err := filepath.Abs(*dataDir)
	if err != nil {
		return err
	}
	if err = os.MkdirAll(abs, 0o755); err != nil {
		return err
	}

	lock, err := lockDataDir(abs)
	if err != nil {
		return err
	}
	if lock != nil {
		defer lock.Close()
	}

	// FerretDB wants a "file:" URI of an existing directory, ending with "/".
	sqliteURL := (&url.URL{Scheme: "file", Path: strings.TrimSuffix(filepath.ToSlash(abs), "/") + "/"}).String()

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if *exitOnStdinClose {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx)
	}()

	// The TCP listener is already bound by ferretdb.New; connections queue
	// in the backlog until Run accepts them, so the URI is usable now.
	fmt.Fprintln(os.Stdout, readyPrefix+f.MongoDBURI())

	<-done
	return nil
}
