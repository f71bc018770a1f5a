# Set-up and everyday commands. `make chat` and `make test` are all a fresh machine needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
export HF_HUB_OFFLINE ?= 1
export TOKENIZERS_PARALLELISM ?= false

.PHONY: chat test install install-dev model index eval bench load browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first, pinned: the CPU wheel; an unpinned torch would pull a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

model: install
	$(BIN)/tanya models fetch

index: model
	$(BIN)/tanya ingest

chat: index
	$(BIN)/tanya chat

# Debian Chromium for the browser tests (they skip when it is missing and cannot be installed).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		echo "chromium not installed: browser tests will be skipped"; }

test: install-dev model browser
	$(BIN)/python -m pytest

eval: index
	$(BIN)/tanya eval

clean:
	rm -rf $(VENV) reports .pytest_cache

# External benchmarks (not in CI: a cold TyDi run embeds for tens of minutes). Reports in reports/.
bench: install-dev model
	$(BIN)/tanya bench

# Load and responsiveness: starts the chat server, 20 concurrent /answer clients (reports/load.md).
load: install-dev index
	$(BIN)/tanya load
