# storyline: `make demo` and `make test` install everything they need first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: install demo test lint typecheck pytest bench clean

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

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: install
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/annotate.py
	$(BIN)/python benchmarks/pipeline.py
	$(BIN)/python benchmarks/html_extraction.py
	$(BIN)/python benchmarks/stories.py
	$(BIN)/python benchmarks/story_mix.py
	$(BIN)/python benchmarks/tls.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .mypy_cache .ruff_cache .pytest_cache
