"""Files, folders, globs, stdin and bad input: each bad input is one clear InputError, the batch goes on."""

from __future__ import annotations

import io
import subprocess
import sys
import time

import pypdf
import pytest

from policylens.config import Settings
from policylens.errors import InputError
from policylens.ingestion import RawInput, expand_sources, read_document, read_documents, read_path
from policylens.model import Document

NOTE = """Port city approves hydrogen corridor

The port city approved a hydrogen corridor linking its two industrial parks, with 40 refuelling stations planned by 2027 and an investment of 12 billion yuan over the plan period.
"""


def read_one(path, settings=None):
    results = list(read_documents([str(path)], settings or Settings()))
    assert len(results) == 1
    return results[0]


def test_plain_text_file(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    doc = read_path(path)
    assert doc.title == "Port city approves hydrogen corridor"
    assert doc.text == NOTE.strip() and doc.format == "text" and doc.language == "en"
    assert doc.published is None and doc.source_type == "unknown"


def test_crawler_url_line_is_metadata_not_body(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("URL: https://www.example.gov.cn/2024-05/06/c_1.htm\n\n" + NOTE, encoding="utf-8")
    doc = read_path(path)
    assert doc.url == "https://www.example.gov.cn/2024-05/06/c_1.htm"
    assert "URL:" not in doc.text
    assert doc.published == "2024-05-06" and doc.source_type == "government"


def test_markdown_heading_is_the_title(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text("Draft\n\n# Port city approves hydrogen corridor\n\n" + NOTE.split("\n", 2)[2], encoding="utf-8")
    doc = read_path(path)
    assert doc.title == "Port city approves hydrogen corridor" and doc.format == "markdown"
    assert doc.text.startswith("# Port city approves hydrogen corridor\n\nThe port city")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    err = read_one(path)
    assert isinstance(err, InputError) and err.source == str(path) and "empty input" in err.reason


def test_whitespace_only_file_is_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\n\t\n")
    assert "empty input" in read_one(path).reason


def test_binary_file(tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    err = read_one(path)
    assert isinstance(err, InputError) and err.reason.startswith("binary file (PNG image)")
    other = tmp_path / "blob.dat"
    other.write_bytes(bytes(range(256)) * 8)
    assert read_one(other).reason.startswith("binary file")


def test_file_above_max_bytes_is_refused_unread(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(NOTE * 20, encoding="utf-8")
    err = read_one(path, Settings(max_bytes=1000))
    assert isinstance(err, InputError) and "too large" in err.reason and "limit of 1000" in err.reason


def test_invalid_utf8_bytes_become_replacement_characters(tmp_path):
    path = tmp_path / "broken.txt"
    text = NOTE.replace("hydrogen corridor linking", "\u201chydrogen corridor\u201d \u2014 linking")
    path.write_bytes(text.encode("utf-8").replace(b"40", b"4\xff0"))
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert "4\ufffd0 refuelling" in doc.text and "\u201chydrogen corridor\u201d \u2014 linking" in doc.text


def test_gbk_encoded_chinese_file(tmp_path):
    text = "青岛发布先进制造业行动计划\n\n到2025年，全市规模以上工业增加值年均增长8%以上，培育国家级专精特新企业一百家，建设智能工厂五十个。\n"
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gbk"))
    doc = read_path(path)
    assert doc.text == text.strip() and doc.language == "zh"
    assert doc.title == "青岛发布先进制造业行动计划"


def test_big5_and_latin1_files(tmp_path):
    big5 = "臺灣經濟部公布製造業統計資料\n\n今年第一季製造業產值較去年同期增加百分之五，出口訂單連續三個月成長。\n"
    (tmp_path / "big5.txt").write_bytes(big5.encode("big5"))
    assert read_path(tmp_path / "big5.txt").text == big5.strip()
    latin = "Usine de Lyon\n\nLa société a inauguré une usine à Lyon où travaillent déjà trois cents employés.\n"
    (tmp_path / "latin1.txt").write_bytes(latin.encode("latin-1"))
    assert read_path(tmp_path / "latin1.txt").text == latin.strip()


def test_utf8_bom_is_not_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + NOTE.encode("utf-8"))
    assert read_path(path).text.startswith("Port city")


def test_truncated_html_still_gives_its_text(tmp_path):
    path = tmp_path / "cut.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Cluster plan</title></head><body><h1>Cluster plan</h1>"
        "<p>The province approved a machine tool cluster with an export target of 30 billion yuan.</p>"
        "<p>The second paragraph was cut off in the mid",
        encoding="utf-8",
    )
    doc = read_path(path)
    assert doc.format == "html" and doc.title == "Cluster plan"
    assert "export target of 30 billion yuan" in doc.text


def test_html_with_no_text(tmp_path):
    path = tmp_path / "nothing.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body><div> </div></body></html>")
    err = read_one(path)
    assert isinstance(err, InputError) and "no readable text" in err.reason


def test_pdf_without_text_layer(tmp_path):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    err = read_one(path)
    assert isinstance(err, InputError) and "no text layer" in err.reason


def _pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF written by hand: catalog, pages, page, font and a text content stream."""
    ops = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(ops)} >>\nstream\n{ops}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_pdf_with_text(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(
        _pdf_with_text(
            [
                "Provincial plan for smart manufacturing",
                "By 2027 the province will build 200 smart factories and 50 industrial internet platforms.",
            ]
        )
    )
    doc = read_path(path)
    assert doc.format == "pdf" and doc.title == "Provincial plan for smart manufacturing"
    assert "200 smart factories" in doc.text


def test_damaged_pdf(tmp_path):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\nthis is not a pdf")
    err = read_one(path)
    assert isinstance(err, InputError) and ("unreadable PDF" in err.reason or "no text layer" in err.reason)


def test_missing_path_and_empty_glob(tmp_path):
    results = list(read_documents([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")], Settings()))
    assert [r.reason for r in results] == ["no such file or directory", "no files match this pattern"]


def test_glob_expands_in_order(tmp_path):
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text(NOTE, encoding="utf-8")
    sources = [raw.source for raw in expand_sources([str(tmp_path / "*.txt")], Settings())]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_directory_of_2000_files_is_fast_and_skips_hidden(tmp_path):
    for folder in range(20):
        sub = tmp_path / f"batch{folder:02d}"
        sub.mkdir()
        for i in range(100):
            (sub / f"note{i:03d}.txt").write_text(f"Note {folder}-{i}\n\nThe city approved project {i}.\n")
    (tmp_path / ".hidden.txt").write_text(NOTE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text(NOTE)
    (tmp_path / "batch00" / "empty.txt").write_bytes(b"")
    started = time.perf_counter()
    results = list(read_documents([str(tmp_path)], Settings()))
    elapsed = time.perf_counter() - started
    assert len(results) == 2001
    errors = [r for r in results if isinstance(r, InputError)]
    assert [e.source for e in errors] == [str(tmp_path / "batch00" / "empty.txt")]
    assert not any(".hidden" in r.source or ".git" in r.source for r in results)
    assert elapsed < 20, f"2,000 small files took {elapsed:.1f} s"


def test_stdin_is_read_when_the_source_is_a_dash():
    code = (
        "from policylens.config import Settings; from policylens.ingestion import read_documents;"
        "d = list(read_documents(['-'], Settings()))[0]; print(d.source, '|', d.title)"
    )
    run = subprocess.run([sys.executable, "-c", code], input=NOTE.encode("utf-8"), capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().strip() == "<stdin> | Port city approves hydrogen corridor"


def test_read_document_raises_for_one_bad_input():
    with pytest.raises(InputError, match=r"^mem: empty input"):
        read_document(RawInput(source="mem", data=b""))


def test_crawled_html_with_a_url_line(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(
        "URL: https://www.example.gov.cn/2024-05/06/c_1.htm\n\n<html><head><title>Smart factory plan | "
        "Example Government Portal</title></head><body><p>The city will build 100 smart factories by "
        "2026, the plan says, and train 20,000 engineers for them.</p></body></html>",
        encoding="utf-8",
    )
    doc = read_path(path)
    assert doc.format == "html" and doc.url == "https://www.example.gov.cn/2024-05/06/c_1.htm"
    assert doc.title == "Smart factory plan" and doc.source_type == "government"
    assert doc.text.startswith("Smart factory plan\n\nThe city will build 100 smart factories")


def test_a_page_dated_only_in_its_text_is_dated_by_the_wider_search():
    # No date in the markup, the URL or the lines above the article: htmldate's extensive search reads it
    # from the text ("Last changed: 5 March 2024") once the page's own lines have given nothing.
    paragraph = "<p>" + NOTE.split("\n", 2)[2].strip() + "</p>"
    html = (
        "<html><head><title>Port city approves hydrogen corridor</title></head><body><article>"
        f"<h1>Port city approves hydrogen corridor</h1>{paragraph * 3}<div>Last changed: 5 March 2024</div>"
        "</article></body></html>"
    )
    doc = read_document(RawInput("page.html", html.encode(), media_type="text/html"))
    assert doc.published == "2024-03-05" and doc.format == "html"
