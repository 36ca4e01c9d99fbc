//! Getting a file's text: the one intake path the page and the CLI share.
//!
//! 1. [`sniff`] tells the format from the bytes first and the name second: PDF (`%PDF`),
//!    Word `.docx` (a zip), HTML (a doctype or `<html>` near the start, or an `.html` name), or
//!    text. A file whose name promises a PDF but whose bytes are something else (a saved web
//!    page named `.pdf`) is refused in words.
//! 2. [`file_to_text`] turns text, HTML and `.docx` into text here, purely.
//! 3. PDFs are read outside the core, by `js/pdf-text.js` (pdf.js) — in the page's worker, or
//!    under Node for the CLI. Its contract: it returns the text, or throws an error whose
//!    message is already in words (`lensMessage`). [`pdf_text`] holds that text to the same
//!    limits as any other document, and [`pdf_problem`] turns whatever was thrown into a
//!    message for the user.
//!
//! Nothing here does I/O or panics; every refusal is a [`DecodeError`] that reads as a sentence.

mod decode;
mod docx;
mod html;

pub use decode::{decode, DecodeError, Decoded, MAX_INPUT_BYTES};
pub use docx::{docx_to_text, looks_like_docx};
pub use html::{error_page, html_to_text};

/// The formats a document can arrive in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Docx,
    Pdf,
}

/// Does the start of `bytes` look like an HTML document?
fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes);
    let head: Vec<u8> = start.iter().skip_while(|b| b.is_ascii_whitespace()).take(512).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html") || (head.starts_with(b"<!--") && contains(&head, b"<html"))
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn has_extension(name: &str, exts: &[&str]) -> bool {
    let lower = name.to_ascii_lowercase();
    exts.iter().any(|e| lower.ends_with(e))
}

/// The format of a file, from its bytes first and its name second.
pub fn sniff(name: &str, bytes: &[u8]) -> Result<Format, DecodeError> {
    if bytes.starts_with(b"%PDF") {
        return Ok(Format::Pdf);
    }
    if looks_like_docx(bytes) && !has_extension(name, &[".txt"]) {
        return Ok(Format::Docx);
    }
    let html = looks_like_html(bytes);
    if has_extension(name, &[".pdf"]) {
        return Err(DecodeError::Unreadable(if html {
            "the file is named .pdf but is not a PDF: it is a saved web page (HTML), perhaps an error page saved in place of the report"
                .into()
        } else if bytes.is_empty() {
            "the file is empty".into()
        } else {
            "the file is named .pdf but is not a PDF (it may be damaged, or another kind of file renamed)".into()
        }));
    }
    if has_extension(name, &[".docx"]) {
        return Ok(Format::Docx);
    }
    if has_extension(name, &[".doc"]) {
        return Err(DecodeError::Unreadable("old Word (.doc) files cannot be read; save it as .docx or copy the text".into()));
    }
    if html || has_extension(name, &[".html", ".htm", ".xhtml"]) {
        return Ok(Format::Html);
    }
    Ok(Format::Text)
}

/// The text of a file, by its name and bytes: text decoded, HTML stripped to its visible
/// text, Word documents read from their XML. PDFs are refused here (the caller reads them
/// through the PDF bridge and passes the result to [`pdf_text`]).
pub fn file_to_text(name: &str, bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(DecodeError::TooLarge { bytes: bytes.len() });
    }
    match sniff(name, bytes)? {
        Format::Pdf => {
            Err(DecodeError::Unreadable("this is a PDF: open it in the page or with the lens CLI, which read PDFs with pdf.js".into()))
        }
        Format::Docx => docx_to_text(bytes).map(|text| Decoded { text, warning: None }),
        Format::Html => {
            let d = decode(bytes)?;
            let text = html_to_text(&d.text);
            if text.trim().is_empty() {
                return Err(DecodeError::Unreadable("the web page has no visible text".into()));
            }
            if let Some(title) = error_page(&d.text, &text) {
                return Err(DecodeError::Unreadable(format!(
                    "this is a web page, not a report: it says “{title}”. Download the report itself (its PDF) and try again"
                )));
            }
            Ok(Decoded { text, warning: d.warning })
        }
        Format::Text => decode(bytes),
    }
}

