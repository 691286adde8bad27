"""Corpus files written by openpyxl (Debian python3-openpyxl). openpyxl writes absolute part names in
xl/_rels/workbook.xml.rels (Target="/xl/worksheets/sheet2.xml") and shared strings.

  openpyxl-absolute-parts.xlsx   "Notes" first, data on "Activations"; dates as serials formatted yyyy-mm-dd
  openpyxl-iso-date-cells.xlsx   iso_dates=True: dates as date cells (t="d", ISO 8601); data sheet first
  openpyxl-1904-dates.xlsx       the 1904 date system (serials counted from 1904-01-01)
"""
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from common import HEADERS, NOTES, rows, target


def fill(sheet, date_format):
    sheet.append(HEADERS)
    for values in rows():
        sheet.append(values)
    for cell in sheet['B'][1:]:
        cell.number_format = date_format
    for column in 'EFG':  # identifiers: text cells (they already are strings) shown as Text
        for cell in sheet[column][1:]:
            cell.number_format = '@'


def notes_first():
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = 'Notes'
    for line in NOTES:
        notes.append(line)
    fill(book.create_sheet('Activations'), 'yyyy-mm-dd')
    book.save(target('openpyxl-absolute-parts.xlsx'))


def iso_dates():
    book = openpyxl.Workbook(iso_dates=True)
    data = book.active
    data.title = 'Activations'
    fill(data, 'yyyy-mm-dd')
    book.create_sheet('Summary').append(['Rows', len(rows())])
    book.save(target('openpyxl-iso-date-cells.xlsx'))


def dates_1904():
    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    data = book.active
    data.title = 'Activations'
    fill(data, 'm/d/yyyy')
    book.save(target('openpyxl-1904-dates.xlsx'))


if __name__ == '__main__':
    print('openpyxl', openpyxl.__version__, file=sys.stderr)
    notes_first()
    iso_dates()
    dates_1904()
