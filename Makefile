# Every target creates or reuses the virtualenv in .venv, so each one works
# on a fresh clone. The install is redone only when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
LAB_STAMP := $(VENV)/.lab-$(shell cksum pyproject.toml | cut -d' ' -f1)
WORLD ?= .swfkit/world
REPORT_DIR ?= reports/latest

.PHONY: venv test certify record lab lint fmt clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

test: venv
	$(BIN)/python -m pytest -q
	$(BIN)/python -m pytest -q tests/notebooks/test_notebooks.py

certify: venv
	$(BIN)/swfkit certify --target sim --world $(WORLD) --report-dir $(REPORT_DIR)

# Re-record every scenario's cassette against a fresh simulator; the old
# cassettes are replaced only when the recording passed and checks clean.
record: venv
	rm -rf cassettes.new
	$(BIN)/python -m pytest features -q --swf-target sim --swf-cassettes cassettes.new
	$(BIN)/swfkit cassettes check --dir cassettes.new
	cp cassettes/README.md cassettes.new/README.md
	rm -rf cassettes && mv cassettes.new cassettes

# The demo world in .swfkit/demo (made once), its simulator in the
# background, and JupyterLab on notebooks/; the simulator stops with JupyterLab.
$(LAB_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,lab]'
	touch $@

lab: $(LAB_STAMP)
	test -f .swfkit/demo/world.json || $(BIN)/swfkit sim init --demo --dir .swfkit/demo
	$(BIN)/swfkit sim serve --dir .swfkit/demo > .swfkit/demo/serve.log 2>&1 & sim=$$!; \
	trap 'kill $$sim 2>/dev/null; wait $$sim' EXIT; trap true INT TERM; \
	for i in $$(seq 100); do grep -q '^listening on' .swfkit/demo/serve.log && break; \
		kill -0 $$sim 2>/dev/null || break; sleep 0.2; done; \
	grep '^listening on' .swfkit/demo/serve.log || { cat .swfkit/demo/serve.log >&2; exit 1; }; \
	SWF_IDENTITIES="$(CURDIR)/.swfkit/demo/identities.json" SWF_IDENTITY=gemeente-aadorp \
		$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

# Benchmarks, run side by side: every figure with its target, and
# bench/results.json. About five minutes; BENCH_ARGS=--quick for a short run.
.PHONY: bench soak
bench: venv
	$(BIN)/python -m bench $(BENCH_ARGS)

# The reliability suite at soak scale: more uploads, kills, races and cases.
soak: venv
	SWFKIT_SOAK=1 $(BIN)/python -m pytest -q tests/reliability --timeout 3600

lint: venv
	$(BIN)/ruff check swfkit tests features bench
	$(BIN)/ruff format --check swfkit tests features bench
	$(BIN)/mypy

fmt: venv
	$(BIN)/ruff format swfkit tests features bench
	$(BIN)/ruff check --fix swfkit tests features bench

clean:
	rm -rf $(VENV) .swfkit reports