/// The PDF bridge's text, held to the limits of any document.
pub fn pdf_text(text: String) -> Result<Decoded, DecodeError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(DecodeError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Unreadable("this PDF has no text — it is a scan; it needs OCR before it can be read".into()));
    }
    Ok(Decoded { text, warning: None })
}

/// A message for the user from whatever the PDF bridge reported: its own words when it gave
/// them, else a plain statement that the PDF could not be read.
pub fn pdf_problem(raw: Option<&str>) -> String {
    match raw.map(str::trim).filter(|m| !m.is_empty()) {
        Some(m) if m.contains("Cannot find package") || m.contains("ERR_MODULE_NOT_FOUND") => {
            "reading PDFs needs `npm ci` in the project (pdf.js is missing)".into()
        }
        Some(m) => m.to_string(),
        None => "the PDF could not be read".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_decide_before_names() {
        assert_eq!(sniff("report.txt", b"%PDF-1.7 ..."), Ok(Format::Pdf));
        assert_eq!(sniff("x", b"PK\x03\x04...."), Ok(Format::Docx));
        assert_eq!(sniff("notes.txt", b"PK\x03\x04...."), Ok(Format::Text));
        assert_eq!(sniff("-", b"  <!DOCTYPE html><html><body>x</body></html>"), Ok(Format::Html));
        assert_eq!(sniff("page.htm", b"<p>x</p>"), Ok(Format::Html));
        assert_eq!(sniff("report.txt", b"Inspection of Anytown"), Ok(Format::Text));
    }

    #[test]
    fn an_error_web_page_is_refused_with_its_title_and_a_report_page_is_read() {
        let page = b"<!DOCTYPE html><html><head><title>Report not found - Find an Inspection Report - Ofsted</title></head><body><h1>Report not found</h1><p>Sorry, the document you requested no longer exists.</p></body></html>";
        let e = file_to_text("ofsted-bromley-2012.txt", page).unwrap_err().to_string();
        assert!(e.contains("not a report") && e.contains("“Report not found - Find an Inspection Report - Ofsted”"), "{e}");
        let report = b"<html><head><title>Inspection of Anytown</title></head><body><p>Overall effectiveness: Good</p></body></html>";
        assert!(file_to_text("anytown.html", report).unwrap().text.contains("Overall effectiveness: Good"));
    }

    #[test]
    fn a_web_page_named_pdf_is_refused_in_words() {
        let e = sniff("ofsted-bromley-2012.pdf", b"<!DOCTYPE html>\n<html><head><title>Report not found</title>").unwrap_err();
        assert!(e.to_string().contains("saved web page"), "{e}");
        assert!(sniff("x.pdf", b"hello").unwrap_err().to_string().contains("not a PDF"));
        assert!(sniff("old.doc", b"\xd0\xcf\x11\xe0").unwrap_err().to_string().contains(".doc"));
    }

    #[test]
    fn html_files_become_their_visible_text() {
        let d = file_to_text("page.html", b"<html><body><h1>Anytown Council</h1><script>x()</script><p>Good &amp; safe.</p></body></html>")
            .unwrap();
        assert_eq!(d.text.lines().next(), Some("# Anytown Council"));
        assert!(d.text.contains("Good & safe.") && !d.text.contains("x()"), "{:?}", d.text);
        assert!(file_to_text("empty.html", b"<html><body><script>1</script></body></html>").is_err());
    }

    #[test]
    fn pdf_bridge_contract() {
        assert!(pdf_text("  \n".into()).unwrap_err().to_string().contains("scan"));
        assert_eq!(pdf_text("Inspection".into()).unwrap().text, "Inspection");
        assert_eq!(pdf_problem(Some("the PDF is password-protected")), "the PDF is password-protected");
        assert_eq!(pdf_problem(Some("")), "the PDF could not be read");
        assert_eq!(pdf_problem(None), "the PDF could not be read");
        assert!(pdf_problem(Some("Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'pdfjs-dist'")).contains("npm ci"));
    }
}
