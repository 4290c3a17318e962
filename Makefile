# briefbook: the two commands.
#   make book   set up, convert seeds/ into docs/, build docs/_build/html and docs/_build/pdf
#   make test   set up (with the test tools), then lint, type-check and run the tests
PYTHON ?= python3
VENV := .venv
# pytest-xdist workers; --dist loadfile keeps a module in one, so that its module fixtures are made once.
TEST_WORKERS ?= auto
BIN := $(VENV)/bin

.PHONY: book test system system-test clean

book: $(VENV)/.installed system
	$(BIN)/briefbook book seeds --out docs

test: $(VENV)/.installed-test system-test
	$(BIN)/ruff check tools tests bench
	$(BIN)/ruff format --check tools tests bench
	$(BIN)/mypy
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

system:
	@PYTHON=$(PYTHON) scripts/system-packages.sh book

system-test:
	@PYTHON=$(PYTHON) scripts/system-packages.sh test

# The system packages first: a Python without venv support gets python3-venv.
# A failed venv is removed, so that the next run tries again.
$(BIN)/python: | system
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

# The stamps make a second run install nothing until pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf docs/_build
