"""Reading a corpus folder: one Document per article, and a one-line notice per bad file."""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kg.model import Document
from kg.packed import PackedStrings

#: Files larger than this are skipped (a scraped 20 MB single line is no article).
MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".jsonl"}


class CorpusError(Exception):
    """The corpus path itself is unusable (missing, not a directory)."""


@dataclass
class Skipped:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def doc_id_for(name: str) -> str:
    stem = Path(name).stem
    return re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-").lower() or "doc"


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of a file's bytes, with a notice when it was not plain UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "decoded as UTF-16"
    if b"\x00" in data:
        raise ValueError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="strict") if _looks_cp1256(data) else None
    if text is None:
        raise ValueError("not UTF-8 and no confident guess of its encoding")
    return text, "decoded as Windows-1256"


def _looks_cp1256(data: bytes) -> bool:
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in letters)
    return bool(letters) and arabic / len(letters) > 0.6


class _Page:
    """What an HTML page gives: its text (scripts and styles dropped), headline and canonical URL."""

    BLOCKS = ("p", "br", "div", "h1", "h2", "h3", "li", "title")

    def __init__(self, html: str) -> None:
        from html.parser import HTMLParser

        page = self
        self.parts: list[str] = []
        self.fields: dict[str, str] = {}
        self.skip, self.inside = 0, None

        class _Parser(HTMLParser):
            def handle_starttag(self, tag, attrs):
                page.start(tag, dict(attrs))

            def handle_endtag(self, tag):
                page.end(tag)

            def handle_data(self, data):
                page.data(data)

        _Parser().feed(html)
        self.text = re.sub(r"\n\s*\n+", "\n\n", "".join(self.parts)).strip()

    def start(self, tag: str, attrs: dict) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag in ("title", "h1") and tag not in self.fields:
            self.inside, self.fields[tag] = tag, ""
        rel = (attrs.get("rel") or "").lower().split()
        if tag == "link" and "canonical" in rel and attrs.get("href"):
            self.fields.setdefault("canonical", attrs["href"].strip())
        if tag == "meta" and attrs.get("property") in ("og:url", "og:title") and attrs.get("content"):
            self.fields.setdefault(attrs["property"], attrs["content"].strip())

    def end(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag == self.inside:
            self.inside = None

    def data(self, data: str) -> None:
        if self.skip:
            return
        self.parts.append(data)
        if self.inside:
            self.fields[self.inside] += data

    @property
    def title(self) -> str | None:
        """The headline: the page's <h1>, else og:title, else <title>."""
        for key in ("h1", "og:title", "title"):
            value = " ".join(self.fields.get(key, "").split())
            if value:
                return value
        return None

    @property
    def url(self) -> str | None:
        return self.fields.get("canonical") or self.fields.get("og:url")


#: A first line longer than this, or ending as a sentence ends, is no headline.
HEADLINE_CHARS = 150


def headline(text: str) -> str | None:
    """A plain-text article's headline: its first line when that is short, does not end as a
    sentence does and is followed by more text."""
    lines = text.strip().split("\n")
    first = lines[0].strip()
    if len(lines) < 2 or not first or len(first) > HEADLINE_CHARS or first[-1] in ".!?؟:؛;،,":
        return None
    return first


def _document(name: str, text: str, published: str | None = None, url: str | None = None,
              title: str | None = None) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(doc_id_for(name), name, text, sha, published, url, title)


def _text_field(rec: dict, *keys: str) -> str | None:
    for key in keys:
        value = rec.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def read_jsonl(path: Path, text: str) -> tuple[list[Document], list[Skipped]]:
    """One article per line ({"id", "text", "published"?, "url"?, "title"?}); a bad line is skipped."""
    docs, bad = [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec.get("text"), str) or not rec["text"].strip():
                raise ValueError("no text")
            docs.append(_document(str(rec["id"]), rec["text"], _text_field(rec, "published"),
                                  _text_field(rec, "url"), _text_field(rec, "title", "headline")))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            bad.append(Skipped(f"{path.name}:{n}", f"bad record ({exc.__class__.__name__}: {exc})"))
    return docs, bad


def read_file(path: Path, bad: list[Skipped] | None = None) -> tuple[list[Document], list[str]]:
    """Documents in one file (a .jsonl holds many) and notices; raises ValueError when unusable.
    A .jsonl's bad records go to `bad` (skipped like files; the others are read)."""
    if path.is_symlink() and not path.exists():
        raise ValueError("broken symbolic link")
    if not path.is_file():
        raise ValueError("not a regular file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"larger than the {MAX_BYTES // 1_000_000} MB limit ({size // 1_000_000} MB)")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise ValueError("permission denied") from None
    text, notice = decode(data)
    notices = [f"{path.name}: {notice}"] if notice else []
    if path.suffix == ".jsonl":
        docs, bad_records = read_jsonl(path, text)
        if not docs and bad_records:
            raise ValueError(f"no readable record ({len(bad_records)} bad, the first: {bad_records[0].reason})")
        if bad is not None:
            bad.extend(bad_records)
        return docs, notices
    url = title = None
    if path.suffix in (".html", ".htm") or re.match(r"\s*<(!doctype|html)", text[:200], re.I):
        page = _Page(text)
        text, url, title = page.text, page.url, page.title
    else:
        title = headline(text)
    if not text.strip():
        raise ValueError("empty file" if not data else "no text (whitespace only)")
    if not re.search("[\u0600-\u06ff]", text):
        notices.append(f"{path.name}: no Arabic text; read as is")
    return [_document(path.name, text, url=url, title=title)], notices


class CorpusFiles:
    """The candidate files of a corpus folder in reading order, kept as packed names (a Path
    each would cost more memory than the merge itself on a large archive)."""

    def __init__(self, folder: Path, names: list[str]) -> None:
        self.folder = folder
        self.names = PackedStrings(names)

    def __len__(self) -> int:
        return len(self.names)

    def __iter__(self) -> Iterator[Path]:
        return (self.folder / name for name in self.names)


def corpus_files(folder: Path) -> CorpusFiles:
    """The candidate files of a corpus folder, in the order they are read; checks the folder."""
    folder = Path(folder)
    if not folder.exists():
        raise CorpusError(f"{folder}: no such file or directory")
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a directory")
    with os.scandir(folder) as entries:
        names = [e.name for e in entries if not e.name.startswith(".") and not e.is_dir()]
    return CorpusFiles(folder, sorted(names))


def iter_corpus(files: Iterable[Path], skipped: list[Skipped], notices: list[str]) -> Iterator[Document]:
    """Articles one at a time (a corpus need not fit in memory); bad files go to `skipped`."""
    for path in files:
        if path.suffix.lower() not in TEXT_SUFFIXES and path.exists():
            skipped.append(Skipped(path.name, f"not an article file ({path.suffix or 'no extension'})"))
            continue
        try:
            found, notes = read_file(path, skipped)
        except (ValueError, OSError) as exc:
            skipped.append(Skipped(path.name, str(exc)))
            continue
        notices.extend(notes)
        yield from found


def read_corpus(folder: Path) -> tuple[list[Document], list[Skipped], list[str]]:
    """All readable articles of a folder, the files skipped with why, and notices."""
    skipped: list[Skipped] = []
    notices: list[str] = []
    docs = list(iter_corpus(corpus_files(folder), skipped, notices))
    return docs, skipped, notices
