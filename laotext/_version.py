"""The laotext version, read by the build and by ``laotext --version``."""

__version__ = "0.1.0"
