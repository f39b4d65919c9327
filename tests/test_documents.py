from __future__ import annotations

import json

import pytest

from kg.documents import Document, LoadOptions, Skipped, load_documents, parse_text
from kg.errors import DocumentError


def write(path, content, mode="w"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_markdown_front_matter_is_metadata_and_body_is_stored_text(tmp_path):
    body = "Russia accused Ukraine.\n\nUkraine denied it.\n"
    write(
        tmp_path / "a1.md",
        f"---\ntitle: A title\npublisher: Gazeta.Ru\ndate: 2024-03-27\n---\n{body}",
    )
    docs, skipped = load_documents([tmp_path / "a1.md"])
    assert skipped == []
    (doc,) = docs
    assert doc.id == "a1"
    assert doc.text == body
    assert doc.title == "A title" and doc.publisher == "Gazeta.Ru"
    assert doc.date == "2024-03-27"  # YAML dates come back as ISO strings
    assert doc.url is None and doc.source["url"] is None


def test_text_without_front_matter(tmp_path):
    write(tmp_path / "plain.txt", "Tajikistan denies it.")
    (doc,), _ = load_documents([tmp_path / "plain.txt"])
    assert doc.text == "Tajikistan denies it." and doc.title is None


def test_windows_line_ends_are_normalised(tmp_path):
    write(tmp_path / "w.txt", b"One.\r\nTwo.\r\n")
    (doc,), _ = load_documents([tmp_path / "w.txt"])
    assert doc.text == "One.\nTwo.\n"


def test_folders_are_walked_recursively_in_sorted_order_skipping_readme_and_hidden(tmp_path):
    write(tmp_path / "b" / "2.md", "Two.")
    write(tmp_path / "a" / "1.txt", "One.")
    write(tmp_path / "README.md", "# docs")
    write(tmp_path / ".hidden" / "x.md", "hidden")
    docs, skipped = load_documents([tmp_path])
    assert [d.id for d in docs] == ["1", "2"]
    assert skipped == []


def test_same_stem_twice_gets_unique_stable_ids(tmp_path):
    write(tmp_path / "a" / "x.md", "One.")
    write(tmp_path / "b" / "x.md", "Two.")
    first, _ = load_documents([tmp_path])
    second, _ = load_documents([tmp_path])
    assert len({d.id for d in first}) == 2
    assert [d.id for d in first] == [d.id for d in second]


def test_jsonl_one_document_per_line_and_bad_lines_reported(tmp_path):
    lines = [
        json.dumps({"id": "n1", "text": "Russia blamed Ukraine.", "publisher": "TASS"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Second."}),
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    docs, skipped = load_documents([tmp_path / "feed.jsonl"])
    assert [d.id for d in docs] == ["n1", "feed-4"]
    assert docs[0].publisher == "TASS"
    assert [s.path.rsplit(":", 1)[1] for s in skipped] == ["2", "3"]
    assert "invalid JSON" in skipped[0].reason and '"text"' in skipped[1].reason


def test_html_main_text_is_extracted(tmp_path):
    html = (
        "<html><head><title>Kyrgyz border</title></head><body><nav>Home | Share</nav>"
        "<article><h1>Kyrgyz border</h1><p>Kyrgyzstan accused Tajikistan of shelling border "
        "villages on Monday, the foreign ministry in Bishkek said in a statement.</p>"
        "<p>Tajikistan denied the accusation and blamed Kyrgyz troops for the clashes near "
        "the border.</p></article><footer>Powered by Something</footer></body></html>"
    )
    write(tmp_path / "page.html", html)
    (doc,), skipped = load_documents([tmp_path / "page.html"])
    assert skipped == []
    assert "Kyrgyzstan accused Tajikistan" in doc.text
    assert "Powered by" not in doc.text
    assert doc.title == "Kyrgyz border"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.md", "", "empty document"),
        ("blank.txt", "   \n\n  ", "empty document"),
        ("only-front.md", "---\ntitle: x\n---\n\n", "empty document"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (
            "latin1.txt",
            "Tadschikistan bestreitet die Vorwürfe.".encode("latin-1"),
            "not valid UTF-8",
        ),
        ("bad-yaml.md", "---\ntitle: [unclosed\n---\nText.", "malformed front matter"),
        ("list-yaml.md", "---\n- a\n- b\n---\nText.", "malformed front matter"),
        ("unclosed.md", "---\ntitle: x\nText without a closing line.", "no closing '---'"),
        ("slide.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_bad_input_is_skipped_with_a_reason_and_the_rest_is_read(tmp_path, name, content, reason):
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "good.md", "Russia accused Ukraine.")
    docs, skipped = load_documents([bad, good])
    assert [d.id for d in docs] == ["good"]
    assert len(skipped) == 1 and skipped[0].path == str(bad)
    assert reason in skipped[0].reason


def test_non_utf8_message_says_how_to_convert(tmp_path):
    bad = write(
        tmp_path / "cp.txt", "Kyiv says Moscow’s “claims” are false — again.".encode("cp1252")
    )
    _, (skipped,) = load_documents([bad])
    assert "iconv" in skipped.reason


def test_file_over_size_limit_is_skipped(tmp_path):
    big = write(tmp_path / "big.txt", "word " * 1000)
    docs, skipped = load_documents([big], LoadOptions(max_bytes=100))
    assert docs == [] and "over the 100-byte limit" in skipped[0].reason


def test_missing_path_is_reported(tmp_path):
    docs, skipped = load_documents([tmp_path / "nope.md"])
    assert docs == [] and skipped == [Skipped(str(tmp_path / "nope.md"), skipped[0].reason)]
    assert "no such file" in skipped[0].reason


def test_parse_text_rejects_non_text_metadata():
    with pytest.raises(DocumentError, match="must be text"):
        parse_text("---\ntitle: {a: 1}\n---\nBody.", doc_id="x")


def test_checksum_changes_with_text():
    a = Document("x", "One.")
    b = Document("x", "Two.")
    assert a.checksum != b.checksum and a.checksum == Document("x", "One.").checksum
