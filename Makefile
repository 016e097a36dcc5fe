# storyline: `make demo` and `make test` install everything they need first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: install demo test lint typecheck pytest browser bench docs clean

install: $(STAMP)

# Re-installs only when pyproject.toml changes; the package itself is editable.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "storyline needs Python 3.11+, found " + sys.version.split()[0] + " (try: make PYTHON=python3.11 ...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

demo: install
	$(BIN)/storyline --db $(DEMO_DB) ingest examples/corpus
	$(BIN)/storyline --db $(DEMO_DB) documents
	$(BIN)/storyline --db $(DEMO_DB) stats
	$(BIN)/storyline --db $(DEMO_DB) entities --limit 15
	$(BIN)/storyline --db $(DEMO_DB) events
	$(BIN)/storyline --db $(DEMO_DB) stories
	$(BIN)/storyline --db $(DEMO_DB) report
	@echo
	@echo "See it in a browser: $(BIN)/storyline --db $(DEMO_DB) serve   then open http://127.0.0.1:8000/"

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

pytest: install browser
	$(BIN)/pytest -q

# The browser tests drive Debian's Chromium; install it when missing and possible.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "warning: no chromium and no way to install it (apt-get as root); browser tests will skip"; \
	  fi; }

test: lint typecheck pytest

bench: install
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/stream.py
	$(BIN)/python benchmarks/annotate.py
	$(BIN)/python benchmarks/pipeline.py
	$(BIN)/python benchmarks/html_extraction.py
	$(BIN)/python benchmarks/stories.py
	$(BIN)/python benchmarks/story_mix.py
	$(BIN)/python benchmarks/story_kh.py
	$(BIN)/python benchmarks/tls.py
	$(BIN)/python benchmarks/api.py

# Rewrite the console transcripts of README.md and docs/ with what the commands print now.
docs: install
	$(BIN)/python -m tests.test_docs --update

clean:
	rm -rf $(VENV) build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .mypy_cache .ruff_cache .pytest_cache
