#!/usr/bin/env node
// The `lens` CLI's PDF reader: the page's own extraction code (js/pdf-text.js) under Node,
// with pdf.js from node_modules. Prints the text; on a problem prints it and exits 3.
//   node scripts/pdf-text.mjs FILE.pdf
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfToText } from '../js/pdf-text.js';

const file = process.argv[2];
try {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(fs.readFileSync(file));
  // pdf.js's character maps and standard fonts, from the same package (read from disk under Node).
  const dist = path.dirname(fileURLToPath(import.meta.resolve('pdfjs-dist/package.json')));
  process.stdout.write(await pdfToText(pdfjs, data, {
    cMapUrl: `${dist}/cmaps/`,
    standardFontDataUrl: `${dist}/standard_fonts/`,
  }));
} catch (e) {
  process.stderr.write(`${(e && e.lensMessage) || (e && e.message) || e}\n`);
  process.exit(3);
}
