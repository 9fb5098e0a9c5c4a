"""The HTTP application: JSON endpoints under ``/v1/``, ``/healthz``, the live-validation page at ``/``.

Each endpoint is an entry of :data:`ENDPOINTS`, added only when the library module it needs is
present (``laotext.romanization`` is optional), so ``/openapi.json`` always lists exactly what answers.
Requests and responses are pydantic models, so the OpenAPI document states the real limits: text
fields hold at most :data:`MAX_TEXT_CHARS` characters, unknown fields are refused, types are strict.

Every error is a JSON :class:`ErrorResponse`: 400 for a body that is not JSON, 413 for a body over
``max_body_bytes`` (refused as soon as its ``Content-Length`` or the bytes received so far pass the
limit), 415 for a body sent as something other than JSON, 422 for a field of the wrong type, missing
or out of range. The inputs are checked so that the library never raises; a last-resort guard still
answers any unexpected exception with a JSON 500 that carries no traceback. Text is not logged
unless ``log_text`` is set.
"""

import bisect
import importlib
import importlib.util
import json
import logging
import os
from collections.abc import Awaitable, Callable, Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from laotext._version import __version__

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "ENDPOINTS",
    "MAX_QUERY_CHARS",
    "MAX_TEXT_CHARS",
    "Endpoint",
    "ErrorResponse",
    "create_app",
    "from_environment",
]

#: The largest request body accepted by default (1 MiB).
DEFAULT_MAX_BODY_BYTES = 1_048_576
#: The most characters a text field may hold (checked before the library sees the text).
MAX_TEXT_CHARS = 100_000
#: The most characters of a dictionary word or search query.
MAX_QUERY_CHARS = 200
#: The romanization systems offered when ``laotext.romanization`` does not list its own in ``SYSTEMS``.
ROMANIZE_SYSTEMS = ("bgn-pcgn", "ala-lc", "moh2020", "ipa", "official")

logger = logging.getLogger("laotext.server")

ASGIApp = Callable[
    [
        MutableMapping[str, Any],
        Callable[[], Awaitable[MutableMapping[str, Any]]],
        Callable[..., Awaitable[None]],
    ],
    Awaitable[None],
]
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def _find_spec(name: str) -> bool:
    """Whether the module *name* can be imported (tests replace this to hide or show a module)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


# -- JSON that never fails to encode ----------------------------------------------------------------------


class LaoJSONResponse(JSONResponse):
    """JSON with Lao as UTF-8 characters; text holding a lone surrogate (JSON allows ``"\\ud800"``)
    is written with ASCII escapes instead of failing."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode()


# -- models -----------------------------------------------------------------------------------------------


class _Request(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS, description=f"At most {MAX_TEXT_CHARS:,} characters.")]


def _enum_of(values: Callable[[], Sequence[str]]) -> Callable[[dict[str, Any]], None]:
    """A ``json_schema_extra`` that lists the allowed values when the schema is built (not at import)."""

    def extra(schema: dict[str, Any]) -> None:
        schema["enum"] = list(values())

    return extra


