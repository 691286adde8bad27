"""Corpus files written by XlsxWriter (Debian python3-xlsxwriter). Relative part names.

  xlsxwriter-shared-strings.xlsx  default mode: shared strings; "Summary" first (with a formula), data on "Activations";
                                  dates as serials formatted mm/dd/yyyy
  xlsxwriter-inline-strings.xlsx  constant_memory mode: inline strings (t="inlineStr"); data sheet first
"""
import datetime
import sys

import xlsxwriter

from common import HEADERS, rows, target


def fill(book, sheet):
    date = book.add_format({'num_format': 'mm/dd/yyyy'})
    text = book.add_format({'num_format': '@'})
    sheet.write_row(0, 0, HEADERS)
    for r, values in enumerate(rows(), start=1):
        for c, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, datetime.date):
                sheet.write_datetime(r, c, datetime.datetime.combine(value, datetime.time()), date)
            else:
                sheet.write_string(r, c, value, text if HEADERS[c] in ('MDN', 'ICCID', 'IMEI') else None)


def shared_strings():
    book = xlsxwriter.Workbook(target('xlsxwriter-shared-strings.xlsx'))
    summary = book.add_worksheet('Summary')
    data = book.add_worksheet('Activations')
    summary.write_string(0, 0, 'Rows')
    summary.write_formula(0, 1, "=COUNTA(Activations!A:A)-1", None, len(rows()))
    fill(book, data)
    book.close()


def inline_strings():
    book = xlsxwriter.Workbook(target('xlsxwriter-inline-strings.xlsx'), {'constant_memory': True})
    fill(book, book.add_worksheet('Activations'))
    book.add_worksheet('Notes').write_string(0, 0, 'Dealer sales export')
    book.close()


if __name__ == '__main__':
    print('XlsxWriter', xlsxwriter.__version__, file=sys.stderr)
    shared_strings()
    inline_strings()
