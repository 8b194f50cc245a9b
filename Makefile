# make run   — build the knowledge graph of seeds/ into out/
# make test  — lint (ruff) and run the whole test suite (installs Chromium for the browser tests if needed)
#
# Both create .venv with Python 3.11 on first use; later runs skip the install
# unless pyproject.toml changed.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: run test setup chromium clean

run: $(STAMP)
	$(BIN)/kg build

test: $(STAMP) chromium
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/ruff format --check --quiet kg tests benchmarks
	$(BIN)/pytest -q

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

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
