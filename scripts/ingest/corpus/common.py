"""Shared by the Python corpus writers: the source rows and the sheet layout every corpus file carries."""
import datetime
import json
import pathlib

CORPUS = pathlib.Path(__file__).resolve().parents[3] / 'test' / 'fixtures' / 'ingest' / 'corpus'
SOURCE = json.loads((CORPUS / 'rows.json').read_text())
HEADERS = SOURCE['headers']

NOTES = [
    ['Dealer sales export'],
    ['The rows are on the sheet "Activations".'],
]


def rows():
    """The data rows as Python values: the sale date as a date, everything else as text (None when empty)."""
    out = []
    for row in SOURCE['rows']:
        values = []
        for header in HEADERS:
            value = row[header]
            if header == 'Sale Date':
                value = datetime.date.fromisoformat(value)
            values.append(value if value != '' else None)
        out.append(values)
    return out


def target(name):
    return str(CORPUS / name)
