# kroniek: `make run` installs what is missing and runs the main job on the examples;
# `make test` installs what is missing and runs the tests. Both are idempotent.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := frog frogdata chromium
OUT ?= out

.PHONY: setup system python run test bench clean

setup: system python

# Debian packages: Frog (Dutch analysis) and Chromium (browser tests).
system: .stamp-system
.stamp-system:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@touch $@

# The virtual environment with kroniek installed (editable), the Dask extra and the test tools,
# at the versions of constraints.txt. setuptools comes first so that kroniek (and the wheel of
# tests/packaging) is built with the pinned one, without a download in an isolated build.
PIP := $(VENV)/bin/pip install -q --disable-pip-version-check -c constraints.txt
python: .stamp-python
.stamp-python: pyproject.toml constraints.txt
	@[ -x $(VENV)/bin/python ] || $(PY) -m venv $(VENV)
	@$(PIP) setuptools
	@$(PIP) --no-build-isolation -e '.[test,cluster]' 2>&1 | grep -v -i 'warning' || true
	@$(VENV)/bin/python -c 'import kroniek, duckdb, typer, fastapi, distributed, httpx, pytest'
	@touch $@

# After upgrading packages in .venv (and a passing make test): write their versions down.
.PHONY: constraints
constraints:
	@{ sed -n '1,/^# passes make test/p' constraints.txt; \
	   $(VENV)/bin/pip freeze --all --exclude-editable | grep -v -i -E '^(pip|kroniek)=='; } > constraints.txt.new
	@if cmp -s constraints.txt.new constraints.txt; then rm constraints.txt.new; echo "constraints.txt unchanged"; \
	 else mv constraints.txt.new constraints.txt; echo "wrote constraints.txt"; fi

run: setup
	$(VENV)/bin/kroniek extract examples --out $(OUT)
	$(VENV)/bin/kroniek ingest examples --db $(OUT)/kroniek.duckdb
	$(VENV)/bin/kroniek timeline --db $(OUT)/kroniek.duckdb --limit 40
	@echo "store: $(OUT)/kroniek.duckdb; browse it with: $(VENV)/bin/kroniek serve --db $(OUT)/kroniek.duckdb"

test: setup
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider

# The benchmarks that run in minutes, one table (benchmarks/run_all.py --help: --all, --only).
bench: setup
	$(VENV)/bin/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) .stamp-* $(OUT)

# The Dutch event dictionary's size and coverage (verb lemmas, patterns, nouns, provenance,
# CAMEO codes PETRARCH2 has and we lack): kroniek/events/build/lexicon_stats.py.
.PHONY: lexicon-stats
lexicon-stats: python
	$(VENV)/bin/python -m kroniek.events.build.lexicon_stats
