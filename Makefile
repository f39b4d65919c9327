# kg: `make demo` builds the graph of the bundled corpus into out/; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
CORPORA ?= ../shared/corpora
REFERENCE ?= ../shared/reference
OUT ?= out

.PHONY: demo test lint format install model actors wordlist bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/kg build sources -o $(OUT)
	@echo "Open $(OUT)/graph.html in a browser; see README.md for the other files."

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: install lint
	$(VENV)/bin/pytest

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Maintenance targets: these read the shared corpora and reference data.
model: install
	$(PY) training/make_model.py --corpora $(CORPORA) --out kg/models/en_kg_news

actors: install
	$(PY) scripts/build_actors.py --reference $(REFERENCE) --out ontology/actors.yaml

wordlist: install
	$(PY) scripts/build_wordlist.py --corpora $(CORPORA) --out kg/data/words.txt

bench: install
	$(PY) benchmarks/run.py

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache test-artifacts
