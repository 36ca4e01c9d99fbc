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
    // Empty items (pdf.js's end-of-line markers) carry the next line's position but no text:
    // letting them break the line and then the next word break it again printed some reports
    // double-spaced, every wrapped line a paragraph of its own.
    if (typeof it.str !== 'string' || !it.str) continue;
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
    last = { y, h, end: x + (it.width || 0) };
  }
  return out.replace(/[ \t]+\n/g, '\n').trimEnd();
}

/** The most pages read from one PDF (inspection reports run to about 100). */
export const MAX_PAGES = 2000;
/** The most text kept from one PDF, in UTF-16 code units (the core's limit is 20 MB of UTF-8). */
export const MAX_CHARS = 20 * 1024 * 1024;

/**
 * The text of a PDF. `pdfjs` is the pdf.js module; `data` the file's bytes; `options`:
 * `onPage(i, n)` called after each page, `signal` an AbortSignal that stops the reading,
 * `cMapUrl` and `standardFontDataUrl` where pdf.js finds its character maps and fonts (same
 * origin, shipped with the app). Throws an Error with `lensMessage` for damaged, encrypted,
 * scanned, over-long and cancelled PDFs. pdf.js's worker is always destroyed.
 */
export async function pdfToText(pdfjs, data, options = {}) {
  const { onPage, signal, cMapUrl, standardFontDataUrl } = typeof options === 'function' ? { onPage: options } : options;
  const task = pdfjs.getDocument({
    data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}), ...(standardFontDataUrl ? { standardFontDataUrl } : {}),
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      if (e && e.name === 'PasswordException') throw problem('the PDF is password-protected; save an unprotected copy and try again');
      if (e && e.name === 'InvalidPDFException') throw problem('the file is not a valid PDF (it may be damaged or incomplete)');
      throw problem(`the PDF could not be read (${(e && e.message) || e})`);
    }
    if (doc.numPages > MAX_PAGES) {
      throw problem(`the PDF has ${doc.numPages.toLocaleString('en-GB')} pages; the most one document may have is ${MAX_PAGES.toLocaleString('en-GB')}`);
    }
    const pages = [];
    let letters = 0;
    let chars = 0;
    for (let i = 1; i <= doc.numPages; i++) {
      if (signal && signal.aborted) throw problem('reading the PDF was cancelled');
      let text = '';
      try {
        const page = await doc.getPage(i);
        const content = await page.getTextContent();
        text = pageText(content.items);
        page.cleanup();
      } catch (e) {
        throw problem(`page ${i} of the PDF could not be read (it may be damaged)`);
      }
      letters += (text.match(/[A-Za-z]/g) || []).length;
      chars += text.length + 2;
      if (chars > MAX_CHARS) throw problem('the PDF holds more than 20 MB of text, over the limit for one document');
      pages.push(text);
      if (onPage) onPage(i, doc.numPages);
    }
    if (letters < 20 * Math.max(1, pages.length) / 4) throw problem('this PDF has no text — it is a scan; it needs OCR before it can be read');
    return pages.join('\n\f');
  } finally {
    await task.destroy().catch(() => {});
  }
}

/**
 * In the page: load pdf.js (shipped beside the app) and read `data` (a Uint8Array). Every
 * failure, including the one-file build's, is thrown as a string in words.
 */
export async function pdfToTextInBrowser(data, onPage, signal) {
  try {
    const base = document.baseURI;
    const onPageOpt = (i, n) => onPage && onPage(i, n);
    if (!base.startsWith('http')) {
      // The one-file build carries pdf.js as text (scripts/post-build.mjs): run it from blob:
      // URLs, without the character maps and fonts it cannot fetch.
      const carried = globalThis.__lensPdf;
      if (!carried) {
        throw problem('this copy of Assessment Lens cannot read PDFs: open the served page, or the one-file build (assessment-lens.html), to read this PDF, or paste its text');
      }
      const blobUrl = (text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
      const pdfjs = await import(blobUrl(carried.lib));
      if (!pdfjs.GlobalWorkerOptions.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = blobUrl(carried.worker);
      return await pdfToText(pdfjs, data, { onPage: onPageOpt, signal: signal || undefined });
    }
    const pdfjs = await import(new URL('./pdf.min.mjs', base).href);
    pdfjs.GlobalWorkerOptions.workerSrc = new URL('./pdf.worker.min.mjs', base).href;
    return await pdfToText(pdfjs, data, {
      onPage: onPageOpt,
      signal: signal || undefined,
      cMapUrl: new URL('./cmaps/', base).href,
      standardFontDataUrl: new URL('./standard_fonts/', base).href,
    });
  } catch (e) {
    throw (e && e.lensMessage) || String((e && e.message) || e);
  }
}
