# The two entry points a newcomer needs: `make run` and `make test`.
# Everything else is a building block for those two.
SHELL := /bin/bash
UV_VERSION := 0.13.9
VENV := .venv
UV := $(VENV)/bin/uv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install check lint typecheck contracts unit browser services kb-check content-check eval bench clean

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

check: lint typecheck contracts kb-check content-check

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

unit:
	$(TEST_ENV) $(VENV)/bin/pytest -m "not browser" -n 2 -q

browser:
	bash scripts/browser-deps.sh
	$(TEST_ENV) $(VENV)/bin/pytest -m browser -q

eval:
	$(VENV)/bin/haelguiden eval ../shared/vignettes/dev.jsonl --out build/dev-predictions.jsonl
	python3 ../shared/vignettes/score.py ../shared/vignettes/dev.jsonl build/dev-predictions.jsonl

bench: install
	$(PY) bench/engine_step.py
	$(PY) bench/eval_speed.py
	$(PY) bench/story_read.py

clean:
	rm -rf $(VENV) build .mypy_cache .pytest_cache .ruff_cache
