"""Fonts shipped with laotext (see laotext/data/SOURCES.md for their provenance and licences)."""
