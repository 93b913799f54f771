# make build: set up .venv (CPU torch first) and build the graph of corpus/ into outputs/
# make test:  set up .venv and run the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export KG_MODELS_DIR ?= $(CURDIR)/models
SHARED ?= ../shared
DATA ?= $(SHARED)/data
NER_STEPS ?= 1600
# the benchmark sets of `make eval`: NAME=GOLD[@CORPUS]; a set folder holds gold/ and corpus/
VISIBLE_SETS := --set corpus=tests/gold@corpus --set unseen=$(SHARED)/unseen --set other-dev=benchmarks/sets/other/dev \
  --set other-test=benchmarks/sets/other/test --set other2-dev=benchmarks/sets/other2/dev \
  --set other2-test=benchmarks/sets/other2/test --set other3-test=benchmarks/sets/other3/test \
  --set other5-dev=benchmarks/sets/other5/dev
# other-test was frozen until session 7, other2-test and other3-test until session 8; each became a
# studied set when a fresh frozen half replaced it (its scores from then on are dev scores)
EVAL_SETS := $(VISIBLE_SETS) --set other4-test=benchmarks/sets/other4/test

.PHONY: build test install compiled chromium model eval record bench clean

$(BIN)/kg: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/kg

install: $(BIN)/kg chromium

# recompile the Cython modules whose sources changed since the install compiled them (setup.py);
# until then kg loads a changed module from its source (kg/_compiled.py)
compiled: $(BIN)/kg
	$(BIN)/python setup.py -q build_ext --inplace

# Debian's Chromium for the browser test (root on CI and the dev machines; skipped test otherwise)
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium; the browser test will be skipped"

build: install $(KG_MODELS_DIR)/ar-ner-local/ner.pt
	$(BIN)/kg build corpus --out outputs

# pytest's exit 5 (no test collected) is a failure, never a silent pass
test: install
	@$(BIN)/python -m pytest -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; exit $$rc

# the default local Stanza NER model, trained offline on ANERcorp (news) + the Wojood sample,
# checkpoint chosen on ANERcorp's news dev split, scored on every test split including AQMAR's;
# Adam at 0.002, one torch thread, dev F1 every 200 steps (kg.ner.train.TrainingSettings): 1,600 steps
# is where the learning curve flattens (README "NER model", with the measured time); the model card is in the model folder (kg ner info).
# make build trains it once when it is missing (kg build then uses Stanza with the gazetteer and rules)
model: install
	nice -n 5 $(BIN)/kg ner train --train $(DATA)/anercorp-camel --train $(DATA)/wojood-sample \
	  --dev $(DATA)/anercorp-camel --test $(DATA)/aqmar/test.txt --steps $(NER_STEPS)

$(KG_MODELS_DIR)/ar-ner-local/ner.pt:
	@if [ -f $(DATA)/anercorp-camel/train.txt ] && [ -f $(DATA)/wojood-sample/train.txt ]; then $(MAKE) model; \
	else echo "note: $(DATA) has no NER training sets; building with gazetteer and rules only"; fi

# every set built rules-only and scored, one table per set (unseen skipped when $(SHARED) is absent)
eval: install
	$(BIN)/kg eval $(EVAL_SETS) --ner rules --skip-missing

# rewrite the visible sets' F1s in benchmarks/quality.json (the record tests/test_quality.py holds kg to)
record: install
	$(BIN)/kg eval $(VISIBLE_SETS) --ner rules --skip-missing --record benchmarks/quality.json

bench: install
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf outputs
