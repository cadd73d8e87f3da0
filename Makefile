# Two entry points for a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSDEPS := $(VENV)/.sysdeps
#: A CJK font, for the tests that build PDF reports (fpdf2 needs a font file to write Chinese).
CJK_FONT_PACKAGE := fonts-wqy-microhei

.PHONY: demo test bench venv sysdeps clean

# System packages: installed once with apt-get (as root, or through sudo) when missing;
# on a machine without apt-get a warning says what to install and the build goes on.
$(SYSDEPS):
	@mkdir -p $(VENV)
	@if fc-list :lang=zh 2>/dev/null | grep -q .; then \
		touch $@; \
	elif command -v apt-get >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		if $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(CJK_FONT_PACKAGE); then touch $@; \
		else echo "warning: could not install $(CJK_FONT_PACKAGE); PDF reader tests will be skipped"; fi; \
	else \
		echo "warning: no CJK font and no apt-get; install $(CJK_FONT_PACKAGE) or fonts-noto-cjk for the PDF reader tests"; \
	fi

sysdeps: $(SYSDEPS)

$(STAMP): pyproject.toml | $(SYSDEPS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/nianbao annotate data/samples -o out/samples.jsonl
	@echo "records written to out/samples.jsonl"

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_annotate.py data/samples data/corpus/reports

clean:
	rm -rf $(VENV) out
