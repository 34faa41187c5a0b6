"""Sphinx configuration of the course website (``make site``, tools/publish.py).

Plain Sphinx with MyST-NB and the book theme: the notebooks are rendered from their
committed outputs (never executed), MathJax and every other asset is served by the site
itself, and nothing is fetched from the internet, at build time or in the browser.
"""

project = "coursekit: how one neuron learns"
author = "the coursekit authors"
copyright = "2026, the coursekit authors"
language = "en"

extensions = ["myst_nb", "sphinx_book_theme"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
nb_execution_mode = "off"
nb_render_markdown_format = "myst"
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

# Relative to _static/: the site serves MathJax 3 itself (copied from node_modules).
mathjax_path = "mathjax/tex-mml-chtml.js"

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_css_files = ["coursekit.css"]
html_js_files = ["coursekit.js"]
html_show_sourcelink = False
html_copy_source = False
html_context = {"default_mode": "light"}
html_theme_options = {
    "home_page_in_toc": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "show_toc_level": 2,
    "extra_footer": "Built offline from the committed notebooks.",
}
# Search results show a snippet of each page: Sphinx fetches the pages to cut it from,
# which a browser refuses on file://, so the search page reads them from
# _static/search-texts.js instead (tools/publish.py writes it, coursekit.js reads it).
html_show_search_summary = True
