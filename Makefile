# Chỉ tiêu — set-up and everyday commands. `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
HOST   ?= 127.0.0.1
export CHITIEU_DB ?= data/chitieu.duckdb

.PHONY: install install-dev browser office run seed test test-fast bench check clean

install: $(VENV)/.runtime-installed   ## prepare .venv with the pinned runtime dependencies (idempotent)

$(VENV)/.runtime-installed: requirements/lock.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements/lock.txt
	touch $@

install-dev: $(VENV)/.dev-installed

$(VENV)/.dev-installed: $(VENV)/.runtime-installed requirements/dev-lock.txt
	$(PY) -m pip install -q --disable-pip-version-check -r requirements/dev-lock.txt
	touch $@

browser:  ## Debian's chromium for the browser tests, when missing and installable
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not found and cannot be installed here: browser tests will be skipped"; fi; }

office:  ## LibreOffice Writer and Times-metric fonts: the test that renders the report .docx
	@command -v soffice >/dev/null 2>&1 && fc-list | grep -q LiberationSerif || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      libreoffice-writer-nogui fonts-liberation2 >/dev/null; \
	  else echo "soffice not found and cannot be installed here: the .docx render test will be skipped"; fi; }

seed: install  ## create the store with demo data when it does not exist yet
	$(PY) -m store.demo

# `make run` serves Hà Tĩnh and Tuyên Quang (with Hà Giang, merged into it), so the demo shows a
# second province; a deployment sets its own (docs/admin_units.md). Tests keep the default, 42.
RUN_PROVINCES ?= 42,08

run: install  ## serve the app on http://localhost:$(PORT) (another server: PORT=8502; a network: HOST=0.0.0.0)
	@$(PY) scripts/port_free.py $(PORT)
	CHITIEU_PROVINCES=$${CHITIEU_PROVINCES:-$(RUN_PROVINCES)} $(PY) -m store.demo
	CHITIEU_PROVINCES=$${CHITIEU_PROVINCES:-$(RUN_PROVINCES)} $(PY) -m indicators summaries
	@$(PY) scripts/network_guard.py $(HOST)
	CHITIEU_PROVINCES=$${CHITIEU_PROVINCES:-$(RUN_PROVINCES)} CHITIEU_ALLOW_DEMO=1 $(VENV)/bin/streamlit run serve.py --server.port $(PORT) --server.address $(HOST) --server.headless true

test: install-dev browser office  ## the whole suite, browser tests included
	$(PY) -m pytest -q

test-fast: install-dev
	$(PY) -m pytest -q -m "not browser"

check: install-dev  ## lint, formatting, types and the layer contracts (CI runs it before the tests)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: install-dev
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache
