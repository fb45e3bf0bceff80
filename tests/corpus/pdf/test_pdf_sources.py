"""PDFs through the same source functions as text files: listing, reading, scanned pages, bad files, the index."""
from __future__ import annotations

import json
import shutil

import pypdfium2 as pdfium
import pytest

from bench import gazette_pdf
from corpus.errors import SourceError
from corpus.parse import parse_file
from corpus.pdf import read_pdf
from corpus.sources import iter_source_files, read_source

NOTICE = "国务院关于测试文件的通知\n国发〔2019〕99号\n各省、自治区、直辖市人民政府：\n一、总体要求\n认真做好相关工作。\n国务院     \n2019年1月1日     \n"


def _scan_page(path):
    """A page that is only a picture of text, as a scanner makes it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    image = Image.new("L", (800, 1100), 255)
    draw = ImageDraw.Draw(image)
    for y in range(100, 1000, 40):
        draw.rectangle([80, y, 720, y + 18], fill=0)  # lines of "text" as ink, no text layer
    picture = path.with_suffix(".png")
    image.save(picture)
    c = canvas.Canvas(str(path), pagesize=(210 * mm, 297 * mm))
    c.drawImage(str(picture), 0, 0, 210 * mm, 297 * mm)
    c.showPage()
    c.save()
    return path


def _merge(parts, target):
    out = pdfium.PdfDocument.new()
    for part in parts:
        src = pdfium.PdfDocument(str(part))
        out.import_pages(src)
        src.close()
    out.save(str(target))
    out.close()
    return target


@pytest.fixture(scope="module")
def with_scan(tmp_path_factory, issue_plans):
    folder = tmp_path_factory.mktemp("scan")
    text_pages = gazette_pdf.render_reportlab(issue_plans[1:3], folder / "text.pdf")
    scan = _scan_page(folder / "scan.pdf")
    return _merge([text_pages, scan, text_pages], folder / "issue-with-scan.pdf"), scan


def test_scanned_pages_are_reported_and_the_rest_is_read(with_scan, capsys):
    path, _ = with_scan
    result = read_pdf(path)
    assert result.warnings == ("第3页没有文字层，需要OCR",) and result.pages == 5
    seen = []
    text = read_source(path, on_warning=lambda p, m: seen.append((p, m)))
    assert seen == [(str(path), "第3页没有文字层，需要OCR")]
    assert "温政办〔2019〕47号" in text
    docs = parse_file(path)
    assert "温政办〔2019〕47号" in [d.doc_number for d in docs]
    assert "第3页没有文字层，需要OCR" in capsys.readouterr().err


def test_a_pdf_without_any_text_layer_is_refused(with_scan):
    _, scan = with_scan
    with pytest.raises(SourceError, match="需要OCR"):
        read_source(scan)


def test_broken_pdf_is_refused_in_chinese(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    with pytest.raises(SourceError) as info:
        read_source(bad)
    assert info.value.reason == "无法打开 PDF 文件（文件损坏或不是 PDF）"


def test_folders_list_pdfs_beside_text(tmp_path):
    for name in ("a.txt", "b.md", "c.pdf", "d.PDF", "e.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in iter_source_files([tmp_path])] == ["a.txt", "b.md", "c.pdf", "d.PDF"]


def test_index_a_mixed_folder_incrementally(tmp_path, reportlab_issue, capsys, monkeypatch):
    from assistant.cli import main

    monkeypatch.setenv("GAZETTE_DATA", str(tmp_path / "data"))
    folder = tmp_path / "issues"
    folder.mkdir()
    shutil.copy(reportlab_issue, folder / "issue-203.pdf")
    (folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "notes.md").write_text(NOTICE.replace("99号", "98号"), encoding="utf-8")
    idx = tmp_path / "idx"
    args = ["index", str(folder), "--index", str(idx), "--model", "fake-64", "--json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert len(first["added"]) == 3 and first["skipped"] == []
    assert first["documents"] == 17 + 2

    (folder / "notice.txt").write_text(NOTICE.replace("认真", "切实"), encoding="utf-8")
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert str((folder / "issue-203.pdf").resolve()) in second["unchanged"]  # not parsed again
    assert second["changed"] == [str((folder / "notice.txt").resolve())]

    (folder / "issue-203.pdf").unlink()
    assert main(args) == 0
    third = json.loads(capsys.readouterr().out)
    assert third["removed"] == [str((folder / "issue-203.pdf").resolve())] and third["documents"] == 2



def test_a_title_across_two_columns_ends_the_columns_above_it(tmp_path):
    """Reading order on one page: columns above a full-width title, the title, then the columns below it."""
    from bench.gazette_pdf import Item, PagePlan, render_reportlab

    size, left, right = 4.0, 16.0, 110.0
    plan = PagePlan()
    above = [("一、总体要求", "（一）指导思想。"), ("坚持依法行政。", "（二）基本原则。")]
    below = [("二、主要任务", "（三）加强监管。"), ("落实责任分工。", "（四）强化保障。")]
    for row, (a, b) in enumerate(above):
        plan.items += [Item(left, 30 + row * 6, size, a), Item(right, 30 + row * 6, size, b)]
    plan.items.append(Item(40.0, 50, 5.0, "温州市人民政府办公室关于加强监督管理工作的实施意见（试行）"))
    for row, (a, b) in enumerate(below):
        plan.items += [Item(left, 62 + row * 6, size, a), Item(right, 62 + row * 6, size, b)]
    for row in range(4):  # more lines make the columns unmistakable
        plan.items += [Item(left, 80 + row * 6, size, f"左栏第{row + 1}行。"), Item(right, 80 + row * 6, size, f"右栏第{row + 1}行。")]
    from corpus.pdf_layout import page_lines

    pdf = pdfium.PdfDocument(str(render_reportlab([plan], tmp_path / "page.pdf")))
    lines = [line.text for line in page_lines(pdf[0])]
    pdf.close()
    assert lines == [
        "一、总体要求", "坚持依法行政。", "（一）指导思想。", "（二）基本原则。",
        "温州市人民政府办公室关于加强监督管理工作的实施意见（试行）",
        "二、主要任务", "落实责任分工。", "左栏第1行。", "左栏第2行。", "左栏第3行。", "左栏第4行。",
        "（三）加强监管。", "（四）强化保障。", "右栏第1行。", "右栏第2行。", "右栏第3行。", "右栏第4行。",
    ]


def test_uploaded_pdf_bytes_read_like_the_file(with_scan):
    from corpus.sources import decode_source

    path, _ = with_scan
    seen = []
    text = decode_source(path.read_bytes(), "upload.pdf", on_warning=lambda p, m: seen.append((p, m)))
    assert text == read_pdf(path).text
    assert seen == [("upload.pdf", "第3页没有文字层，需要OCR")]


EXCERPT = """国务院关于在市场监管领域全面推行
部门联合“双随机、一公开”监管的意见
国发〔2019〕5号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
在市场监管领域全面推行“双随机、一公开”监管，是党中央、国务院作出的重大决策部署，是市场监管理念和方式的重大创新，是深化“放管服”改革、加快政府职能转变的内在要求。
一、总体要求
以习近平新时代中国特色社会主义思想为指导，切实转变监管理念，创新监管方式。实行抽查事项清单管理，避免多头执法、重复检查，规范执法行为，提高监管效能，减轻企业负担，强化信用支撑。
二、主要任务
（一）推进监管全覆盖。{filler}
（二）统筹建设监管工作平台。{filler}
（三）建立健全抽查清单。{filler}
三、保障措施
（四）加强组织领导。{filler}
（五）强化宣传引导。加大宣传力度，提升“双随机、一公开”监管的社会影响力和公众知晓度。
国务院          
2019年1月27日          
（此件公开发布）
"""


def test_a_single_document_pdf_parses_like_its_text(tmp_path):
    """A one-column document over several pages: paragraphs rejoined, signature kept, header and footer dropped."""
    from pdf_sources import policy_paragraphs

    from corpus.parse import parse_text

    filler = "按照统一部署，各地区、各部门要结合实际制定具体方案，明确责任分工和时间安排，确保各项措施落到实处。" * 6
    text = EXCERPT.replace("{filler}", filler)
    expected = parse_text(text, "text")[0]
    plans = gazette_pdf.plan_document(policy_paragraphs(text), "国务院政策文件库")
    assert len(plans) >= 2
    got = parse_file(gazette_pdf.render_reportlab(plans, tmp_path / "doc.pdf"))
    assert len(got) == 1
    doc = got[0]
    assert (doc.doc_number, doc.title, doc.issuer, doc.date) == ("国发〔2019〕5号", expected.title, "国务院", "2019-01-27")
    assert [c.path for c in doc.clauses] == [c.path for c in expected.clauses]
    assert [c.text for c in doc.clauses] == [c.text for c in expected.clauses]
