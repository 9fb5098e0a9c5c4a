"""``laotext serve``: laotext over HTTP, as a JSON API and a live-validation page.

Install with ``pip install 'laotext[server]'`` (FastAPI and uvicorn); this package is the only part of
laotext that imports them, and ``import laotext`` never loads it. :func:`create_app` builds the ASGI
application; :func:`from_environment` builds it from ``LAOTEXT_SERVER_*`` variables, for
``uvicorn --factory`` and for several worker processes. See docs/server.md.
"""

from laotext.server.app import MAX_TEXT_CHARS, create_app, from_environment

__all__ = ["MAX_TEXT_CHARS", "create_app", "from_environment"]
