# Two commands on a fresh machine: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint typecheck unit screenshots screenshots-sizes benchmarks translations clean lock

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)

# Every runtime, test and build dependency comes from requirements.lock: exact versions with
# their hashes, the set CI tests (docs/architecture.md, "Dependencies"). The project itself is
# then installed without resolving anything again, and its sources compiled once: with
# PYTHONDONTWRITEBYTECODE in the environment every process (each ingestion worker, each CLI
# test) would compile them again, about 0.4 s of CPU (a changed source is compiled anew).
#
# pip would compile each installed package's sources one file after the other (the install
# took 20.0 s here; without compiling 12.2 s, and compileall on both cores 3.9 s). As
# with pip, a package's file that does not compile (PySide6 ships templates named .py) is
# left alone; the app's own sources must compile.
$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps --no-compile -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	$(BIN)/python -m compileall -q -j 0 $$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))') >/dev/null || true
	$(BIN)/python -m compileall -q src >/dev/null
	touch $(STAMP)

# Refresh requirements.lock after a change of pyproject.toml's dependencies (or to take newer
# releases: `make lock UPGRADE=1`), then run `make test` before committing both. The sed keeps
# one tested set on every supported Python: it drops the interpreter marker pip-compile copies
# from pyproject.toml's PySide6 requirement (the locked release runs on 3.11 and on 3.12+).
PIP_TOOLS := pip-tools==7.6.2
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check '$(PIP_TOOLS)'
	$(BIN)/pip-compile --quiet --extra test --generate-hashes --allow-unsafe --strip-extras \
		--all-build-deps --no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
		$(if $(UPGRADE),--upgrade) -o requirements.lock pyproject.toml
	sed -i -E 's/^(pyside6-essentials==[^ ;]+) ;[^\\]*/\1 /' requirements.lock

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

# The tests run on three pytest processes (pytest-xdist): on two cores, 241 s against 300 s on
# two processes (much of a test's time is waiting for processes it started); `make test
# TEST_JOBS=0` runs them in this process alone, `TEST_JOBS=auto` on one per core
# (docs/architecture.md, "How the suite runs").
TEST_JOBS ?= 3
unit: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_JOBS) --dist load

# The suite is collected once while the linters run: that writes pytest's rewritten test
# modules (and the bytecode of conftest and the helpers), which each of the three processes
# would otherwise make for itself as it starts, ~3 s of CPU apiece: where the environment has
# PYTHONDONTWRITEBYTECODE (this machine and CI do), pytest writes none, but still reads them.
# Its own failures are the run's to report.
PRECOLLECT := env -u PYTHONDONTWRITEBYTECODE QT_QPA_PLATFORM=offscreen \
	$(BIN)/python -m pytest --collect-only -q -p no:cacheprovider

# mypy (~12 s of CPU, ~17 s with no cache) runs beside the tests, which leave a fifth of two
# cores idle; its report follows theirs, and either failing fails `make test`.
test: $(STAMP) $(QM)
	@$(PRECOLLECT) > /dev/null 2>&1 & collected=$$!; \
	$(MAKE) --no-print-directory lint; linted=$$?; \
	wait $$collected; \
	[ $$linted -eq 0 ] || exit $$linted; \
	$(MAKE) --no-print-directory typecheck > $(VENV)/mypy.log 2>&1 & typecheck=$$!; \
	$(MAKE) --no-print-directory unit; tests=$$?; \
	wait $$typecheck; typed=$$?; \
	cat $(VENV)/mypy.log; \
	exit $$(( tests || typed ))

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_overlay_screenshots.py

# The main screens on a 1366×768 laptop (light and dark) and on a 1920×1080 screen at 150 %,
# offscreen, on the accessibility tests' prepared database (tests/a11y/screens_probe.py).
SIZES_SHOT := $(BIN)/python tests/a11y/screens_probe.py --grab docs/screenshots
screenshots-sizes: $(STAMP) $(QM)
	$(SIZES_SHOT) --screen 1366x768 --theme light --suffix=-1366x768 \
		home setup-fundraiser live paid-event moderation-all story-composer
	$(SIZES_SHOT) --screen 1366x768 --theme dark --suffix=-1366x768-dark live moderation-all
	$(SIZES_SHOT) --screen 1920x1080 --scale 1.5 --theme light --suffix=-1920x1080-150 \
		home live paid-event moderation-all

benchmarks: $(STAMP) $(QM)
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/pg_write.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/ui_burst.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/scale.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/story.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/moderation_scale.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/soak.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/overlay.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/startup.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info resources/translations/*.qm