def _one_of(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; use one of: {', '.join(allowed)}")
    return value


def _profiles() -> list[str]:
    from laotext.validate import profile_names

    return profile_names()


def _engines() -> list[str]:
    from laotext.segment.engines import ENGINES

    return list(ENGINES)


def _encodings() -> list[str]:
    from laotext.legacy import encodings

    return ["auto", *(encoding.name for encoding in encodings())]


def _romanize_module() -> ModuleType:
    return importlib.import_module("laotext.romanization")


def _systems() -> list[str]:
    listed = getattr(_romanize_module(), "SYSTEMS", None)
    return [str(name) for name in listed] if listed else list(ROMANIZE_SYSTEMS)


class ErrorDetail(BaseModel):
    """One problem with a request: where (``body.text``) and what."""

    location: str
    message: str


class ErrorResponse(BaseModel):
    """Every error the server sends: a stable ``error`` code, a message for people, and details."""

    error: str = Field(description="bad-request, malformed-json, body-too-large, unsupported-media-type, …")
    message: str
    details: list[ErrorDetail] = []


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    endpoints: list[str]


class ValidateRequest(_Request):
    text: Text
    profile: str = Field(
        "text", description="A bundled validation profile.", json_schema_extra=_enum_of(_profiles)
    )

    @field_validator("profile")
    @classmethod
    def _known_profile(cls, value: str) -> str:
        return _one_of(value, _profiles(), "validation profile")


class IssueOut(BaseModel):
    code: str = Field(description="A stable identifier, such as tone-before-vowel.")
    start: int = Field(description="Offset of the problem in code points: text[start:end].")
    end: int
    start_utf16: int = Field(description="The same offsets in UTF-16 units, as JavaScript strings count.")
    end_utf16: int
    message: str = Field(description="The problem in English.")
    message_lo: str = Field(description="The problem in Lao.")
    suggestion: str | None = Field(description="What to put in place of text[start:end]; null: no safe fix.")


class ValidateResponse(BaseModel):
    profile: str
    valid: bool
    issues: list[IssueOut]
    fixed: str = Field(description="The text with every safe suggestion applied.")


class NormalizeRequest(_Request):
    text: Text
    form: Literal["standard", "lookup"] = "standard"
    thai_lookalikes: bool | None = None
    zero_width: bool | None = None
    zero_width_breaks: bool | None = None
    ho_ligatures: bool | None = None
    ho_lo: bool | None = None
    misplaced_tones: bool | None = None


class ChangeOut(BaseModel):
    start: int
    end: int
    before: str
    after: str
    fixes: list[str]
    description: str


class NormalizeResponse(BaseModel):
    text: str
    changed: bool
    changes: list[ChangeOut] = Field(
        description="Offsets into the text sent: original[start:end] became after."
    )


class ConvertRequest(_Request):
    text: Text = Field(description="Legacy font text, as the characters a word processor shows for it.")
    encoding: str = Field(
        "auto", description="auto detects the encoding.", json_schema_extra=_enum_of(_encodings)
    )

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str) -> str:
        return _one_of(value, _encodings(), "encoding")


class DetectionOut(BaseModel):
    encoding: str
    confidence: float
    evidence: str


class UnknownCodeOut(BaseModel):
    start: int
    end: int
    code: int


class ConvertResponse(BaseModel):
    text: str
    encoding: str = Field(
        description="The table used, or unicode / not-lao when the text was left as it was."
    )
    converted: bool
    detection: DetectionOut | None
    unknown: list[UnknownCodeOut]
    steps: list[str]


class SegmentRequest(_Request):
    text: Text
    unit: Literal["words", "sentences"] = "words"
    engine: str = Field("default", json_schema_extra=_enum_of(_engines))
    keep_whitespace: bool = True

    @field_validator("engine")
    @classmethod
    def _known_engine(cls, value: str) -> str:
        return _one_of(value, _engines(), "segmentation engine")


class SegmentResponse(BaseModel):
    unit: str
    tokens: list[str]


class LookupRequest(_Request):
    word: str = Field(max_length=MAX_QUERY_CHARS)


class EntryOut(BaseModel):
    headword: str
    variants: list[str]
    part_of_speech: str
    glosses: list[str]
    pronunciation: str
    source: str


class LookupResponse(BaseModel):
    word: str
    entries: list[EntryOut]


class SearchRequest(_Request):
    query: str = Field(max_length=MAX_QUERY_CHARS)
    lang: Literal["auto", "lo", "en"] = "auto"
    mode: Literal["prefix", "contains", "word"] = "prefix"
    limit: int = Field(20, ge=1, le=100)

    @field_validator("limit", mode="before")
    @classmethod
    def _integral(cls, value: Any) -> Any:
        """JSON Schema counts 20.0 as an integer, so it is one here too."""
        return int(value) if isinstance(value, float) and value.is_integer() else value


class SearchHitOut(BaseModel):
    entry: EntryOut
    rank: int
    matched: str


