# make run   — build the knowledge graph of seeds/ into out/
# make test  — lint (ruff) and run the whole test suite (installs Chromium for the browser tests if needed)
#
# Both create .venv on first use with the first of python3.13, python3.12,
# python3.11 and python3 on the PATH that is Python 3.11 or newer (or with
# PYTHON=/path/to/python); later runs skip the install unless pyproject.toml changed.

PYTHON_CANDIDATES := python3.13 python3.12 python3.11 python3
# A candidate counts only if it runs (a pyenv shim of a missing version does not) and is >= 3.11.
PYTHON ?= $(shell for p in $(PYTHON_CANDIDATES); do \
  $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; break; }; \
done)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: run test setup chromium clean python

run: $(STAMP)
	$(BIN)/kg build

test: $(STAMP) chromium
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/ruff format --check --quiet kg tests benchmarks
	$(BIN)/pytest -q

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || { $(MAKE) --no-print-directory python >/dev/null && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

# Print the Python that creates .venv, or say which one is needed.
python:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "error: kg needs Python 3.11 or newer; none of $(PYTHON_CANDIDATES) on the PATH is one." \
	       "Install Python 3.11+ or run: make PYTHON=/path/to/python3.11" >&2; exit 1; \
	fi
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "error: kg needs Python 3.11 or newer; $(PYTHON) is not one (or does not run)." \
	       "Install Python 3.11+ or run: make PYTHON=/path/to/python3.11" >&2; exit 1; }
	@echo $(PYTHON)

# The browser tests drive Debian's Chromium through Playwright.
chromium:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing chromium with apt-get…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	      && test -x $(CHROMIUM) \
	      || { echo "error: could not install Chromium at $(CHROMIUM) with apt-get" >&2; exit 1; }; \
	  else \
	    echo "error: the browser tests need Chromium at $(CHROMIUM);" \
	         "install it (Debian/Ubuntu: sudo apt-get install chromium) and rerun make test" >&2; \
	    exit 1; \
	  fi; \
	}

clean:
	rm -rf out .pytest_cache .ruff_cache
