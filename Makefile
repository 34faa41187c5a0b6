# The course's two commands: `make lab` and `make test`.
# Both build .venv on first use from the pinned lock file, and rebuild it only when
# pyproject.toml or the lock file change, so that once built they work offline.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/lock.txt
STAMP := $(VENV)/.coursekit-installed
# Put the venv's kernelspec first, ahead of any stale user-level `python3` kernel.
JUPYTER_ENV := JUPYTER_PATH=$(CURDIR)/$(VENV)/share/jupyter
# Same results on every machine: one BLAS thread (more threads changed low-order bits).
THREADS := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
# JAX keeps what it compiles for notebook 08 and the Keras tests in build/jax-cache/
# and loads it on the next run instead of compiling again (the same machine code, so
# the same outputs): about 5 s less for a warm make test.
JAX_CACHE := JAX_COMPILATION_CACHE_DIR=$(CURDIR)/build/jax-cache \
	JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS=0 JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES=0
# In a copy of the offline bundle (make bundle), install from its wheelhouse/ only.
PIP_SOURCE := $(if $(wildcard wheelhouse),--no-index --find-links wheelhouse)
# Containers, Codespaces and CI machines run as root; Jupyter refuses root unless told.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

# nbgrader's JupyterLab menus and server extensions need an nbgrader course set up (and
# an exchange to hand out and collect); for students they would only fail.
NBGRADER_SERVER := formgrader validate_assignment assignment_list course_list

# The slides, the site and their browser checks use reveal.js, MathJax, Font Awesome and
# axe-core pinned in package-lock.json; npm installs them into node_modules/ (from the
# offline bundle's npm-cache/ when it is there).
NODE_STAMP := node_modules/.coursekit-installed
NPM_SOURCE := $(if $(wildcard npm-cache),--offline --cache $(CURDIR)/npm-cache)

.PHONY: lab test lint bench lock clean student nbgrader-on nbgrader-off _nbgrader-off \
	drift bundle slides site site-instructor

# Opens on notebooks/: the student edition, with notebooks/solutions/ one click away.
lab: $(STAMP)
	$(JUPYTER_ENV) $(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 \
		--ServerApp.root_dir=notebooks $(ALLOW_ROOT)

# Regenerate the student edition (notebooks/NN_*.ipynb) from notebooks/solutions/.
student: $(STAMP)
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python tools/student_edition.py

# For instructors: nbgrader's formgrader and assignment menus in `make lab`.
nbgrader-on: $(STAMP)
	$(BIN)/jupyter labextension enable --level=sys_prefix @jupyter/nbgrader
	for e in $(NBGRADER_SERVER); do $(BIN)/jupyter server extension enable \
		--sys-prefix nbgrader.server_extensions.$$e >/dev/null || exit 1; done

nbgrader-off: $(STAMP)
	$(MAKE) --no-print-directory _nbgrader-off

# Spread over the cores; a notebook's cells stay together on one worker.
test: lint $(NODE_STAMP)
	$(THREADS) $(JAX_CACHE) $(JUPYTER_ENV) $(BIN)/python -m pytest -n auto --dist loadscope

lint: $(STAMP)
	$(BIN)/ruff check coursekit tests notebooks benchmarks tools publish

# The decks (build/slides/: index.html, a deck and a PDF per notebook; the PDFs need
# Chromium) and the students' website (build/site/), from the committed notebooks, with
# no network: open the .html files from the folder, or copy it to a USB stick.
# site-instructor adds the guide, with its answers (build/site-instructor/).
slides: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tools/publish.py slides

site: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tools/publish.py site

site-instructor: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tools/publish.py site --instructor --out build/site-instructor

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --loglevel=error $(NPM_SOURCE) && touch $@; \
	else echo "npm not found: install Node.js to build the slides and the site" \
		"(their browser checks skip without it)."; fi

bench: $(STAMP)
	$(THREADS) $(BIN)/python benchmarks/bench_core.py

$(STAMP): pyproject.toml $(LOCK) jupyter/overrides.json Makefile
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "coursekit needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version)." \
		       "Run: make PYTHON=python3.11 ..."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q $(PIP_SOURCE) -r $(LOCK)
	$(BIN)/python -m pip install --disable-pip-version-check -q --no-deps \
		--no-build-isolation -e .
	# The name the notebooks store: another would mark each notebook as changed on opening.
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 \
		--display-name "Python 3 (ipykernel)" >/dev/null
	$(MAKE) --no-print-directory _nbgrader-off
	# JupyterLab's defaults for the course: no news fetched from the internet.
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp jupyter/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

_nbgrader-off:
	$(BIN)/jupyter labextension disable --level=sys_prefix @jupyter/nbgrader >/dev/null 2>&1
	for e in $(NBGRADER_SERVER); do $(BIN)/jupyter server extension disable \
		--sys-prefix nbgrader.server_extensions.$$e >/dev/null 2>&1 || exit 1; done

# The course and a wheel of every pinned package, for a room without Wi-Fi: copy
# bundle/coursekit/ to a USB stick. PLATFORM=all adds the other common platforms.
bundle:
	$(PYTHON) tools/bundle.py $(if $(PLATFORM),--platform $(PLATFORM))

# Does the course still run on the newest releases? A throwaway .drift-venv without the
# lock; needs the network. Fails only when something no longer runs.
drift:
	$(PYTHON) tools/drift.py

# Re-resolve every pin (needs the network). Commit the new lock, then re-run the
# notebooks: their stored outputs depend on these exact versions.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install -q -e '.[course,test,publish]' setuptools
	{ echo "# Exact versions of every package, generated by 'make lock'."; \
	  .lock-venv/bin/python -m pip freeze --all --exclude-editable | grep -v '^pip=='; \
	} > $(LOCK)
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .drift-venv bundle build node_modules .pytest_cache .benchmarks
