# Two commands do everything: `make run` (set up and serve) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Tests run the production settings; they need a key, and plain http on the test server.
TEST_ENV := SECRET_KEY=$${SECRET_KEY:-insecure-key-for-tests-only} SECURE_SSL_REDIRECT=false \
	SITE_URL=$${SITE_URL:-http://testserver}

.PHONY: run test smoke scale-test bench soak lint format messages compilemessages install

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,redis,s3]"
	touch $@

# A local .env for development: DEBUG on and a random secret key, made once, never committed.
.env:
	@echo "Writing .env for local development (DEBUG on, a random SECRET_KEY)."
	@printf 'DEBUG=true\nSECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env

# Babel compiles the catalogues, so a fresh machine needs no GNU gettext to run the site.
compilemessages: install
	$(BIN)/pybabel -q compile --domain "django djangojs" --directory locale

run: install .env compilemessages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py create_dev_superuser
	@echo "Serving on http://127.0.0.1:8000/ (Ctrl-C to stop)."
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The suite runs on every core (pytest-xdist), each worker with its own test database;
# PYTEST_WORKERS=0 runs it in this one process (to use a debugger, or -x on the first failure).
PYTEST_WORKERS ?= auto
test: install compilemessages
	$(TEST_ENV) $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The production stack (gunicorn, DEBUG off) against DATABASE_URL, checked over HTTP.
smoke: install compilemessages
	bash tests/smoke/serve.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# GNU msgfmt is stricter than Babel's compiler (a msgstr must begin and end like its msgid).
	@if command -v msgfmt >/dev/null; then \
		for po in locale/*/LC_MESSAGES/*.po; do msgfmt --check-format --check-domain -o /dev/null $$po || exit 1; done; \
	else echo "msgfmt not found (apt-get install gettext): catalogues not checked"; fi

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the catalogues after changing strings (needs GNU gettext: apt-get install gettext).
messages: install
	$(BIN)/python manage.py makemessages --no-location --no-obsolete -l fr -l en -l es \
		--ignore=.venv --ignore=staticfiles --ignore=tests
	@# The admin's JavaScript (the editor's buttons): the djangojs domain, served by the admin's jsi18n.
	$(BIN)/python manage.py makemessages -d djangojs --no-location --no-obsolete -l fr -l en -l es \
		--ignore=.venv --ignore=staticfiles --ignore=tests

# Beyond one machine (docs/scaling.md): PostgreSQL primary + replica, Redis, two gunicorn
# instances, nginx caching in front and an S3 server, all on 127.0.0.1, checked over HTTP and
# measured, then stopped. Needs Debian's postgresql, redis-server and nginx. A few minutes.
scale-test: install compilemessages
	bash tests/scale/run.sh

# The benchmark (docs/performance.md): throw-away databases at three sizes, every page
# in-process, then gunicorn under wrk. SQLite, or PostgreSQL when DATABASE_URL is set.
bench: install compilemessages
	$(BIN)/python -m bench.run

# The soak test (docs/reliability.md): 60 s at 50 connections, two editors saving, on gunicorn and
# the PostgreSQL of DATABASE_URL (a throw-away database is made there). Under 5 minutes.
soak: install compilemessages
	$(BIN)/python -m bench.soak