class SearchResponse(BaseModel):
    query: str
    hits: list[SearchHitOut]


class RomanizeRequest(_Request):
    text: Text
    system: str = Field("bgn-pcgn", json_schema_extra=_enum_of(_systems))
    capitalize: bool = False

    @field_validator("system")
    @classmethod
    def _known_system(cls, value: str) -> str:
        return _one_of(value, _systems(), "romanization system")


class RomanizeResponse(BaseModel):
    text: str
    system: str


# -- the endpoints ----------------------------------------------------------------------------------------


def _utf16_offsets(text: str) -> Callable[[int], int]:
    """Map code point offsets of *text* to UTF-16 offsets (linear: one scan, then a bisect each)."""
    astral = [i for i, char in enumerate(text) if ord(char) > 0xFFFF] if not text.isascii() else []
    return lambda index: index + bisect.bisect_left(astral, index)


def _apply_fixes(text: str, issues: Iterable[Any]) -> str:
    """*text* with the suggestions of the issues applied, last first, skipping any that overlap."""
    pieces: list[str] = []
    end = len(text)
    for issue in sorted(issues, key=lambda issue: (issue.start, issue.end), reverse=True):
        if issue.suggestion is None or issue.end > end:
            continue
        pieces += [text[issue.end : end], issue.suggestion]
        end = issue.start
    pieces.append(text[:end])
    return "".join(reversed(pieces))


class _Log:
    """Says which endpoint ran, and with what text only when the operator asked for it."""

    def __init__(self, log_text: bool) -> None:
        self.log_text = log_text

    def __call__(self, endpoint: str, text: str) -> None:
        if self.log_text:
            logger.info("%s: %r", endpoint, text)
        else:
            logger.debug("%s: %d characters", endpoint, len(text))


def _add_validate(router: APIRouter, log: _Log) -> None:
    from laotext.validate import validate

    @router.post("/v1/validate", summary="Check a form field", response_model=ValidateResponse)
    def validate_text(request: ValidateRequest) -> ValidateResponse:
        """The problems in *text* under *profile*, each with its place, English and Lao messages and
        the safe fix, and the whole text with every safe fix applied."""
        log("validate", request.text)
        issues = validate(request.text, request.profile)
        utf16 = _utf16_offsets(request.text)
        return ValidateResponse(
            profile=request.profile,
            valid=not issues,
            issues=[
                IssueOut(
                    code=issue.code,
                    start=issue.start,
                    end=issue.end,
                    start_utf16=utf16(issue.start),
                    end_utf16=utf16(issue.end),
                    message=issue.message,
                    message_lo=issue.message_lo,
                    suggestion=issue.suggestion,
                )
                for issue in issues
            ],
            fixed=_apply_fixes(request.text, issues),
        )


def _add_normalize(router: APIRouter, log: _Log) -> None:
    from laotext.normalize import OPTIONS, normalize_and_explain

    @router.post("/v1/normalize", summary="Normalize Lao text", response_model=NormalizeResponse)
    def normalize_text(request: NormalizeRequest) -> NormalizeResponse:
        """The text with Lao spelling variants fixed and NFC applied, and what changed where. The
        switches left out keep the library's defaults."""
        log("normalize", request.text)
        switches = {name: value for name in OPTIONS if (value := getattr(request, name)) is not None}
        result = normalize_and_explain(request.text, form=request.form, **switches)
        return NormalizeResponse(
            text=result.text,
            changed=result.text != request.text,
            changes=[
                ChangeOut(
                    start=change.start,
                    end=change.end,
                    before=change.before,
                    after=change.after,
                    fixes=list(change.fixes),
                    description=change.description,
                )
                for change in result.changes
            ],
        )


