#!/usr/bin/env python3
"""Build the bad-PDF test fixtures: a scan-like PDF with no text layer (drawn shapes only), a
truncated real report, an encrypted copy (needs Debian's qpdf), a text file named .pdf, and
an empty file.   scripts/make-bad-pdfs.py tests/fixtures/pdf/ofsted-croydon-2024.pdf OUTDIR"""
import os, subprocess, sys

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

# A page that is only pictures of text would carry an image; shapes stand in for it here:
# no text operators at all, as in a scan without OCR.
content = b"0.9 g 50 50 500 700 re f 0 g 100 600 400 20 re f 100 560 380 20 re f"
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
]
pdf = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    pdf += b"%010d 00000 n \n" % off
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(os.path.join(out, "scan.pdf"), "wb").write(pdf)

data = open(src, "rb").read()
open(os.path.join(out, "truncated.pdf"), "wb").write(data[: len(data) // 3])
open(os.path.join(out, "not-really.pdf"), "wb").write(b"Minutes of the meeting, saved as text with a .pdf name.\n")
open(os.path.join(out, "empty.pdf"), "wb").write(b"")
subprocess.run(["qpdf", "--encrypt", "secret", "owner-secret", "256", "--", src, os.path.join(out, "encrypted.pdf")], check=True)
