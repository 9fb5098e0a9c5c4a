"""laotext.server: every endpoint and error case through the test client, a real uvicorn server on a free
loopback port, a property-based run of /openapi.json (schemathesis), and the page in headless Chromium.

Needs the server extra and the test tools (``pip install 'laotext[server,test]'``); skipped without
FastAPI. The browser test needs Debian's chromium and chromium-driver and is skipped without them.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import types
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

import warnings

with warnings.catch_warnings():  # Starlette 1.x would rather the test client ran on httpx2
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

import laotext
import laotext.fonts
from laotext.server import MAX_TEXT_CHARS, create_app
from laotext.server import app as server_app
from laotext.server.page import SNIPPET

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

DOCS = Path(__file__).resolve().parents[1] / "docs" / "server.md"
V1 = {"/v1/validate", "/v1/normalize", "/v1/convert", "/v1/segment", "/v1/lookup", "/v1/search"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def _no_romanize(monkeypatch: pytest.MonkeyPatch) -> None:
    real = server_app._find_spec
    monkeypatch.setattr(server_app, "_find_spec", lambda name: name != "laotext.romanization" and real(name))


# -- endpoints --------------------------------------------------------------------------------------------


def test_healthz_lists_the_endpoints(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["version"] == laotext.__version__
    assert set(body["endpoints"]) >= V1


def test_validate_gives_offsets_messages_and_the_fix(client: TestClient) -> None:
    body = client.post("/v1/validate", json={"text": "ບ່ໍມີ", "profile": "text"}).json()
    assert body["valid"] is False and body["fixed"] == "ບໍ່ມີ" and body["profile"] == "text"
    [issue] = body["issues"]
    expected = laotext.validate("ບ່ໍມີ")[0]
    assert issue == {**expected.to_dict(), "start_utf16": 1, "end_utf16": 3}
    assert issue["message_lo"].startswith("ພິມວັນນະຍຸດກ່ອນສະຫຼະ")


def test_validate_clean_text_and_profiles(client: TestClient) -> None:
    assert client.post("/v1/validate", json={"text": "ສະບາຍດີ"}).json() == {
        "profile": "text",
        "valid": True,
        "issues": [],
        "fixed": "ສະບາຍດີ",
    }
    body = client.post("/v1/validate", json={"text": "ສົມພອນ ພົມມະຈັນ2", "profile": "name"}).json()
    assert [(i["code"], i["start"], i["end"]) for i in body["issues"]] == [("not-allowed-character", 15, 16)]


def test_validate_offsets_in_utf16_after_an_emoji(client: TestClient) -> None:
    [issue] = client.post("/v1/validate", json={"text": "😀 ບ່ໍ"}).json()["issues"]
    assert (issue["start"], issue["end"], issue["start_utf16"], issue["end_utf16"]) == (3, 5, 4, 6)


def test_validate_fixed_applies_every_safe_suggestion(client: TestClient) -> None:
    text = "ສະບາຍดี ນໍ້າ ບ່ໍ"
    body = client.post("/v1/validate", json={"text": text}).json()
    assert body["fixed"] == "ສະບາຍດີ ນ້ຳ ບໍ່"
    assert client.post("/v1/validate", json={"text": body["fixed"]}).json()["valid"] is True


def test_normalize_with_switches(client: TestClient) -> None:
    body = client.post("/v1/normalize", json={"text": "ຫນັງສື ນໍ້າ"}).json()
    assert body["text"] == "ໜັງສື ນ້ຳ" and body["changed"] is True
    text = "ຫນັງສື ນໍ້າ"
    for change in reversed(body["changes"]):  # replaying the changes gives the text
        text = text[: change["start"]] + change["after"] + text[change["end"] :]
    assert text == body["text"]
    kept = client.post("/v1/normalize", json={"text": "ຫນັງສື", "ho_ligatures": False}).json()
    assert kept == {"text": "ຫນັງສື", "changed": False, "changes": []}
    lookup = client.post("/v1/normalize", json={"text": "ຫນັງສື", "ho_ligatures": False, "form": "lookup"})
    assert lookup.json()["text"] == "ໜັງສື"


def test_normalize_switches_are_the_library_options() -> None:
    from laotext.normalize import OPTIONS

    fields = set(server_app.NormalizeRequest.model_fields) - {"text", "form"}
    assert fields == set(OPTIONS)


def test_convert_detects_the_encoding(client: TestClient) -> None:
    body = client.post("/v1/convert", json={"text": "ê†\xadÕ"}).json()
    assert body["text"] == "ທີ່ນ້ຳ" and body["encoding"] == "lswin" and body["converted"] is True
    assert body["detection"]["encoding"] == "lswin" and body["steps"]
    given = client.post("/v1/convert", json={"text": "¡ð¾", "encoding": "lswin"}).json()
    assert given["text"] == laotext.to_unicode("¡ð¾", "lswin") and given["detection"] is None
    unicode = client.post("/v1/convert", json={"text": "ສະບາຍດີ"}).json()
    assert unicode["text"] == "ສະບາຍດີ" and unicode["converted"] is False


def test_segment_words_and_sentences(client: TestClient) -> None:
    words = client.post("/v1/segment", json={"text": "ຂ້ອຍຮັກປະເທດລາວ"}).json()
    assert words == {"unit": "words", "tokens": ["ຂ້ອຍ", "ຮັກ", "ປະເທດລາວ"]}
    text = "ລາວເວົ້າວ່າ ໄປ. ແມ່ນແລ້ວ"
    sentences = client.post("/v1/segment", json={"text": text, "unit": "sentences"}).json()["tokens"]
    assert "".join(sentences) == text and len(sentences) == 2
    bare = client.post("/v1/segment", json={"text": "ນ້ຳ ໃຫຍ່", "keep_whitespace": False, "engine": "longest"})
    assert " " not in bare.json()["tokens"]


def test_lookup_and_search(client: TestClient) -> None:
    entries = client.post("/v1/lookup", json={"word": "ຫນັງສື"}).json()["entries"]
    assert entries[0]["headword"] == "ໜັງສື" and "book" in entries[0]["glosses"]
    assert client.post("/v1/lookup", json={"word": "xyz"}).json() == {"word": "xyz", "entries": []}
    hits = client.post("/v1/search", json={"query": "water", "limit": 3}).json()["hits"]
    assert hits[0]["entry"]["headword"] == "ນ້ຳ" and len(hits) <= 3
    assert client.post("/v1/search", json={"query": "   "}).json()["hits"] == []


def test_romanize_absent_without_the_module(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_romanize(monkeypatch)
    with TestClient(create_app()) as client:
        assert "/v1/romanize" not in client.get("/openapi.json").json()["paths"]
        assert client.post("/v1/romanize", json={"text": "ລາວ"}).status_code == 404


def test_romanize_appears_with_the_module(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("laotext.romanization")
    module.__spec__ = ModuleSpec("laotext.romanization", None)
    module.SYSTEMS = ("bgn-pcgn", "ipa")  # type: ignore[attr-defined]
    module.romanize = lambda text, system="bgn-pcgn", *, capitalize=False: f"{system}:{text}"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "laotext.romanization", module)
    with TestClient(create_app()) as client:
        assert client.post("/v1/romanize", json={"text": "ລາວ", "system": "ipa"}).json() == {
            "text": "ipa:ລາວ",
            "system": "ipa",
        }
        assert client.post("/v1/romanize", json={"text": "ລາວ", "system": "x"}).status_code == 422
        schema = client.get("/openapi.json").json()
        assert "/v1/romanize" in schema["paths"]
        assert schema["components"]["schemas"]["RomanizeRequest"]["properties"]["system"]["enum"] == [
            "bgn-pcgn",
            "ipa",
        ]


# -- errors -----------------------------------------------------------------------------------------------

JSON = {"content-type": "application/json"}

ERRORS = [
    # label, path, body bytes, headers, status, error code, words in the message
    ("malformed JSON", "/v1/validate", b'{"text": ', JSON, 400, "malformed-json", "not valid JSON"),
    ("not UTF-8", "/v1/validate", b'{"text": "\xff"}', JSON, 400, "malformed-json", "JSON"),
    ("text a number", "/v1/validate", b'{"text": 5}', JSON, 422, "invalid-request", "body.text"),
    ("text missing", "/v1/validate", b'{"profile": "name"}', JSON, 422, "invalid-request", "body.text"),
    ("empty body", "/v1/validate", b"", JSON, 422, "invalid-request", "body"),
    ("array body", "/v1/validate", b"[1]", JSON, 422, "invalid-request", "JSON object"),
    ("unknown profile", "/v1/validate", b'{"text": "", "profile": "x"}', JSON, 422, "invalid-request", "lao"),
    (
        "unknown field",
        "/v1/validate",
        b'{"text": "", "lang": "lo"}',
        JSON,
        422,
        "invalid-request",
        "body.lang",
    ),
    ("lone surrogate", "/v1/validate", b'{"text": "\\ud800"}', JSON, 422, "invalid-request", "surrogate"),
    ("switch not bool", "/v1/normalize", b'{"text": "", "ho_lo": 1}', JSON, 422, "invalid-request", "ho_lo"),
    ("unknown form", "/v1/normalize", b'{"text": "", "form": "nfkc"}', JSON, 422, "invalid-request", "form"),
    (
        "unknown encoding",
        "/v1/convert",
        b'{"text": "", "encoding": "x"}',
        JSON,
        422,
        "invalid-request",
        "lswin",
    ),
    (
        "unknown engine",
        "/v1/segment",
        b'{"text": "", "engine": "x"}',
        JSON,
        422,
        "invalid-request",
        "longest",
    ),
    ("limit too big", "/v1/search", b'{"query": "a", "limit": 1000}', JSON, 422, "invalid-request", "limit"),
    ("limit a string", "/v1/search", b'{"query": "a", "limit": "5"}', JSON, 422, "invalid-request", "limit"),
    (
        "word too long",
        "/v1/lookup",
        json.dumps({"word": "ກ" * 201}).encode(),
        JSON,
        422,
        "invalid-request",
        "word",
    ),
    (
        "plain text",
        "/v1/validate",
        b'{"text": ""}',
        {"content-type": "text/plain"},
        415,
        "unsupported-media-type",
        "JSON",
    ),
]


@pytest.mark.parametrize(
    ("path", "body", "headers", "status", "code", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in ERRORS],
)
def test_errors_are_clear_json(
    client: TestClient, path: str, body: bytes, headers: dict[str, str], status: int, code: str, words: str
) -> None:
    response = client.post(path, content=body, headers=headers)
    assert response.status_code == status, response.text
    payload = response.json()
    assert payload["error"] == code and words in payload["message"], payload
    assert "Traceback" not in response.text


def test_text_over_the_limit_is_refused(client: TestClient) -> None:
    response = client.post("/v1/validate", json={"text": "ກ" * (MAX_TEXT_CHARS + 1)})
    assert response.status_code == 422 and "at most 100000 characters" in response.json()["message"]
    assert client.post("/v1/validate", json={"text": "ກ" * MAX_TEXT_CHARS}).status_code == 200


def test_body_over_the_limit_gets_413() -> None:
    with TestClient(create_app(max_body_bytes=100)) as small:
        response = small.post("/v1/validate", json={"text": "ກ" * 100})
        assert response.status_code == 413 and response.json()["error"] == "body-too-large"
        assert small.post("/v1/validate", json={"text": "ກ"}).status_code == 200


def test_streamed_body_over_the_limit_gets_413() -> None:
    """A chunked body has no Content-Length: the bytes are counted as they arrive."""

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(50):
            yield b"x" * 10
        yield b'"}'

    with TestClient(create_app(max_body_bytes=100)) as small:
        response = small.post("/v1/validate", content=chunks(), headers=JSON)
    assert response.status_code == 413 and response.json()["error"] == "body-too-large"


def test_not_found_and_wrong_method_are_json(client: TestClient) -> None:
    missing = client.get("/v2/nothing")
    assert missing.status_code == 404 and missing.json()["error"] == "not-found"
    wrong = client.get("/v1/validate")
    assert wrong.status_code == 405 and wrong.json()["error"] == "method-not-allowed"
    assert wrong.headers["allow"] == "POST"


def test_unexpected_exceptions_give_json_500_without_traceback(caplog: pytest.LogCaptureFixture) -> None:
    app = create_app()

    def broken() -> None:
        raise RuntimeError("secret ສະບາຍດີ inside")

    app.add_api_route("/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as test:
        response = test.get("/broken")
    assert response.status_code == 500 and response.json()["error"] == "internal-error"
    assert "Traceback" not in response.text and "secret" not in response.text
    assert "secret" not in caplog.text and "RuntimeError" in caplog.text


def test_cors_only_when_configured() -> None:
    origin = "https://gform.example.gov.la"
    headers = {"Origin": origin}
    with TestClient(create_app()) as closed:
        assert (
            "access-control-allow-origin"
            not in closed.post("/v1/validate", json={"text": ""}, headers=headers).headers
        )
    with TestClient(create_app(cors_origins=[origin], max_body_bytes=50)) as open_:
        response = open_.post("/v1/validate", json={"text": "ລາວ"}, headers=headers)
        assert response.headers["access-control-allow-origin"] == origin
        preflight = open_.options(
            "/v1/validate",
            headers={
                **headers,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == origin
        other = open_.post("/v1/validate", json={"text": ""}, headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
        too_big = open_.post("/v1/validate", json={"text": "ກ" * 50}, headers=headers)
        assert too_big.status_code == 413 and too_big.headers["access-control-allow-origin"] == origin


def test_text_is_logged_only_when_asked(caplog: pytest.LogCaptureFixture) -> None:
    secret = "ຊື່ລັບສະເພາະ"
    caplog.set_level(logging.DEBUG, logger="laotext.server")
    with TestClient(create_app()) as quiet:
        quiet.post("/v1/validate", json={"text": secret})
    assert secret not in caplog.text and "validate: 12 characters" in caplog.text
    caplog.clear()
    with TestClient(create_app(log_text=True)) as loud:
        loud.post("/v1/validate", json={"text": secret})
    assert secret in caplog.text


def test_create_app_refuses_a_bad_limit() -> None:
    with pytest.raises(ValueError, match="max_body_bytes"):
        create_app(max_body_bytes=0)


# -- the OpenAPI document and the page --------------------------------------------------------------------


def test_openapi_lists_exactly_the_endpoints(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_romanize(monkeypatch)
    app = create_app()
    with TestClient(app) as test:
        schema = test.get("/openapi.json").json()
        offered = set(test.get("/healthz").json()["endpoints"])
    assert set(schema["paths"]) == V1 | {"/healthz"} and offered == V1
    for path in V1:
        operation = schema["paths"][path]["post"]
        assert set(operation) >= {"requestBody", "responses"}
        assert {"200", "400", "413", "415", "422"} <= set(operation["responses"])
        assert operation["responses"]["422"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ErrorResponse"
        }
    request = schema["components"]["schemas"]["ValidateRequest"]
    assert request["additionalProperties"] is False
    assert request["properties"]["text"]["maxLength"] == MAX_TEXT_CHARS
    assert request["properties"]["profile"]["enum"] == ["lao", "name", "text"]
    with TestClient(app) as test:  # every operation listed answers, with its method
        for path, operations in schema["paths"].items():
            for method in operations:
                answer = test.request(method, path, json={})
                assert answer.status_code not in (404, 405), (method, path)


def test_page_uses_the_snippet_and_the_bundled_font(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert SNIPPET in page.text and "/static/Phetsarath-Regular.woff2" in page.text
    font = client.get("/static/Phetsarath-Regular.woff2")
    assert font.headers["content-type"] == "font/woff2"
    assert font.content == laotext.fonts.path("Phetsarath").read_bytes()


def test_docs_show_the_same_snippet() -> None:
    assert SNIPPET in DOCS.read_text(encoding="utf-8")


# -- the command ------------------------------------------------------------------------------------------


def test_serve_command_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from laotext.cli import serve as serve_module

    monkeypatch.setattr(serve_module, "_missing_extra", lambda: ["fastapi"])
    result = CliRunner().invoke(serve_module.serve, [])
    assert result.exit_code == 2 and "pip install 'laotext[server]'" in result.output
    assert "--cors-origin" in CliRunner().invoke(serve_module.serve, ["--help"]).output


# -- a real server ----------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    def __init__(self, url: str, log: Path) -> None:
        self.url = url
        self.log = log

    def post(self, path: str, payload: Any, headers: dict[str, str] | None = None) -> tuple[int, Any]:
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        request = urllib.request.Request(
            self.url + path, data=data, headers={"Content-Type": "application/json", **(headers or {})}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())


@pytest.fixture(scope="module")
def live() -> Iterator[LiveServer]:
    """``uvicorn --factory laotext.server.app:from_environment`` on a free loopback port.

    The default body limit (1 MiB) holds the longest text allowed even written as ``\\uXXXX`` escapes,
    so that a text over the limit gets the 422 the OpenAPI document promises, not a 413.
    """
    port = _free_port()
    folder = Path(tempfile.mkdtemp())
    log = folder / "server.log"
    env = {**os.environ, "LAOTEXT_SERVER_MAX_BODY_BYTES": "", "LAOTEXT_SERVER_LOG_TEXT": ""}  # 1 MiB
    command = [sys.executable, "-m", "uvicorn", "--factory", "laotext.server.app:from_environment"]
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", str(port)], stdout=output, stderr=output, env=env
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the server did not start:\n" + log.read_text(errors="replace"))
                time.sleep(0.1)
        yield LiveServer(url, log)
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def test_real_server_over_http(live: LiveServer) -> None:
    secret = "ບ່ໍມີຊື່ລັບ"
    status, body = live.post("/v1/validate", {"text": secret})
    assert status == 200 and body["issues"][0]["code"] == "tone-before-vowel"
    assert live.post("/v1/validate", b"{nope")[0] == 400
    # A 2 MB body is refused from its Content-Length, before any of it is sent.
    connection = http.client.HTTPConnection(live.url.removeprefix("http://"), timeout=10)
    connection.putrequest("POST", "/v1/validate")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(2_000_000))
    connection.endheaders()
    refused = connection.getresponse()
    assert refused.status == 413 and json.loads(refused.read())["error"] == "body-too-large"
    connection.close()
    with urllib.request.urlopen(live.url + "/healthz", timeout=10) as response:
        assert json.loads(response.read())["status"] == "ok"
    assert secret not in live.log.read_text(encoding="utf-8", errors="replace")


def test_schemathesis_finds_no_server_error(live: LiveServer) -> None:
    """Positive and negative cases generated from /openapi.json, every default check, zero 5xx."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_url(live.url + "/openapi.json")
    statuses: Counter[int] = Counter()
    examples = 12
    for result in schema.get_all_operations():
        operation = result.ok()
        modes = list(schemathesis.GenerationMode) if operation.method.upper() == "POST" else []
        for mode in modes or [schemathesis.GenerationMode.POSITIVE]:  # no input, nothing to make invalid

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=examples,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            def run(case: Any) -> None:
                response = case.call(base_url=live.url)
                statuses[response.status_code] += 1
                case.validate_response(response)

            run()
    total = sum(statuses.values())
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    print(
        f"\nschemathesis: {total} requests, statuses {dict(sorted(statuses.items()))}, 5xx: {server_errors}"
    )
    assert total >= 100 and server_errors == 0


