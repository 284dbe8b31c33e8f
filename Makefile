# The two entry points a newcomer needs: `make run` and `make test`.
# Everything else is a building block for those two.
SHELL := /bin/bash
UV_VERSION := 0.13.9
VENV := .venv
UV := $(VENV)/bin/uv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install check lint typecheck contracts messages messages-check unit browser services kb-check content-check \
	eval bench bench-web clean

$(UV):
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet uv==$(UV_VERSION)

install: $(UV)
	$(UV) sync --frozen --python $(PY)

## Install and start the app (web self-check on http://$(HOST):$(PORT)).
run: install
	$(VENV)/bin/haelguiden serve --host $(HOST) --port $(PORT)

## Install everything and run every check and test (what CI runs).
test: install services check unit browser

services:
	bash scripts/services.sh

check:
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory lint typecheck contracts messages-check kb-check content-check; status=$$?; \
	echo "tier check (ruff, mypy, import-linter, messages, kb, content): $$(( $$(date +%s) - start )) s"; exit $$status

lint:
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

typecheck:
	$(VENV)/bin/mypy

contracts:
	$(VENV)/bin/lint-imports

## The message catalogue (gettext via Babel). Message ids are keys: t(lang, "key"), tn(lang, "key", n),
## both("key"), N_("key") in Python; _("key") and ngettext("key", "key", n) in templates.
BABEL := $(VENV)/bin/pybabel
LOCALE_DIR := src/haelguiden/locale
BABEL_KEYWORDS := --no-default-keywords -k t:2 -k tn:2,2 -k both:1 -k both_n:1,1 -k N_:1 -k N_plural:1,1 \
	-k _:1 -k gettext:1 -k ngettext:1,2
BABEL_EXTRACT = $(BABEL) -q extract -F babel.cfg $(BABEL_KEYWORDS) --sort-output --add-location=file \
	--project=Hælguiden --copyright-holder=Hælguiden

## Extract the message ids, add new ones to both .po files (translate them there), compile the .mo files.
messages:
	@mkdir -p build
	$(BABEL_EXTRACT) -o build/messages.pot .
	$(BABEL) -q update -i build/messages.pot -d $(LOCALE_DIR) --no-fuzzy-matching --ignore-obsolete \
		--ignore-pot-creation-date --no-wrap
	$(BABEL) compile --statistics -d $(LOCALE_DIR)

## The .po files hold exactly the ids the code and templates use, and the committed .mo files match them.
messages-check:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(BABEL_EXTRACT) -o "$$tmp/messages.pot" . && \
	$(BABEL) -q update --check -i "$$tmp/messages.pot" -d $(LOCALE_DIR) --no-fuzzy-matching \
		--ignore-obsolete --ignore-pot-creation-date --no-wrap 2>/dev/null \
		|| { echo "the .po files are not up to date with the sources (ids or where they are used): run make messages"; \
		exit 1; }; \
	for lang in $$(ls $(LOCALE_DIR)); do \
		$(BABEL) -q compile -l $$lang -i $(LOCALE_DIR)/$$lang/LC_MESSAGES/messages.po -o "$$tmp/$$lang.mo" && \
		cmp -s "$$tmp/$$lang.mo" $(LOCALE_DIR)/$$lang/LC_MESSAGES/messages.mo \
		|| { echo "$(LOCALE_DIR)/$$lang/LC_MESSAGES/messages.mo is not compiled from its .po: run make messages"; \
		exit 1; }; \
	done; echo "messages OK"

kb-check:
	$(VENV)/bin/haelguiden kb check

content-check:
	$(VENV)/bin/haelguiden content check

TEST_ENV := HAELGUIDEN_TEST_DATABASE_URL=postgresql+psycopg://haelguiden:haelguiden@127.0.0.1:5432/haelguiden_test \
	HAELGUIDEN_TEST_REDIS_URL=redis://127.0.0.1:6379/15

# Branch coverage of src/haelguiden in the test processes (not the servers they start); fails below the floor.
COVERAGE_FLOOR ?= 90

unit:
	@start=$$(date +%s); \
	rm -f .coverage .coverage.*; \
	$(TEST_ENV) $(VENV)/bin/pytest -m "not browser" -n 2 -q --cov --cov-report=term \
		--cov-fail-under=$(COVERAGE_FLOOR); status=$$?; \
	echo "tier unit (everything but the browser): $$(( $$(date +%s) - start )) s"; exit $$status

browser:
	bash scripts/browser-deps.sh
	@start=$$(date +%s); \
	$(TEST_ENV) $(VENV)/bin/pytest -m browser -q; status=$$?; \
	echo "tier browser: $$(( $$(date +%s) - start )) s"; exit $$status

eval:
	$(VENV)/bin/haelguiden eval ../shared/vignettes/dev.jsonl --out build/dev-predictions.jsonl
	python3 ../shared/vignettes/score.py ../shared/vignettes/dev.jsonl build/dev-predictions.jsonl

bench: install
	$(PY) bench/engine_step.py
	$(PY) bench/eval_speed.py
	$(PY) bench/story_read.py

## Web load with wrk (apt-get install wrk; scripts/services.sh installs it): 1 vs 2 workers, Redis frozen.
bench-web: install
	$(PY) bench/web_load.py --redis-frozen

clean:
	rm -rf $(VENV) build .mypy_cache .pytest_cache .ruff_cache .coverage .coverage.*
