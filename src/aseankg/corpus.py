"""Read an article file into a :class:`Document`.

The Thai government news format (thaigov.go.th) is::

    รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-<headline>
    <blank lines>
    วันศุกร์ที่ 17 มกราคม 2568          <- the date line (Buddhist era)
    [21/03/2566] [พิมพ์]                <- optional page furniture
    <headline>                            <- repeated, once or twice
    <body paragraphs>
    [-----]
    ที่มา : <url>                         <- sometimes glued to the last paragraph

A plain Thai text file with none of these lines is read too: its title, date and URL are
``None``, never invented. Offsets (:attr:`Document.body`, title span) index
:attr:`Document.text`, the file's text exactly as decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from aseankg.extract.model import Span

HEADLINE_PREFIX = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-"
MAX_BYTES = 20 * 1024 * 1024

_SOURCE = re.compile(r"ที่มา\s*:\s*(?P<url>https?://\S+)\s*$")
_DATE_LINE = re.compile(r"^\s*วัน\S*ที่\s*[0-9๐-๙]{1,2}\s+\S+\s+[0-9๐-๙]{4}\s*$")
_FURNITURE = re.compile(r"^\s*(?:[0-9๐-๙]{1,2}/[0-9๐-๙]{1,2}/[0-9๐-๙]{4}|พิมพ์|-{3,}|_{3,}|={3,})\s*$")


class DocumentError(ValueError):
    """A file that cannot be read as an article; the message names the file and the reason."""


@dataclass(frozen=True)
class Document:
    identifier: str  # the file's stem
    text: str  # the file's text exactly as decoded
    body: Span  # the body paragraphs, without header lines, furniture and source line
    title: str | None = None
    title_span: Span | None = None
    issued: date | None = None
    url: str | None = None


def read_document(path: Path) -> Document:
    """Read the article at ``path``; raise :class:`DocumentError` when it is not readable text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    return parse_document(data, identifier=path.stem, name=path.name)


def parse_document(data: bytes, identifier: str, name: str | None = None) -> Document:
    """Parse the bytes of an article file named ``name`` (default: ``identifier``)."""
    name = name or identifier
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: the file is {len(data)} bytes, more than the {MAX_BYTES} allowed")
    if b"\x00" in data:
        raise DocumentError(f"{name}: the file is binary (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{name}: the file is not UTF-8 (invalid byte at offset {exc.start})"
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return _parse_text(text, identifier)


def _lines(text: str) -> list[Span]:
    """Lines of text with offsets, line breaks excluded."""
    spans, begin = [], 0
    for match in re.finditer(r"\r\n|\n|\r", text):
        spans.append(Span(begin, match.start(), text[begin : match.start()]))
        begin = match.end()
    spans.append(Span(begin, len(text), text[begin:]))
    return spans


def _strip(span: Span) -> Span:
    lead = len(span.text) - len(span.text.lstrip())
    trail = len(span.text) - len(span.text.rstrip())
    return Span(span.begin + lead, span.end - trail, span.text.strip())


def _parse_text(text: str, identifier: str) -> Document:
    lines = [_strip(line) for line in _lines(text)]
    lines = [line for line in lines if line.text]
    title = title_span = issued = url = None

    # The source line: a line of its own, or glued to the end of the last paragraph.
    body_end = len(text)
    for match in _SOURCE.finditer(text.rstrip()):
        url = match.group("url")
        body_end = match.start()
    lines = [line for line in lines if line.begin < body_end]
    if lines and lines[-1].end > body_end:
        last = lines[-1]
        lines[-1] = _strip(Span(last.begin, body_end, text[last.begin : body_end]))

    if lines and lines[0].text.startswith(HEADLINE_PREFIX):
        first = lines.pop(0)
        offset = first.begin + len(HEADLINE_PREFIX)
        title_span = _strip(Span(offset, first.end, text[offset : first.end]))
        title = title_span.text or None

    if lines and _DATE_LINE.match(lines[0].text):
        from aseankg.nlp.dates import parse_date

        found = parse_date(lines[0].text)
        if found is not None and found.start.to_date() is not None:
            issued = found.start.to_date()
            lines.pop(0)

    header_words = {title} if title else set()
    while lines and (_FURNITURE.match(lines[0].text) or lines[0].text in header_words):
        lines.pop(0)
    while lines and _FURNITURE.match(lines[-1].text):
        lines.pop()

    if lines:
        body = Span(lines[0].begin, lines[-1].end, text[lines[0].begin : lines[-1].end])
    else:
        body = Span(0, 0, "")
    return Document(identifier, text, body, title, title_span, issued, url)