def _add_convert(router: APIRouter, log: _Log) -> None:
    from laotext.legacy import to_unicode_and_explain

    @router.post("/v1/convert", summary="Convert legacy font text to Unicode", response_model=ConvertResponse)
    def convert_text(request: ConvertRequest) -> ConvertResponse:
        """Legacy Lao font text (Saysettha Lao, Boupha …) converted to Unicode, with the encoding
        detected (``auto``) or given; text that is Unicode already, or not Lao, is left as it is."""
        log("convert", request.text)
        result = to_unicode_and_explain(request.text, request.encoding)
        found = result.detection
        return ConvertResponse(
            text=result.text,
            encoding=result.encoding,
            converted=result.converted,
            detection=None
            if found is None
            else DetectionOut(encoding=found.encoding, confidence=found.confidence, evidence=found.evidence),
            unknown=[UnknownCodeOut(start=u.start, end=u.end, code=u.code) for u in result.unknown],
            steps=list(result.steps),
        )


def _add_segment(router: APIRouter, log: _Log) -> None:
    from laotext.segment import sent_tokenize, word_tokenize

    @router.post("/v1/segment", summary="Split text into words or sentences", response_model=SegmentResponse)
    def segment_text(request: SegmentRequest) -> SegmentResponse:
        """Words (with *engine*) or sentences; with ``keep_whitespace`` the tokens join back into the text."""
        log("segment", request.text)
        if request.unit == "sentences":
            tokens = sent_tokenize(request.text)
            if not request.keep_whitespace:
                tokens = [token.strip() for token in tokens if token.strip()]
        else:
            tokens = word_tokenize(
                request.text, engine=request.engine, keep_whitespace=request.keep_whitespace
            )
        return SegmentResponse(unit=request.unit, tokens=tokens)


def _entry(entry: Any) -> EntryOut:
    return EntryOut.model_validate(entry.as_dict())


def _add_dictionary(router: APIRouter, log: _Log) -> None:
    from laotext.dictionary import lookup, search

    @router.post("/v1/lookup", summary="Look a Lao word up", response_model=LookupResponse)
    def lookup_word(request: LookupRequest) -> LookupResponse:
        """The dictionary entries of a Lao word, found whatever its spelling variant."""
        log("lookup", request.word)
        return LookupResponse(word=request.word, entries=[_entry(entry) for entry in lookup(request.word)])

    @router.post("/v1/search", summary="Search the dictionary", response_model=SearchResponse)
    def search_dictionary(request: SearchRequest) -> SearchResponse:
        """Lao headwords by prefix, substring or whole word, or English glosses holding every word."""
        log("search", request.query)
        hits = search(request.query, lang=request.lang, mode=request.mode, limit=request.limit)
        return SearchResponse(
            query=request.query,
            hits=[SearchHitOut(entry=_entry(hit.entry), rank=hit.rank, matched=hit.matched) for hit in hits],
        )


def _add_romanize(router: APIRouter, log: _Log) -> None:
    romanize = getattr(_romanize_module(), "romanize", None)
    if not callable(romanize):
        logger.warning("laotext.romanization has no romanize function: /v1/romanize is not offered")
        return

    @router.post("/v1/romanize", summary="Write Lao in Latin letters", response_model=RomanizeResponse)
    def romanize_text(request: RomanizeRequest) -> RomanizeResponse:
        """Lao text romanized by *system*; text in other scripts passes through."""
        log("romanize", request.text)
        written = romanize(request.text, system=request.system, capitalize=request.capitalize)
        return RomanizeResponse(text=str(written), system=request.system)


@dataclass(frozen=True)
class Endpoint:
    """A group of endpoints and the library module it needs; ``add`` puts its routes on a router."""

    name: str
    module: str
    add: Callable[[APIRouter, _Log], None]


#: Every group of JSON endpoints, added when its module is present.
ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("validate", "laotext.validate", _add_validate),
    Endpoint("normalize", "laotext.normalize", _add_normalize),
    Endpoint("convert", "laotext.legacy", _add_convert),
    Endpoint("segment", "laotext.segment", _add_segment),
    Endpoint("dictionary", "laotext.dictionary", _add_dictionary),
    Endpoint("romanize", "laotext.romanization", _add_romanize),
)


