"""Reads back what ntm wrote, as real readers do, and prints facts a test
compares: tests/cli/t_report.sh and t_import.sh.

    readback.py xlsx FILE    sheet names; per sheet the header row and the
                             rows whose first cells match --row
    readback.py docx FILE    every paragraph and table cell text
    readback.py parts FILE   every XML part of a zip parsed (names, "ok")
Run with the Python that has openpyxl and python-docx (/usr/bin/python3).
"""
import sys
import zipfile
import xml.dom.minidom


def xlsx(path, code):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    print("sheets:", "|".join(wb.sheetnames))
    for ws in wb.worksheets:
        header = None
        for row in ws.iter_rows():
            cells = [c for c in row if c.value is not None]
            if header is None and any(c.font and c.font.b for c in cells) \
                    and len(cells) >= 3:
                header = row
                print("header %s: %s (frozen %s, filter %s)" % (
                    ws.title, "|".join(str(c.value) for c in cells),
                    ws.freeze_panes, ws.auto_filter.ref))
                continue
            if header is not None and any(c.value == code for c in cells):
                print("row %s: %s" % (ws.title, "|".join(
                    "%s:%s:%s" % (c.value, c.data_type, c.number_format)
                    for c in cells)))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and any(
                        ord(ch) < 32 and ch not in "\t\n" for ch in c.value):
                    print("control character in %s!%s" % (ws.title,
                                                          c.coordinate))


def docx(path):
    import docx as d
    doc = d.Document(path)
    for p in doc.paragraphs:
        if p.text.strip():
            print("p:", p.text)
    for t in doc.tables:
        for r in t.rows:
            seen = []
            for c in r.cells:
                if c.text not in seen:
                    seen.append(c.text)
            print("row:", " | ".join(x.replace("\n", " / ") for x in seen))
    s = doc.sections[0]
    print("page: %.0fx%.0f mm, left %.0f mm" % (
        s.page_width.mm, s.page_height.mm, s.left_margin.mm))


def parts(path):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                xml.dom.minidom.parseString(z.read(name))
                print("ok", name)


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "xlsx":
        xlsx(path, sys.argv[3] if len(sys.argv) > 3 else "12.2")
    elif kind == "docx":
        docx(path)
    else:
        parts(path)