def test_a_run_of_niggahita_is_answered_quickly() -> None:
    script = (
        "from fastapi.testclient import TestClient; from laotext.server import create_app; "
        "print(TestClient(create_app()).post('/v1/validate', json={'text': '\u0ecd' * 3000}).status_code)"
    )
    try:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=8)
    except subprocess.TimeoutExpired:
        pytest.fail("no answer within 8 s")
    assert done.stdout.strip() == "200"


# -- the page in a browser --------------------------------------------------------------------------------

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def test_page_in_headless_chromium(live: LiveServer) -> None:
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    profile = tempfile.mkdtemp()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        browser.get(live.url + "/")
        wait = WebDriverWait(browser, 15)
        wait.until(lambda b: "No problems" in b.find_element(By.ID, "status").text)  # the empty field
        field = browser.find_element(By.ID, "field")
        field.send_keys("ບ່ໍມີ")
        issue = wait.until(
            lambda b: b.find_elements(By.CSS_SELECTOR, 'li.issue[data-code="tone-before-vowel"]')
        )
        assert "ພິມວັນນະຍຸດກ່ອນສະຫຼະ" in issue[0].find_element(By.CLASS_NAME, "lo").text
        assert "tone mark is typed before its vowel" in issue[0].find_element(By.CLASS_NAME, "en").text
        assert browser.find_element(By.CSS_SELECTOR, "#shown mark").get_attribute("textContent") == "່ໍ"
        issue[0].find_element(By.CLASS_NAME, "fix").click()
        wait.until(lambda b: "No problems" in b.find_element(By.ID, "status").text)
        assert field.get_attribute("value") == "ບໍ່ມີ"
        loaded = browser.execute_async_script(
            "const done = arguments[0];"
            "document.fonts.load('16px Phetsarath', 'ລາວ')"
            ".then((faces) => done(faces.length), () => done(-1));"
        )
        assert loaded == 1  # the bundled web font was fetched from /static and used
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)
