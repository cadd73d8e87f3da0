# Two entry points for a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSDEPS := $(VENV)/.sysdeps
#: A CJK font, for the tests that build PDF reports (fpdf2 needs a font file to write Chinese).
CJK_FONT_PACKAGE := fonts-wqy-microhei
#: A headless browser, for the test that renders the audit page (`nianbao report`) and checks a screenshot.
BROWSER_PACKAGE := chromium

.PHONY: demo test bench model venv sysdeps bytecode clean

# System packages: installed once with apt-get (as root, or through sudo) when missing;
# on a machine without apt-get a warning says what to install and the build goes on.
$(SYSDEPS): Makefile
	@mkdir -p $(VENV)
	@MISSING=""; \
	fc-list :lang=zh 2>/dev/null | grep -q . || MISSING="$(CJK_FONT_PACKAGE)"; \
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || MISSING="$$MISSING $(BROWSER_PACKAGE)"; \
	if [ -z "$$MISSING" ]; then \
		touch $@; \
	elif command -v apt-get >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		if $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$MISSING; then touch $@; \
		else echo "warning: could not install $$MISSING; the PDF reader tests (font) or the audit page browser test (chromium) will be skipped"; fi; \
	else \
		echo "warning: no apt-get; install $$MISSING (or fonts-noto-cjk) for the PDF reader and audit page browser tests"; \
	fi

sysdeps: $(SYSDEPS)

$(STAMP): pyproject.toml | $(SYSDEPS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q nlp
	touch $(STAMP)

venv: $(STAMP)

# nlp's bytecode, compiled ahead: an editable install compiles none, and where
# PYTHONDONTWRITEBYTECODE is set no process writes it, so each would compile nlp/ from source
# (~0.1 s of every start-up). Python still reads the .pyc; each records its source's mtime and
# size, and one whose source changed is ignored (and recompiled here the next time). A no-op
# when they are current.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q nlp

demo: bytecode
	@mkdir -p out
	$(BIN)/nianbao annotate data/samples -o out/samples.jsonl
	@echo "records written to out/samples.jsonl"

test: bytecode
	$(BIN)/python -m pytest

bench: bytecode
	$(BIN)/python benchmarks/bench_archive.py
	$(BIN)/python benchmarks/bench_annotate.py data/samples data/corpus/reports
	$(BIN)/python benchmarks/bench_ocr.py

# The shipped paragraph classifier, rebuilt from the labelled data in the repo (the collected rows and the
# first-look batches' paragraphs, rounds 1–3; rounds 4 to 6's, first_look_r4/_r5/_r6.jsonl, are scored,
# not trained on: data/labelled/README.md, rounds 6 to 8; about 1 min:
# cross-validation by document, by province and by kind of agency); the gold paragraphs and
# the unseen-report paragraphs are evaluated, never trained on.
model: bytecode
	$(BIN)/nianbao train data/labelled/collected.jsonl data/labelled/first_look.jsonl data/labelled/first_look_r2.jsonl data/labelled/first_look_r3.jsonl --heldout data/labelled/gold.jsonl \
		--unseen data/labelled/unseen.jsonl --groups data/labelled/groups.tsv -o models/paragraphs.joblib --force

clean:
	rm -rf $(VENV) out
