# briefbook: the two commands.
#   make book   set up, convert seeds/ into docs/, build docs/_build/html and docs/_build/pdf
#   make test   set up (with the test tools), then lint, type-check and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: book test system system-test clean

book: $(VENV)/.installed system
	$(BIN)/briefbook book seeds --out docs

test: $(VENV)/.installed-test system-test
	$(BIN)/ruff check tools tests bench
	$(BIN)/ruff format --check tools tests bench
	$(BIN)/mypy
	$(BIN)/pytest

system:
	@scripts/system-packages.sh book

system-test:
	@scripts/system-packages.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The stamps make a second run install nothing until pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf docs/_build
