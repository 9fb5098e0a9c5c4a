"""``laotext serve``: run the HTTP JSON API and the live-validation page (:mod:`laotext.server`).

A thin layer: it checks that the ``server`` extra is installed, passes the options to
:func:`laotext.server.from_environment` through ``LAOTEXT_SERVER_*`` variables (so that every
worker process builds the same application) and starts uvicorn. Exit status 2 when the extra is
missing or an option is wrong.
"""

from __future__ import annotations

import importlib.util
import os
import sys

import click

EXIT_ERROR = 2
INSTALL_HINT = "pip install 'laotext[server]'"


def _missing_extra() -> list[str]:
    return [name for name in ("fastapi", "uvicorn") if importlib.util.find_spec(name) is None]


@click.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default)."
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="URL",
    help="A web origin whose pages may call the API from the browser (repeat for several).",
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option(
    "--max-body-bytes",
    default=1_048_576,
    show_default=True,
    type=click.IntRange(1),
    help="Larger request bodies get 413.",
)
@click.option("--log-text", is_flag=True, help="Log the text of each request (off: text is never logged).")
def serve(
    host: str, port: int, cors_origins: tuple[str, ...], workers: int, max_body_bytes: int, log_text: bool
) -> None:
    """Serve laotext over HTTP: JSON endpoints under /v1/, /healthz, and a live-validation page at /.

    Needs the server extra: pip install 'laotext[server]'. The API is described at /openapi.json.

    \b
    Examples:
      laotext serve
      laotext serve --port 8080 --workers 2
      laotext serve --cors-origin https://gform.example.gov.la
      curl -s localhost:8000/v1/validate -H 'Content-Type: application/json' \\
           -d '{"text": "ບ່ໍມີ", "profile": "text"}'
    """
    missing = _missing_extra()
    if missing:
        click.echo(
            f"laotext: error: laotext serve needs {' and '.join(missing)}, which are not installed; "
            f"install them with: {INSTALL_HINT}",
            err=True,
        )
        sys.exit(EXIT_ERROR)
    import uvicorn

    os.environ["LAOTEXT_SERVER_MAX_BODY_BYTES"] = str(max_body_bytes)
    os.environ["LAOTEXT_SERVER_CORS_ORIGINS"] = " ".join(cors_origins)
    os.environ["LAOTEXT_SERVER_LOG_TEXT"] = "1" if log_text else ""
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"laotext: serving on http://{shown}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(
        "laotext.server.app:from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        server_header=False,
    )
