"""The live-validation page served at ``/``, and :data:`SNIPPET`, the script a form builder pastes.

Kept as strings in a module so that they are installed with the package like any code. The page uses
the snippet itself, so the snippet shown on the page (and in docs/server.md) is the one that runs.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

__all__ = ["SNIPPET", "render"]

#: Paste this into a page, then call ``laotextCheck(url, field, profile, show)`` for each Lao field.
SNIPPET = """\
// laotext live validation. url: the laotext server ("" when the page comes from it);
// field: an <input> or <textarea>; profile: "text", "lao" or "name", or a function
// returning one. show(result, text) is called after each pause in typing with the
// answer of POST /v1/validate for that text: {valid, issues: [{code, start_utf16,
// end_utf16, message, message_lo, suggestion}], fixed}. Returns a function that
// checks the field at once.
function laotextCheck(url, field, profile, show) {
  let timer = 0, latest = 0;
  const check = () => {
    const mine = ++latest, text = field.value;
    fetch(url + "/v1/validate", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({text, profile: typeof profile === "function" ? profile() : profile}),
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((result) => { if (result && mine === latest) show(result, text); })
      .catch(() => {});
  };
  field.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(check, 200); });
  check();
  return check;
}
"""

_SCRIPT = """
const field = document.getElementById("field");
const profile = document.getElementById("profile");
const shown = document.getElementById("shown");
const list = document.getElementById("issues");
const status = document.getElementById("status");
const fixAll = document.getElementById("fix-all");

function replaceText(text, start, end, replacement) {
  if (field.value !== text) return;  // typed since: the next answer will do
  field.value = text.slice(0, start) + replacement + text.slice(end);
  field.dispatchEvent(new Event("input"));
}

function highlight(text, issues) {
  const marked = new Array(text.length).fill(false);
  for (const issue of issues) {
    for (let i = issue.start_utf16; i < issue.end_utf16; i++) marked[i] = true;
  }
  shown.replaceChildren();
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    const piece = text.slice(i, j);
    if (marked[i]) {
      const mark = document.createElement("mark");
      mark.textContent = piece;
      shown.append(mark);
    } else {
      shown.append(document.createTextNode(piece));
    }
    i = j;
  }
}

function render(result, text) {
  highlight(text, result.issues);
  list.replaceChildren();
  for (const issue of result.issues) {
    const item = document.createElement("li");
    item.className = "issue";
    item.dataset.code = issue.code;
    const lao = document.createElement("span");
    lao.lang = "lo";
    lao.className = "lo";
    lao.textContent = issue.message_lo;
    const english = document.createElement("span");
    english.lang = "en";
    english.className = "en";
    english.textContent = issue.message;
    item.append(lao, english);
    if (issue.suggestion !== null) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "fix";
      button.textContent = "ແກ້ໄຂ · Fix it";
      button.addEventListener("click", () =>
        replaceText(text, issue.start_utf16, issue.end_utf16, issue.suggestion));
      item.append(button);
    }
    list.append(item);
  }
  status.textContent = result.valid ? "ບໍ່ພົບບັນຫາ · No problems found" :
    result.issues.length + " ບັນຫາ · problem(s)";
  status.className = result.valid ? "ok" : "problems";
  fixAll.hidden = result.fixed === text;
  fixAll.onclick = () => replaceText(text, 0, text.length, result.fixed);
}

const checkNow = laotextCheck("", field, () => profile.value, render);
profile.addEventListener("change", checkNow);
"""

_STYLE = """
@font-face {
  font-family: "Phetsarath";
  src: url("/static/Phetsarath-Regular.woff2") format("woff2");
  font-display: swap;
}
body { font-family: "Phetsarath", "Phetsarath OT", "Noto Sans Lao", sans-serif; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.7; color: #1b1b1b; }
textarea { width: 100%; min-height: 5rem; font: inherit; font-size: 1.25rem; padding: .5rem; }
#shown { white-space: pre-wrap; font-size: 1.25rem; min-height: 2rem; padding: .25rem .5rem;
         background: #f6f6f6; border-radius: 4px; }
mark { background: #ffd0d0; border-bottom: 2px solid #c00; }
.issue { margin: .5rem 0; }
.issue .lo { display: block; font-size: 1.1rem; }
.issue .en { display: block; color: #444; }
.ok { color: #06660f; } .problems { color: #b00000; }
button { font: inherit; cursor: pointer; }
pre { background: #f6f6f6; padding: .75rem; overflow-x: auto; font-size: .85rem; line-height: 1.4; }
"""


def render(profiles: Sequence[str]) -> str:
    """The page, offering the validation *profiles* (the first is chosen)."""
    options = "".join(
        f'<option value="{html.escape(name)}">{html.escape(name)}</option>' for name in profiles
    )
    return f"""<!DOCTYPE html>
<html lang="lo">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>laotext · ກວດຂໍ້ຄວາມລາວ</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>ກວດຂໍ້ຄວາມລາວ <small lang="en">· Check Lao text</small></h1>
<p lang="en">Type below: each problem is highlighted and explained in Lao and English as you type.</p>
<p><label for="profile">ແບບ · Profile</label>
<select id="profile">{options}</select></p>
<p><label for="field">ຂໍ້ຄວາມ · Text</label><br>
<textarea id="field" lang="lo" spellcheck="false" autofocus></textarea></p>
<div id="shown" aria-hidden="true"></div>
<p id="status" role="status" aria-live="polite"></p>
<ul id="issues" aria-live="polite"></ul>
<p><button type="button" id="fix-all" hidden>ແກ້ໄຂທັງໝົດ · Fix all</button></p>
<h2 lang="en">Use it on your own page</h2>
<p lang="en">Paste this script into your form page (your page's origin must be allowed with
<code>laotext serve --cors-origin</code>), then call <code>laotextCheck</code> for each Lao field.
The answer is described in <a href="/openapi.json">/openapi.json</a>.</p>
<pre><code>{html.escape(SNIPPET)}
laotextCheck("https://laotext.example.gov.la", document.getElementById("full_name"), "name",
  (result) =&gt; {{ /* show result.issues[i].message_lo next to the field */ }});</code></pre>
<script>
{SNIPPET}{_SCRIPT}</script>
</body>
</html>
"""
