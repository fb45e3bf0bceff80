"""Reading source files: encodings, line endings, and the files that must be refused."""
from __future__ import annotations

import pytest

from corpus.errors import SourceError
from corpus.sources import iter_source_files, read_source

SAMPLE = "温州市人民政府关于印发温州市推进数字经济发展实施方案的通知\n温政发〔2020〕12号\n"


def test_plain_utf8(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.encode("utf-8"))
    assert read_source(path) == SAMPLE


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert read_source(path) == SAMPLE


def test_gb18030_and_gbk(tmp_path):
    for codec in ("gb18030", "gbk"):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(SAMPLE.encode(codec))
        assert read_source(path) == SAMPLE


def test_gb18030_only_characters(tmp_path):
    # 𠀀 is outside GBK; GB18030 encodes it in four bytes.
    text = "第一条 𠀀字测试。\n"
    path = tmp_path / "four.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_source(path) == text


def test_truncated_utf8_tail_is_dropped(tmp_path):
    data = SAMPLE.encode("utf-8") + "第".encode("utf-8")[:2]
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    assert read_source(path) == SAMPLE


def test_crlf_and_cr_become_lf(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("一、总体要求\r\n（一）指导思想。\r二、主要任务\r\n".encode("utf-8"))
    assert read_source(path) == "一、总体要求\n（一）指导思想。\n二、主要任务\n"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", "　\n".encode("utf-8")])
def test_empty_files_are_refused(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError, match="为空"):
        read_source(path)


def test_nul_bytes_mean_binary(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(SourceError, match="二进制"):
        read_source(path)


def test_control_characters_mean_binary(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_bytes(bytes(range(1, 9)) * 50 + b"abc")
    with pytest.raises(SourceError, match="二进制"):
        read_source(path)


def test_undecodable_bytes_are_refused(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"abc \xff\xfe\xff def \x80")
    with pytest.raises(SourceError, match="编码") as info:
        read_source(path)
    assert info.value.path == str(path)


def test_size_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(SourceError, match="过大"):
        read_source(path, max_bytes=1024)


def test_folders_are_walked_sorted_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.md", "b/1.txt", "a.TXT", ".hidden.txt", ".git/x.txt", "c.pdf", "d.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(iter_source_files([tmp_path, tmp_path / "a.TXT"]))
    # PDFs are sources too (read through their text layer, corpus/pdf.py); other formats are not.
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.TXT", "b/1.txt", "b/2.md", "c.pdf"]


def test_missing_path_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="不存在"):
        list(iter_source_files([tmp_path / "nope"]))
