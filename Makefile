# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out

.PHONY: setup demo test lint bench bench-extract bench-digest goldens clean browser redis

$(STAMP): pyproject.toml
	scripts/system-deps.sh libfribidi0 fonts-noto-color-emoji
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/repurpose run samples/knee-pain-muscle-imbalance.html -o $(OUT)
	@echo "Wrote:" && ls -1 $(OUT)/*/
	@echo "To type \`repurpose\` by its bare name: source $(VENV)/bin/activate (or call $(BIN)/repurpose)"
	@echo "To check, edit, sign off and plan it in the browser: $(BIN)/repurpose review $(OUT) --open"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# Debian's chromium, for the preview.html browser test only; that test skips when it is missing.
browser:
	scripts/system-deps.sh chromium || echo "warning: chromium could not be installed: the browser test will skip" >&2

# Debian's redis-server, for the queue tests (tests/test_queue.py start their own on a free port);
# they skip with the reason when it is missing.
redis:
	scripts/system-deps.sh redis-server || echo "warning: redis-server could not be installed: the queue tests will skip" >&2

test: lint browser redis
	$(BIN)/pytest

# Extraction benchmark on ../shared/corpus/extraction (skips when absent); see bench/bench_extract.py.
bench-extract: setup
	$(BIN)/python -m bench.bench_extract

# Rewrite tests/golden/ (images, and the texts of every sample) from the current code; look at
# the images and read the text diff (git diff tests/golden/text) before committing them.
goldens: setup
	UPDATE_GOLDENS=1 $(BIN)/pytest -q tests/test_render.py tests/test_goldens_text.py -k golden

# Speed (not a test): ms per image split into layout, draw and encode; then start-up, a fresh run
# against bench/reference_draw.py, a -j 2 batch and extraction, as ratios (bench/bench_speed.py);
# then the review page's time from saving an edit to the new image served (bench/bench_review.py).
bench: setup
	$(BIN)/python bench/bench_render.py
	$(BIN)/python bench/bench_speed.py
	$(BIN)/python bench/bench_review.py

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache

# Digest benchmark against the clinic-dev answer key (its files/ plus CLINIC_DEV_DIR, else
# .corpus/clinic-dev), then samples/ against tests/expected; ARGS="--verbose" or "--only ID".
bench-digest: setup
	$(BIN)/python -m bench.bench_digest $(ARGS)
