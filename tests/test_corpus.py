from datetime import date
from pathlib import Path

import pytest

from aseankg.corpus import DocumentError, parse_document, read_document

DOCS = Path(__file__).resolve().parents[1] / "data" / "documents"

EXPECTED = {
    "000_d03fc73eb21f62b7": (date(2025, 1, 17), "92483", "ดีอี หารือทวิภาคี ไทย-เมียนมา"),
    "001_599a62f171b3e0cb": (date(2024, 3, 7), "80014", "ดีอี  เตรียมเยือนกัมพูชา"),
    "002_4ff7798ad9a84257": (date(2025, 1, 17), "92480", "ดีอี หารือทวิภาคี ไทย - เลขาธิการอาเซียน"),
    "003_6ac950ea22fcd97a": (date(2023, 3, 21), "66419", "ครม.รับทราบผลสำเร็จการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล"),
    "004_de60a9fdace74075": (date(2023, 8, 25), "71679", "ดีอีเอส ถกประชุมผู้นำเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล"),
}


@pytest.mark.parametrize("identifier", sorted(EXPECTED))
def test_reads_each_article(identifier: str) -> None:
    issued, page, title_start = EXPECTED[identifier]
    doc = read_document(DOCS / f"{identifier}.txt")
    raw = (DOCS / f"{identifier}.txt").read_bytes().decode("utf-8")
    assert doc.identifier == identifier
    assert doc.text == raw
    assert doc.issued == issued
    assert doc.url == f"https://www.thaigov.go.th/news/contents/details/{page}"
    assert doc.title is not None and doc.title.startswith(title_start)
    assert not doc.title.startswith("รัฐบาลไทย")
    assert doc.text[doc.title_span.begin : doc.title_span.end] == doc.title
    # The body is the paragraphs: no date line, no furniture, no source line.
    body = doc.text[doc.body.begin : doc.body.end]
    assert body == doc.body.text
    assert "ที่มา" not in body[-200:]
    assert "thaigov.go.th" not in body
    assert not body.startswith(("วันศุกร์", "วันพฤหัสบดี", "วันอังคาร"))
    assert not body.rstrip().endswith(("---", "___"))
    assert len(body) > 500


def test_source_line_glued_to_the_last_paragraph() -> None:
    data = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-หัวข้อ\n\nวันจันทร์ที่ 3 กุมภาพันธ์ 2568\nหัวข้อ\nเนื้อความย่อหน้าเดียวที่มา : https://example.org/news/1".encode()
    doc = parse_document(data, "glued")
    assert doc.url == "https://example.org/news/1"
    assert doc.body.text == "เนื้อความย่อหน้าเดียว"
    assert doc.issued == date(2025, 2, 3)
    assert doc.title == "หัวข้อ"


def test_plain_text_has_no_invented_header() -> None:
    text = "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคมจัดการประชุมหารือกับหน่วยงานต่าง ๆ\nย่อหน้าที่สอง"
    doc = parse_document(text.encode(), "plain")
    assert doc.title is None and doc.issued is None and doc.url is None
    assert doc.body.begin == 0 and doc.body.text == text


def test_crlf_offsets_index_the_text_as_read() -> None:
    data = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-หัวข้อ\r\n\r\nวันจันทร์ที่ 3 กุมภาพันธ์ 2568\r\nหัวข้อ\r\nเนื้อความ\r\nที่มา : https://example.org/x\r\n".encode()
    doc = parse_document(data, "crlf")
    assert doc.text[doc.body.begin : doc.body.end] == "เนื้อความ"
    assert doc.url == "https://example.org/x"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        ("ข่าว".encode("tis-620") + b"\xff\xfe", "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_refuses_unreadable_input_with_name_and_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert "broken.txt" in str(info.value)
    assert reason in str(info.value)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="missing.txt"):
        read_document(tmp_path / "missing.txt")


# --- any input: a Document or a DocumentError, never another exception -------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from aseankg.corpus import HEADLINE_PREFIX, Document  # noqa: E402

_LINES = [
    HEADLINE_PREFIX + "ดีอี หารือ", "วันศุกร์ที่ 17 มกราคม 2568", "วันที่ ๓๑ กุมภาพันธ์ ๙๙๙๙", "วันจันทร์ที่ 0 ธันวาคม 0000",
    "21/03/2566", "[พิมพ์]", "พิมพ์", "-----", "____", "=====", "ที่มา : https://www.thaigov.go.th/news/1",
    "ที่มา:http://x", "ที่มา : ", "นายประเสริฐ จันทรรวงทอง", "\ufeff", "", " ", "\t", "ดีอี หารือ",
]
_BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u2028", "\x85"])
article_like = st.lists(st.tuples(st.sampled_from(_LINES) | st.text(max_size=40), _BREAKS), max_size=12).map(
    lambda parts: "".join(line + brk for line, brk in parts)
)


def check_document(document: Document) -> None:
    text = document.text
    assert text[document.body.begin : document.body.end] == document.body.text
    if document.title_span is not None:
        assert text[document.title_span.begin : document.title_span.end] == document.title_span.text
        assert document.title == document.title_span.text
    if document.url is not None:
        assert document.url in text


def parse_or_refuse(data: bytes) -> None:
    try:
        document = parse_document(data, identifier="fuzz")
    except DocumentError as exc:
        assert str(exc).startswith("fuzz: ")
        return
    assert document.text == data.decode("utf-8").removeprefix("\ufeff")
    check_document(document)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_read_or_refused(data: bytes) -> None:
    parse_or_refuse(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000) | article_like, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_any_text_read_or_refused(text: str, encoding: str) -> None:
    parse_or_refuse(text.encode(encoding, errors="surrogatepass"))
