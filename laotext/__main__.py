"""Run the command line as ``python -m laotext``."""

import importlib

# The CLI ships as laotext.cli from the top-level cli/ folder, so it is imported by name.
importlib.import_module("laotext.cli.main").main()
