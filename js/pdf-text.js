// PDF to text with Mozilla's pdf.js, page by page, in reading order, with line breaks and
// blank lines between paragraphs and a form feed between pages — the shape `pdftotext`
// gives, which the core's reading layer expects. The same code runs in the page (pdf.js
// parses in its own Web Worker) and under Node for the `lens` CLI (scripts/pdf-text.mjs).

/** Errors a person can act on. */
function problem(message) {
  const e = new Error(message);
  e.lensMessage = message;
  return e;
}

function pageText(items) {
  let out = '';
  let last = null;
  for (const it of items) {
    if (typeof it.str !== 'string') continue;
    const x = it.transform[4];
    const y = it.transform[5];
    const h = Math.abs(it.height || it.transform[3] || 10);
    if (last) {
      const dy = Math.abs(y - last.y);
      if (dy > Math.max(2, Math.min(h, last.h) * 0.5)) {
        out = out.replace(/[ \t]+$/, '');
        out += dy > Math.max(h, last.h) * 1.9 ? '\n\n' : '\n';
      } else if (it.str && x - last.end > h * 2.5) {
        // A wide gap on one line is a table column: keep the cells apart.
        out = out.replace(/[ \t]+$/, '') + '\t';
      } else if (it.str && !out.endsWith(' ') && !it.str.startsWith(' ') && x - last.end > Math.max(1, h * 0.15)) {
        out += ' ';
      }
    }
    out += it.str;
    if (it.str.length || !last) last = { y, h, end: x + (it.width || 0) };
  }
  return out.replace(/[ \t]+\n/g, '\n').trimEnd();
}

/**
 * The text of a PDF. `pdfjs` is the pdf.js module; `data` the file's bytes; `onPage(i, n)`
 * is called after each page. Throws an Error with `lensMessage` for damaged, encrypted and
 * scanned PDFs.
 */
export async function pdfToText(pdfjs, data, onPage) {
  let doc;
  try {
    doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    if (e && e.name === 'PasswordException') throw problem('the PDF is password-protected; save an unprotected copy and try again');
    if (e && e.name === 'InvalidPDFException') throw problem('the file is not a valid PDF (it may be damaged or incomplete)');
    throw problem(`the PDF could not be read (${(e && e.message) || e})`);
  }
  const pages = [];
  let letters = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    let text = '';
    try {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      text = pageText(content.items);
    } catch (e) {
      throw problem(`page ${i} of the PDF could not be read (it may be damaged)`);
    }
    letters += (text.match(/[A-Za-z]/g) || []).length;
    pages.push(text);
    if (onPage) onPage(i, doc.numPages);
  }
  await doc.destroy();
  if (letters < 20 * Math.max(1, pages.length) / 4) throw problem('this PDF has no text — it is a scan; it needs OCR before it can be read');
  return pages.join('\n\f');
}

/** In the page: load pdf.js (shipped beside the app) and read `data` (a Uint8Array). */
export async function pdfToTextInBrowser(data, onPage) {
  const base = document.baseURI;
  if (!base.startsWith('http')) throw problem('PDFs can be read in the served or installed page, not in the one-file build');
  const pdfjs = await import(new URL('./pdf.min.mjs', base).href);
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('./pdf.worker.min.mjs', base).href;
  try {
    return await pdfToText(pdfjs, data, (i, n) => onPage && onPage(i, n));
  } catch (e) {
    throw (e && e.lensMessage) || String(e);
  }
}
