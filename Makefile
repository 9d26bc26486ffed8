# Every target creates or reuses the virtualenv in .venv, so each one works
# on a fresh clone. The install is redone only when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
WORLD ?= .swfkit/world
REPORT_DIR ?= reports/latest

.PHONY: venv test certify lab lint fmt clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

test: venv
	$(BIN)/python -m pytest -q

certify: venv
	$(BIN)/swfkit certify --target sim --world $(WORLD) --report-dir $(REPORT_DIR)

lab: venv
	@echo "make lab: the notebooks and the demo world are not built yet." >&2
	@exit 1

lint: venv
	$(BIN)/ruff check swfkit tests features
	$(BIN)/ruff format --check swfkit tests features
	$(BIN)/mypy

fmt: venv
	$(BIN)/ruff format swfkit tests features
	$(BIN)/ruff check --fix swfkit tests features

clean:
	rm -rf $(VENV) .swfkit reports
