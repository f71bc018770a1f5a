# Set-up and everyday commands. `make chat` and `make test` are all a fresh machine needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
export HF_HUB_OFFLINE ?= 1
export TOKENIZERS_PARALLELISM ?= false

.PHONY: chat test install install-dev install-llm-test model index eval bench load browser clean

# llama-cpp-python has no Linux wheel on PyPI: it compiles (about 5-10 minutes on 2 cores) once into this folder,
# outside the repo, and every later install (a fresh clone, CI) takes the built wheel from there.
WHEELS ?= $(HOME)/.cache/tanya/wheels
LLAMA_CPP := llama-cpp-python==0.3.36

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

$(VENV)/.installed-llm-test: $(VENV)/.installed-dev
	@mkdir -p $(WHEELS)
	@ls $(WHEELS)/llama_cpp_python-0.3.36-*.whl >/dev/null 2>&1 || { \
		echo "Building $(LLAMA_CPP) once into $(WHEELS) (about 5-10 minutes)…"; \
		CMAKE_BUILD_PARALLEL_LEVEL=2 $(BIN)/pip wheel --quiet --no-deps $(LLAMA_CPP) -w $(WHEELS); }
	$(BIN)/pip install --quiet --find-links $(WHEELS) -e ".[llm-test]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
install-llm-test: $(VENV)/.installed-llm-test

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

test: install-dev install-llm-test model browser
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
