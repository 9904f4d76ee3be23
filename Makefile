# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

.PHONY: run serve test test-sqlite test-requirements test-faults install install-test lint format check messages compilemessages seed bench bench-client checkers lighthouse backup restore clean

$(VENV)/bin/activate:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found). Set PYTHON=/path/to/python3.11."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

compilemessages: $(VENV)/.installed
	$(PY) manage.py compiletranslations

## make run: install, migrate, load the demo network once and serve it on http://localhost:$(PORT)/
run: compilemessages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@$(PY) manage.py demo_accounts --port $(PORT)
	$(PY) manage.py runserver 0.0.0.0:$(PORT)

## make serve: production settings under gunicorn, Varnish in front when installed (after make run
## or make seed); PORT is the public port, gunicorn listens on PORT+1 (see README, "Production")
serve: compilemessages
	$(PY) deploy/serve.py

seed: compilemessages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo

## make test: the whole suite on DATABASE_URL (SQLite when unset), browser tests included, on
## WORKERS processes (pytest-xdist; WORKERS=0 or PYTEST_ARGS="-p no:xdist" runs it in one).
## PYTEST_ARGS passes anything to pytest, e.g. PYTEST_ARGS="tests/test_search.py" or "--lf".
WORKERS ?= 2
XDIST = $(if $(findstring no:xdist,$(PYTEST_ARGS)),,-n $(WORKERS) --dist loadfile)

test: $(VENV)/.installed-test compilemessages test-requirements checkers
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

## make test-sqlite: what can differ between the databases (pytest -m engine_sensitive), on SQLite
test-sqlite: $(VENV)/.installed-test compilemessages test-requirements checkers
	env -u DATABASE_URL $(PY) -m pytest $(XDIST) -m engine_sensitive $(PYTEST_ARGS)

## make test-requirements: the machine's part of the suite (Chromium, gettext, Varnish, Java)
test-requirements:
	@bash scripts/test_requirements.sh

## make test-faults: the PostgreSQL restart under load, on its own (DATABASE_URL must be PostgreSQL;
## it restarts the local cluster, so nothing else may use it meanwhile)
test-faults: $(VENV)/.installed-test compilemessages
	QNS_FAULT_TESTS=1 $(PY) -m pytest tests/test_db_outage.py $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: $(VENV)/.installed-test compilemessages
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=check-deploy-dummy-key-0123456789abcdefghijklmnopqrstuvwxyz \
		$(PY) manage.py check --deploy --fail-level WARNING

## make messages: extract interface strings into every app's catalog (needs GNU gettext)
messages: $(VENV)/.installed
	$(PY) scripts/update_messages.py

## make backup: database and media files into BACKUP_DIR (default backups/), keeping the KEEP newest
KEEP ?= 14
backup: $(VENV)/.installed
	$(PY) manage.py backup --keep $(KEEP)

## make restore: the newest backup (or BACKUP=backups/qns-...) back into the database and media
restore: $(VENV)/.installed
	$(PY) manage.py restore $(BACKUP)

## make checkers: the Nu Html Checker (npm vnu-jar, run with the system Java) into node_modules/
checkers: node_modules/.checkers

node_modules/.checkers: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "The test suite needs Node.js and npm (Debian packages nodejs, npm)."; exit 1; }
	npm ci --omit=dev --no-audit --no-fund --ignore-scripts
	@touch $@

## make lighthouse: Lighthouse scores of home, directory, calendar and a member home (production settings)
lighthouse: compilemessages
	bench/lighthouse.sh

## make bench: the production stack (gunicorn, Varnish, nginx as the ceiling) under wrk on
## 127.0.0.1 with 100 and 10 seeded members; table on stdout, JSON in bench/results/
bench: $(VENV)/.installed-test compilemessages
	nice -n 10 $(PY) bench/stack.py $(BENCH_ARGS)

## make bench-client: render every page type through the test client on the demo network
bench-client: $(VENV)/.installed-test compilemessages
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) staticfiles node_modules