# -- errors -----------------------------------------------------------------------------------------------

_ERROR_CODES = {
    400: "bad-request",
    404: "not-found",
    405: "method-not-allowed",
    413: "body-too-large",
    415: "unsupported-media-type",
}

_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "The body is not JSON (or not UTF-8)."},
    413: {"model": ErrorResponse, "description": "The body is larger than the server accepts."},
    415: {"model": ErrorResponse, "description": "The body was not sent as application/json."},
    422: {"model": ErrorResponse, "description": "A field is missing, of the wrong type or out of range."},
}


def _error(status: int, code: str, message: str, details: Sequence[ErrorDetail] = ()) -> LaoJSONResponse:
    body = ErrorResponse(error=code, message=message, details=list(details))
    return LaoJSONResponse(body.model_dump(), status_code=status)


def _is_json(content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    return kind == "application/json" or (kind.startswith("application/") and kind.endswith("+json"))


# Pydantic's wording, where it leaves a person guessing.
_CLEARER = {
    "string_unicode": "holds a lone UTF-16 surrogate (such as \\ud800), which is not a character",
    "model_attributes_type": 'should be a JSON object, such as {"text": "ສະບາຍດີ"}',
}


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    content_type = request.headers.get("content-type")
    if content_type is not None and not _is_json(content_type):
        return _error(
            415,
            "unsupported-media-type",
            f"the body was sent as {content_type.split(';')[0]!r}; send JSON with "
            "the header Content-Type: application/json",
        )
    for error in errors:
        if error.get("type") == "json_invalid":
            reason = (error.get("ctx") or {}).get("error", "")
            where = error["loc"][-1] if len(error.get("loc", ())) > 1 else "?"
            return _error(
                400,
                "malformed-json",
                f"the body is not valid JSON ({reason} at character {where}); "
                'send an object such as {"text": "ສະບາຍດີ"}',
            )
    details = [
        ErrorDetail(
            location=".".join(str(part) for part in error.get("loc", ())) or "body",
            message=_CLEARER.get(str(error.get("type")), str(error.get("msg", "invalid"))),
        )
        for error in errors
    ]
    shown = "; ".join(f"{detail.location}: {detail.message}" for detail in details[:5])
    more = f" (and {len(details) - 5} more)" if len(details) > 5 else ""
    return _error(422, "invalid-request", f"the request is not valid: {shown}{more}", details)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = _ERROR_CODES.get(exc.status_code, "error")
    message = str(exc.detail)
    if exc.status_code == 400 and message == "There was an error parsing the body":
        code, message = "malformed-json", "the body could not be read as JSON: send UTF-8 JSON"
    response = _error(exc.status_code, code, message)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _internal_error(request: Request, exc: Exception) -> Response:
    logger.error("unexpected %s in %s %s", type(exc).__name__, request.method, request.url.path)
    return _error(
        500, "internal-error", "the server could not handle this request; the error has been logged"
    )


class _BodyTooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: refuse bodies over *max_body_bytes* with 413 (by ``Content-Length``, or as soon
    as the bytes received pass the limit), and answer any exception that escapes the application with
    a JSON 500 that holds no traceback (logged by type only, unless *log_text*)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, log_text: bool) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.log_text = log_text

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            length = dict(scope.get("headers", [])).get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
                await self._refuse(scope, send_watched, 413 if length.isdigit() else 400)
                return
            body = await self._read_body(receive)
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()  # waits for the client to disconnect

            await self.app(scope, replay, send_watched)
        except _BodyTooLarge:
            if not started:
                await self._refuse(scope, send_watched, 413)
        except Exception as error:
            if self.log_text:
                logger.exception("unexpected error in %s %s", scope.get("method"), scope.get("path"))
            else:
                logger.error(
                    "unexpected %s in %s %s", type(error).__name__, scope.get("method"), scope.get("path")
                )
            if not started:
                response = _error(500, "internal-error", "the server could not handle this request")
                await response(scope, receive, send)

    async def _read_body(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return b"".join(chunks)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                raise _BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _refuse(self, scope: Scope, send: Send, status: int) -> None:
        if status == 413:
            response = _error(
                413, "body-too-large", f"the request body is larger than {self.max_body_bytes:,} bytes"
            )
        else:
            response = _error(400, "bad-request", "the Content-Length header is not a number")
        response.headers["Connection"] = "close"
        await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


# -- the application --------------------------------------------------------------------------------------


def create_app(
    *,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    cors_origins: Iterable[str] = (),
    log_text: bool = False,
) -> FastAPI:
    """The laotext ASGI application.

    *cors_origins* are the web origins (``https://gform.example.gov.la``) whose pages may call the API
    from the browser; none by default. *log_text* logs the text of each request (off: only lengths,
    at debug level).

    >>> from fastapi.testclient import TestClient
    >>> TestClient(create_app()).post("/v1/validate", json={"text": "ບ່ໍມີ"}).json()["fixed"]
    'ບໍ່ມີ'
    """
    if not isinstance(max_body_bytes, int) or max_body_bytes < 1:
        raise ValueError(f"max_body_bytes must be a positive int, not {max_body_bytes!r}")
    from laotext.server import page

    app = FastAPI(
        title="laotext",
        version=__version__,
        description="Lao text over HTTP: validate form fields, normalize, convert legacy fonts, segment, "
        f"look words up. Bodies are JSON of at most {max_body_bytes:,} bytes; text fields hold at most "
        f"{MAX_TEXT_CHARS:,} characters.",
        default_response_class=LaoJSONResponse,
        docs_url=None,
        redoc_url=None,
    )
    router = APIRouter(responses=_ERROR_RESPONSES)
    log = _Log(log_text)
    for endpoint in ENDPOINTS:
        if not _find_spec(endpoint.module):
            continue
        try:
            endpoint.add(router, log)
        except ImportError as error:  # a module being written may not import yet
            logger.warning("%s endpoints not offered: %s", endpoint.name, error)
    offered = sorted(route.path for route in router.routes if hasattr(route, "path"))

    @app.get("/healthz", summary="Health check for operators", response_model=Health)
    def healthz() -> Health:
        """``ok`` while the server answers, with the version and the JSON endpoints offered."""
        return Health(status="ok", version=__version__, endpoints=offered)

    app.include_router(router)

    shown = page.render(_profiles())

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def index() -> HTMLResponse:
        return HTMLResponse(shown, headers={"X-Content-Type-Options": "nosniff"})

    font = _font_path()

    @app.get("/static/Phetsarath-Regular.woff2", include_in_schema=False)
    def phetsarath() -> FileResponse:
        return FileResponse(font, media_type="font/woff2", headers={"Cache-Control": "public, max-age=86400"})

    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _internal_error)
    app.add_middleware(Guard, max_body_bytes=max_body_bytes, log_text=log_text)
    origins = list(cors_origins)
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
            max_age=600,
        )
    return app


def _font_path() -> str:
    from laotext.fontinfo import path  # what laotext.fonts.path is

    return str(path("Phetsarath"))


def from_environment() -> FastAPI:
    """:func:`create_app` with settings from the environment, for ``uvicorn --factory`` and workers.

    ``LAOTEXT_SERVER_MAX_BODY_BYTES`` (a number), ``LAOTEXT_SERVER_CORS_ORIGINS`` (origins separated by
    spaces or commas), ``LAOTEXT_SERVER_LOG_TEXT`` (``1`` to log text).
    """
    size = os.environ.get("LAOTEXT_SERVER_MAX_BODY_BYTES", "")
    origins = os.environ.get("LAOTEXT_SERVER_CORS_ORIGINS", "").replace(",", " ").split()
    return create_app(
        max_body_bytes=int(size) if size else DEFAULT_MAX_BODY_BYTES,
        cors_origins=origins,
        log_text=os.environ.get("LAOTEXT_SERVER_LOG_TEXT", "") in ("1", "true", "yes"),
    )
