#!/usr/bin/env python3
"""Build the .docx test fixtures from text fixtures, with Python's standard library only.

  scripts/make-docx.py SRC.txt OUT.docx      # a Word document holding SRC's text
  scripts/make-docx.py --bad DIR             # the broken ones: truncated, encrypted-looking, not a docx

Lines with tabs become a table, "- " lines list paragraphs (w:numPr), short lines without a
full stop followed by a blank line headings (Heading2), the first line the title."""
import sys, zipfile, html

CT = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'''
RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'''
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

def run(text):
    return f'<w:r><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'

def para(text, style=None, listed=False):
    ppr = ''
    if style or listed:
        ppr = '<w:pPr>' + (f'<w:pStyle w:val="{style}"/>' if style else '') + ('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if listed else '') + '</w:pPr>'
    return f'<w:p>{ppr}{run(text)}</w:p>'

def document(text):
    lines = text.splitlines()
    body, table = [], []
    def flush():
        if table:
            rows = ''.join('<w:tr>' + ''.join(f'<w:tc><w:p>{run(c)}</w:p></w:tc>' for c in r) + '</w:tr>' for r in table)
            body.append(f'<w:tbl>{rows}</w:tbl>')
            table.clear()
    first = True
    for i, line in enumerate(lines):
        # A Word document has no markdown: drop heading hashes and bold stars.
        s = line.strip().lstrip('#').strip().replace('**', '')
        if s == '---':
            continue
        if '\t' in s:
            table.append(s.split('\t'))
            continue
        flush()
        if not s:
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ''
        if first:
            body.append(para(s, 'Title')); first = False
        elif s.startswith('- '):
            body.append(para(s[2:], listed=True))
        elif len(s) < 110 and not s.endswith('.') and nxt == '':
            body.append(para(s, 'Heading2'))
        else:
            body.append(para(s))
    flush()
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{"".join(body)}</w:body></w:document>'

def write(out, xml):
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', xml)

if __name__ == '__main__':
    if sys.argv[1] == '--bad':
        d = sys.argv[2]
        good = open(f'{d}/ofsted-middlesbrough-2023.docx', 'rb').read()
        open(f'{d}/truncated.docx', 'wb').write(good[: len(good) // 2])
        open(f'{d}/encrypted.docx', 'wb').write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b'\0' * 504)
        open(f'{d}/not-really.docx', 'wb').write(b'This is plain text saved with a .docx name.\n')
        open(f'{d}/empty.docx', 'wb').write(b'')
    else:
        write(sys.argv[2], document(open(sys.argv[1], encoding='utf-8').read()))
