# Shortcuts for tools/dev, which does the work. Pass arguments to amends with
# ARGS, for example: make run ARGS="--database /tmp/test.db"

DEV := ./tools/dev
ARGS ?=

.PHONY: build run demo check asan bench deb deps clean help

build:
	$(DEV) build

run:
	$(DEV) run $(ARGS)

demo:
	$(DEV) demo $(ARGS)

check:
	$(DEV) check $(ARGS)

asan:
	$(DEV) asan $(ARGS)

bench:
	$(DEV) bench $(ARGS)

deb:
	$(DEV) deb

deps:
	$(DEV) deps

clean:
	$(DEV) clean

help:
	$(DEV) help
