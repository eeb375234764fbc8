# Quick start:  make run   (set up .venv, install, process data/raw/ into data/processed/)
#               make test  (the test suite)
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-long setup clean eval

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@# an editable install leaves the package uncompiled (pip compiles only what it copies); with
	@# PYTHONDONTWRITEBYTECODE set every run would compile it again (~0.15 s of each cold start)
	$(BIN)/python -m compileall -q pipeline >/dev/null
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/pipeline run data/raw --out data/processed

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-long: $(STAMP)
	$(BIN)/python -m pytest -q --runslow

eval: $(STAMP)
	$(BIN)/pipeline run ../shared/devset/articles ../shared/seeds --out out/dev --quiet
	$(BIN)/python ../shared/eval/score_events.py --pred out/dev --gold ../shared/devset/gold

clean:
	rm -rf $(VENV) data/processed out
