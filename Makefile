# insights — the two commands a newcomer needs: `make site` and `make test`.
SWIFT ?= swift
JOURNAL ?= journal
SITE ?= site
APT_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libmimalloc-dev pkg-config
TEST_PACKAGES = taskwarrior chromium
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN = .build/release/insights
# The Swift runtime and Foundation linked in: a command starts in 6 ms instead of 11 (every `insights search`,
# `tasks`, `brief` from a script or an agent pays it), for a binary of 100 MB instead of 32.
RELEASE = -c release --static-swift-stdlib

.PHONY: site test build deps test-deps bench reliability fuzz clean

## site: install what is missing, build, ingest the shipped journal/ and render site/ (open site/index.html)
site: deps
	$(SWIFT) build $(RELEASE) --product insights
	$(BIN) reindex --journal $(JOURNAL)
	$(BIN) build --journal $(JOURNAL) --output $(SITE)
	@echo "open $(SITE)/index.html"

## test: install what is missing and run the whole test suite
test: deps test-deps
	$(SWIFT) test

## build: both executables, insights and insights-mcp (the MCP server `insights mcp` runs), in .build/release/
## (the server links Foundation's networking, which statically would need libcurl's development package, and
## starts once per agent session: it keeps the shared runtime)
build: deps
	$(SWIFT) build $(RELEASE) --product insights
	$(SWIFT) build -c release --product insights-mcp

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

test-deps:
	@missing=""; for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

## bench: the performance table (generated notes, side by side with cmark-gfm, hugo and rg)
bench: deps
	bash scripts/bench.sh

clean:
	rm -rf .build $(SITE)/* $(JOURNAL)/.insights
