"""Sphinx configuration for the laotext documentation.

Build with warnings as errors:

    sphinx-build -W --keep-going -b html docs docs/_build/html

The package must be installed first (``pip install .`` or ``pip install -e .``). The repository
root is deliberately not put on ``sys.path``: the installed package maps ``laotext.data`` and
``laotext.cli`` to the top-level ``data/`` and ``cli/`` folders, which a plain import from the
source tree would not find.
"""

from __future__ import annotations

import laotext._version

# -- Project -------------------------------------------------------------------------------------

project = "laotext"
author = "The laotext developers"
copyright = "The laotext developers"
release = laotext._version.__version__
version = ".".join(release.split(".")[:2])
language = "en"

# -- General -------------------------------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "myst_parser",
]

source_suffix = {
    ".md": "markdown",
    ".rst": "restructuredtext",
}
root_doc = "index"

# examples/ holds plain files used by the README and the quick starts, not pages.
exclude_patterns = ["_build", "examples", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence"]
# Give headings up to level 3 anchors, so pages can link to a section: [text](page.md#anchor).
myst_heading_anchors = 3

# -- Autodoc -------------------------------------------------------------------------------------

autodoc_typehints = "description"
autodoc_member_order = "bysource"

# -- HTML ----------------------------------------------------------------------------------------

html_theme = "alabaster"
html_title = f"laotext {release}"
html_theme_options = {
    "description": "Lao text toolkit for Python",
    "fixed_sidebar": True,
}
