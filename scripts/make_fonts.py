"""Regenerate the fonts shipped in fonts/ and their licence files, from the package registries.

* Phetsarath regular and bold (the Google Fonts build of the Lao national font, (c) Ministry of Posts
  and Telecommunications, Laos; SIL OFL 1.1): the Lao-subset WOFF2 files of the npm package
  ``@fontsource/phetsarath`` (``files/phetsarath-lao-400-normal.woff2`` and ``-700-``), with the
  package's ``LICENSE`` written as ``fonts/OFL-Phetsarath.txt``. The script runs ``npm pack``, or
  takes a downloaded tarball with ``--tgz``.
* Noto Sans Lao and Noto Looped Lao, regular and bold (Google; SIL OFL 1.1): the TrueType files of
  the Debian package ``fonts-noto-core`` (``usr/share/fonts/truetype/noto/``). The licence file
  ``fonts/OFL-Noto.txt`` is the fonts' own copyright lines (name table, ID 0) followed by the OFL
  text of the package's ``debian/copyright`` (its ``License: OFL-1.1`` paragraph, unfolded). The
  script runs ``apt-get download``, or takes a downloaded package with ``--deb``.

The Debian package ``fonts-lao`` carries only Phetsarath OT 1.00 (2005), which is LGPL-2.1-or-later
and is not shipped. Nothing is changed in the font files: they are copied byte for byte, and the
script prints each file's version and SHA-256 so that data/SOURCES.md can be checked against it.

Usage::

    python scripts/make_fonts.py                      # runs npm pack and apt-get download
    python scripts/make_fonts.py --tgz fontsource-phetsarath-5.3.0.tgz \\
        --deb fonts-noto-core_20201225-1_all.deb
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "fonts"
NPM_PACKAGE = "@fontsource/phetsarath"
DEB_PACKAGE = "fonts-noto-core"
#: Member of the npm tarball -> file written in fonts/.
NPM_FILES = {
    "package/files/phetsarath-lao-400-normal.woff2": "Phetsarath-Regular.woff2",
    "package/files/phetsarath-lao-700-normal.woff2": "Phetsarath-Bold.woff2",
}
NPM_LICENCE = "package/LICENSE"
#: Member of the Debian package -> file written in fonts/.
DEB_FILES = {
    "./usr/share/fonts/truetype/noto/NotoSansLao-Regular.ttf": "NotoSansLao-Regular.ttf",
    "./usr/share/fonts/truetype/noto/NotoSansLao-Bold.ttf": "NotoSansLao-Bold.ttf",
    "./usr/share/fonts/truetype/noto/NotoLoopedLao-Regular.ttf": "NotoLoopedLao-Regular.ttf",
    "./usr/share/fonts/truetype/noto/NotoLoopedLao-Bold.ttf": "NotoLoopedLao-Bold.ttf",
}
DEB_COPYRIGHT = f"./usr/share/doc/{DEB_PACKAGE}/copyright"


def npm_pack(folder: Path) -> Path:
    """Download the npm package tarball into *folder* and return its path."""
    subprocess.run(["npm", "pack", NPM_PACKAGE, "--pack-destination", str(folder)], check=True)
    found = sorted(folder.glob("fontsource-phetsarath-*.tgz"))
    if not found:
        raise SystemExit(f"npm pack did not leave a tarball of {NPM_PACKAGE} in {folder}")
    return found[-1]


def apt_download(folder: Path) -> Path:
    """Download the Debian package into *folder* and return its path."""
    subprocess.run(["apt-get", "download", DEB_PACKAGE], check=True, cwd=folder)
    found = sorted(folder.glob(f"{DEB_PACKAGE}_*.deb"))
    if not found:
        raise SystemExit(f"apt-get download did not leave a {DEB_PACKAGE} package in {folder}")
    return found[-1]


def read_tgz(tgz: Path) -> tuple[dict[str, bytes], str, str]:
    """The font files, the licence text and the package version found in the npm tarball."""
    import json

    with tarfile.open(tgz, "r:gz") as archive:

        def member(name: str) -> bytes:
            handle = archive.extractfile(name)
            if handle is None:
                raise SystemExit(f"{tgz.name} has no file {name}")
            return handle.read()

        files = {target: member(name) for name, target in NPM_FILES.items()}
        licence = member(NPM_LICENCE).decode("utf-8")
        version = str(json.loads(member("package/package.json"))["version"])
    return files, licence, version


def read_deb(deb: Path) -> tuple[dict[str, bytes], str, str]:
    """The font files, the ``debian/copyright`` text and the version of the Debian package."""
    data = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], check=True, capture_output=True).stdout
    version = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:

        def member(name: str) -> bytes:
            handle = archive.extractfile(name)
            if handle is None:
                raise SystemExit(f"{deb.name} has no file {name}")
            return handle.read()

        files = {target: member(name) for name, target in DEB_FILES.items()}
        copyright_text = member(DEB_COPYRIGHT).decode("utf-8")
    return files, copyright_text, version


def ofl_from_copyright(text: str) -> str:
    """The OFL text of a Debian copyright file: its last ``License: OFL-1.1`` paragraph, unfolded."""
    paragraphs = text.split("\n\n")
    body = [p for p in paragraphs if p.startswith("License: OFL-1.1\n")]
    if not body:
        raise SystemExit("the Debian copyright file has no OFL-1.1 licence paragraph")
    lines = body[-1].splitlines()[1:]
    return "\n".join("" if line == " ." else line.removeprefix(" ") for line in lines) + "\n"


def font_facts(data: bytes) -> tuple[str, str, str]:
    """Family, version and copyright string of a font file."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    font = TTFont(io.BytesIO(data), lazy=True)
    name = font["name"]
    return (
        name.getDebugName(16) or name.getDebugName(1) or "",
        name.getDebugName(5) or "",
        name.getDebugName(0) or "",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--tgz", type=Path, help=f"a downloaded {NPM_PACKAGE} tarball (default: npm pack)")
    parser.add_argument("--deb", type=Path, help=f"a downloaded {DEB_PACKAGE} package (default: apt-get)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        tgz = args.tgz or npm_pack(Path(folder))
        deb = args.deb or apt_download(Path(folder))
        npm_files, npm_licence, npm_version = read_tgz(tgz)
        deb_files, deb_copyright, deb_version = read_deb(deb)
        sources = {tgz.name: hashlib.sha256(tgz.read_bytes()).hexdigest()}
        sources[deb.name] = hashlib.sha256(deb.read_bytes()).hexdigest()
    FONTS.mkdir(exist_ok=True)
    copyrights: list[str] = []
    print(f"{NPM_PACKAGE} {npm_version}; {DEB_PACKAGE} {deb_version}")
    for source_name, digest in sources.items():
        print(f"source: {source_name} sha256 {digest}")
    for target, data in {**npm_files, **deb_files}.items():
        (FONTS / target).write_bytes(data)
        family, version, notice = font_facts(data)
        if target in deb_files and notice and f"{notice} ({family})" not in copyrights:
            copyrights.append(f"{notice} ({family})")
        digest = hashlib.sha256(data).hexdigest()
        print(f"{target}: {family}, {version}, {len(data)} bytes, sha256 {digest}")
    (FONTS / "OFL-Phetsarath.txt").write_text(npm_licence, encoding="utf-8")
    noto_licence = (
        "\n".join(copyrights)
        + "\n\nThis Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        + "(The copyright lines are the fonts' own; the licence text below is that of the Debian package "
        + f"{DEB_PACKAGE} {deb_version}, debian/copyright.)\n\n"
        + ofl_from_copyright(deb_copyright)
    )
    (FONTS / "OFL-Noto.txt").write_text(noto_licence, encoding="utf-8")
    print(f"OFL-Phetsarath.txt: {len(npm_licence)} characters; OFL-Noto.txt: {len(noto_licence)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
