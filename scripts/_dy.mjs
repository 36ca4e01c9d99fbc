import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import fs from 'fs';
const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({data, verbosity:0}).promise;
for (const p of process.argv.slice(3).map(Number)) {
  const page = await doc.getPage(p); const c = await page.getTextContent();
  let last=null; const r=[];
  for (const it of c.items) { if (!it.str) continue; const y=it.transform[5], h=Math.abs(it.height||it.transform[3]||10);
    if (last && Math.abs(y-last.y)>2) r.push(`${(Math.abs(y-last.y)).toFixed(1)}/${h.toFixed(1)}=${(Math.abs(y-last.y)/Math.max(h,last.h)).toFixed(2)} ${it.str.slice(0,30)}`);
    last={y,h}; }
  console.log('page',p); console.log(r.join('\n'));
}
