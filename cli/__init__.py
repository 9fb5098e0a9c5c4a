"""The laotext command line, shipped as ``laotext.cli``; see :mod:`laotext.cli.main`."""
