#!/usr/bin/python3
"""Prints what python-docx reads in a .docx (tests/unit/test_reportdocx.c):
the section's page size and margins in mm, every paragraph's text (P: ...),
every table cell's text (C: ...), table rows (ROW: a | b | ...), and the
style of each heading (H: style: text). Exit 3 when python-docx is missing."""
import sys

try:
    import docx
except ImportError:
    sys.exit(3)


def mm(v):
    return round(v / 36000.0, 1)   # EMU per mm


def main(path):
    d = docx.Document(path)
    s = d.sections[0]
    print("PAGE: %s x %s" % (mm(s.page_width), mm(s.page_height)))
    print("MARGINS: top %s bottom %s left %s right %s" % (
        mm(s.top_margin), mm(s.bottom_margin), mm(s.left_margin),
        mm(s.right_margin)))
    print("TITLEPG: %s" % s.different_first_page_header_footer)
    for p in d.paragraphs:
        if p.style.name.startswith("Heading"):
            print("H: %s: %s" % (p.style.name, p.text))
        print("P: " + p.text.replace("\n", "\\n"))
    for t in d.tables:
        print("TABLE: %s" % (t.style.name if t.style is not None else ""))
        for r in t.rows:
            cells = [c.text.replace("\n", "\\n") for c in r.cells]
            print("ROW: " + " | ".join(cells))
            for c in cells:
                print("C: " + c)
    print("CREATOR: %s" % d.core_properties.author)


if __name__ == "__main__":
    main(sys.argv[1])
