#!/usr/bin/python3
"""Reads a report workbook written by ntm (openpyxl) and prints facts as
key=value lines for tests/unit/test_reportxlsx.c to assert on."""
import datetime
import sys

import openpyxl


def header_row(ws):
    """The row above the frozen panes (the table's header row)."""
    return ws[ws.freeze_panes].row - 1 if ws.freeze_panes else None


def column(ws, hrow, title):
    for cell in ws[hrow]:
        if cell.value == title:
            return cell.column
    return None


def find_row(ws, col, value):
    for row in ws.iter_rows():
        if row[col - 1].value == value:
            return row[0].row
    return None


def main(path):
    wb = openpyxl.load_workbook(path)
    print("sheets=" + "|".join(wb.sheetnames))
    ctrl = formulas = 0
    words = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    formulas += 1
                if isinstance(c.value, str):
                    words.add(c.value)
                    if any(ord(ch) < 32 and ch != "\n" or ord(ch) == 127
                           for ch in c.value):
                        ctrl += 1
    print("control=%d" % ctrl)
    print("formulas=%d" % formulas)
    print("title=" + str(wb["Tổng hợp"]["A1"].value))

    ws = wb["Tiêu chí"]
    hrow = header_row(ws)
    print("freeze=%s" % ws.freeze_panes)
    print("autofilter=%s" % ws.auto_filter.ref)
    print("print=%s %s %s" % (ws.page_setup.orientation, ws.page_setup.paperSize,
                              ws.print_title_rows))
    print("header_bold=%d" % all(c.font.b for c in ws[hrow] if c.value))
    code, now = column(ws, hrow, "Mã"), column(ws, hrow, "Hiện tại")
    status, day = column(ws, hrow, "Đánh giá"), column(ws, hrow, "Ngày")
    r = find_row(ws, code, "12.2")
    v = ws.cell(r, now)
    print("now=%r type=%s format=%s" % (v.value, v.data_type, v.number_format))
    s = ws.cell(r, status)
    print("status=%s fill=%s" % (s.value, s.fill.fgColor.rgb))
    d = ws.cell(r, day)
    if isinstance(d.value, datetime.datetime):
        print("date=%s format=%s" % (d.value.date().isoformat(), d.number_format))
    crit = ws.cell(r - 2, 3)
    print("criterion_bold=%d" % bool(crit.font.b))
    print("width_name=%d" % ws.column_dimensions["C"].width)

    ws = wb["Nhiệm vụ"]
    hrow = header_row(ws)
    title, due = column(ws, hrow, "Nhiệm vụ"), column(ws, hrow, "Hạn")
    red = []
    for row in ws.iter_rows(min_row=hrow + 1):
        t = row[title - 1].value
        if row[1].value == 3:
            print("task3=" + t)
        if isinstance(t, str) and t.startswith("'=cmd"):
            print("cmd=%s type=%s" % (t, row[title - 1].data_type))
        colour = row[due - 1].font.color
        if colour is not None and colour.type == "rgb":
            red.append("%s:%s" % (row[due - 1].value.date().isoformat(),
                                  colour.rgb))
    print("overdue_font=" + " ".join(red))
    ws = wb["Thay đổi"]
    print("changes_last=%s" % ws.cell(ws.max_row, 1).value)
    print("has_chua_dat=%d" % ("chưa đạt" in words))
    print("has_dat=%d" % ("đạt" in words))


if __name__ == "__main__":
    main(sys.argv[1])
