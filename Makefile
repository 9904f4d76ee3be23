# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

.PHONY: run test install install-test lint format check messages compilemessages seed bench browsers clean backup restore test-faults

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

seed: compilemessages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo

## make test: the whole suite on DATABASE_URL (SQLite when unset), browser tests included
test: $(VENV)/.installed-test compilemessages
	$(PY) -m pytest $(PYTEST_ARGS)

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

bench: $(VENV)/.installed-test compilemessages
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) staticfiles
