# The two entry points a newcomer needs: `make run` and `make test`.
# Everything else is a building block for those two.
SHELL := /bin/bash
UV_VERSION := 0.13.9
VENV := .venv
UV := $(VENV)/bin/uv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install check lint typecheck contracts unit browser services kb-check content-check eval bench bench-web clean

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
	$(MAKE) --no-print-directory lint typecheck contracts kb-check content-check; status=$$?; \
	echo "tier check (ruff, mypy, import-linter, kb, content): $$(( $$(date +%s) - start )) s"; exit $$status

lint:
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

typecheck:
	$(VENV)/bin/mypy

contracts:
	$(VENV)/bin/lint-imports

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
