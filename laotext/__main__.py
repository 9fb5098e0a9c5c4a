"""Run the command line as ``python -m laotext``."""

from laotext.cli.main import main

main()
