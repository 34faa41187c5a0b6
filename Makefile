# The course's two commands: `make lab` and `make test`.
# `make lab` builds .venv on first use from requirements/student.txt; the instructors'
# and the tests' targets (test, lint, student, slides, site, nbgrader-on/off) add
# requirements/instructor.txt on their first use. Each part is reinstalled only when
# its lock, pyproject.toml or the recipe change, so that once built they work offline.
# The recipe is tools/setup_env.py: the README's steps without make run it too.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.coursekit-student
INSTRUCTOR := $(VENV)/.coursekit-instructor
SETUP_INPUTS := pyproject.toml jupyter/overrides.json tools/setup_env.py
# Put the venv's kernelspec first, ahead of any stale user-level `python3` kernel.
JUPYTER_ENV := JUPYTER_PATH=$(CURDIR)/$(VENV)/share/jupyter
# Same results on every machine: one BLAS thread (more threads changed low-order bits).
THREADS := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
# JAX keeps what it compiles for notebook 08 and the Keras tests in build/jax-cache/
# and loads it on the next run instead of compiling again (the same machine code, so
# the same outputs): about 5 s less for a warm make test.
JAX_CACHE := JAX_COMPILATION_CACHE_DIR=$(CURDIR)/build/jax-cache \
	JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS=0 JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES=0
# Containers, Codespaces and CI machines run as root; Jupyter refuses root unless told.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

# The slides, the site and their browser checks use reveal.js, MathJax, Font Awesome and
# axe-core pinned in package-lock.json; npm installs them into node_modules/ (from the
# offline bundle's npm-cache/ when it is there).
NODE_STAMP := node_modules/.coursekit-installed
NPM_SOURCE := $(if $(wildcard npm-cache),--offline --cache $(CURDIR)/npm-cache)

.PHONY: lab instructor test lint bench lock clean student nbgrader-on nbgrader-off \
	drift bundle slides site course report site-instructor

# Opens on notebooks/: the student edition, with notebooks/solutions/ one click away.
lab: $(STAMP)
	$(JUPYTER_ENV) $(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 \
		--ServerApp.root_dir=notebooks $(ALLOW_ROOT)

# Regenerate the student edition (notebooks/NN_*.ipynb) from notebooks/solutions/.
student: $(INSTRUCTOR)
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python -m tools.student_edition

# For instructors: RISE (live slides), nbgrader, the slides' and the site's tools and
# the tests in .venv, so that `make lab` has them too.
instructor: $(INSTRUCTOR)

# For instructors: nbgrader's formgrader and assignment menus in `make lab`.
nbgrader-on: $(INSTRUCTOR)
	$(BIN)/python -m tools.setup_env --nbgrader on

nbgrader-off: $(INSTRUCTOR)
	$(BIN)/python -m tools.setup_env --nbgrader off

# For instructors: a ready nbgrader course directory (build/course/, or COURSE=DIR), one
# assignment per notebook, its feedback pages with MathJax beside them (offline);
# HEADER=FILE.ipynb opens every released notebook. Then, after `nbgrader autograde`,
# `make report` writes what the class got wrong: $(COURSE)/class_report.html.
COURSE ?= build/course
course: $(INSTRUCTOR) $(NODE_STAMP)
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python -m tools.nbgrader_course \
		--out $(COURSE) $(if $(HEADER),--header $(HEADER))

report: $(INSTRUCTOR)
	$(BIN)/python -m tools.class_report $(COURSE)

# Spread over the cores; a notebook's cells stay together on one worker.
test: lint $(NODE_STAMP)
	$(THREADS) $(JAX_CACHE) $(JUPYTER_ENV) $(BIN)/python -m pytest -n auto --dist loadscope

lint: $(INSTRUCTOR)
	$(BIN)/ruff check coursekit tests notebooks benchmarks tools publish

# The decks (build/slides/: index.html, a deck and a PDF per notebook; the PDFs need
# Chromium) and the students' website (build/site/), from the committed notebooks, with
# no network: open the .html files from the folder, or copy it to a USB stick.
# site-instructor adds the guide, with its answers (build/site-instructor/).
slides: $(INSTRUCTOR) $(NODE_STAMP)
	$(BIN)/python -m tools.publish slides

site: $(INSTRUCTOR) $(NODE_STAMP)
	$(BIN)/python -m tools.publish site

site-instructor: $(INSTRUCTOR) $(NODE_STAMP)
	$(BIN)/python -m tools.publish site --instructor --out build/site-instructor

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --loglevel=error $(NPM_SOURCE) && touch $@; \
	else echo "npm not found: install Node.js to build the slides and the site" \
		"(their browser checks skip without it)."; fi

bench: $(STAMP)
	$(THREADS) $(BIN)/python benchmarks/bench_core.py

$(STAMP): requirements/student.txt $(SETUP_INPUTS)
	$(PYTHON) -m tools.setup_env --student --venv $(VENV)
	touch $@

$(INSTRUCTOR): $(STAMP) requirements/instructor.txt $(SETUP_INPUTS)
	$(PYTHON) -m tools.setup_env --instructor --venv $(VENV)
	touch $@

# The course and a wheel of every pinned package, for a room without Wi-Fi: copy
# bundle/coursekit/ to a USB stick. PLATFORM=all adds the other common platforms.
bundle:
	$(PYTHON) -m tools.bundle $(if $(PLATFORM),--platform $(PLATFORM))

# Does the course still run on the newest releases? A throwaway .drift-venv without the
# lock; needs the network. Fails only when something no longer runs.
drift:
	$(PYTHON) -m tools.drift

# Re-resolve every pin of both locks (needs the network; KEEP=1 keeps the versions
# pinned now and pins only what is new). Commit the new locks, then re-run the
# notebooks: their stored outputs depend on these exact versions.
lock:
	$(PYTHON) -m tools.lock $(if $(KEEP),--keep)

clean:
	rm -rf $(VENV) .drift-venv bundle build node_modules .pytest_cache .benchmarks
