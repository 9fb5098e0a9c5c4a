"""What the data scripts share: fetching the laonlp wheel from PyPI, and what counts as a Lao word.

The laonlp 1.3.0 wheel carries the Google spell-check list (Apache-2.0) and the Ministry's
Lao–English dictionary (MIT); scripts/make_wordlist.py, make_lexicon.py and make_dictionary.py
read them from it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from laotext.chars import is_assigned, is_lao

LAONLP = "laonlp"
LAONLP_VERSION = "1.3.0"


def download_wheel(folder: Path, package: str = LAONLP, version: str = LAONLP_VERSION) -> Path:
    """Download the wheel of *package* *version* into *folder* with pip and return its path."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    subprocess.run([*command, f"{package}=={version}", "-d", str(folder)], check=True)
    wheels = sorted(folder.glob(f"{package}-{version}-*.whl"), key=lambda path: path.name.lower())
    if not wheels:
        wheels = sorted(folder.glob("*.whl"))
    if not wheels:
        raise SystemExit(f"pip did not leave a wheel of {package} {version} in {folder}")
    return wheels[0]


def is_lao_word(word: str, *, spaces: bool = False) -> bool:
    """Whether *word* is made only of assigned Lao characters (and spaces, if *spaces*)."""
    return bool(word) and all(
        (spaces and char == " ") or (is_lao(char) and is_assigned(char)) for char in word
    )
