"""Workbooks no producer here writes, made by editing the zip of one that does (said in their names).

  corpus/rewritten-custom-part-name.xlsx    xlsxwriter-shared-strings.xlsx with its "Activations" part renamed to
                                            xl/worksheets/activations.xml (rels and content types updated): a valid
                                            package whose worksheet part is not called sheet<N>.xml
  broken/rels-point-at-missing-part.xlsx    openpyxl-absolute-parts.xlsx without the part its "Activations" sheet points
                                            to (xl/worksheets/sheet2.xml): a file that truly cannot be read
"""
import zipfile

from common import CORPUS


def rewrite(source, target, edit):
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            result = edit(info.filename, zin.read(info.filename))
            if result is None:
                continue
            name, data = result
            entry = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(entry, data)


def custom_part_name(name, data):
    if name == 'xl/worksheets/sheet2.xml':
        return 'xl/worksheets/activations.xml', data
    if name in ('xl/_rels/workbook.xml.rels', '[Content_Types].xml'):
        return name, data.replace(b'worksheets/sheet2.xml', b'worksheets/activations.xml')
    return name, data


def missing_part(name, data):
    return None if name == 'xl/worksheets/sheet2.xml' else (name, data)


if __name__ == '__main__':
    rewrite(CORPUS / 'xlsxwriter-shared-strings.xlsx', CORPUS / 'rewritten-custom-part-name.xlsx', custom_part_name)
    broken = CORPUS.parent / 'broken'
    broken.mkdir(exist_ok=True)
    rewrite(CORPUS / 'openpyxl-absolute-parts.xlsx', broken / 'rels-point-at-missing-part.xlsx', missing_part)
