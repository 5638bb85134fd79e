# Two commands on a fresh machine: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint typecheck unit screenshots benchmarks translations clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# .ts files are the source (in git); .qm files are built from them.
resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) $(QM)
	$(BIN)/livegiving --demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test: lint typecheck unit

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

benchmarks: $(STAMP) $(QM)
	$(BIN)/python benchmarks/ingest.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/ui_burst.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/scale.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/story.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/moderation_scale.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info resources/translations/*.qm
