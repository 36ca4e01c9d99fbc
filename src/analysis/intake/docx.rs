//! Word documents (.docx) to text: the zip's `word/document.xml`, read with an XML parser.
//! Paragraphs become lines separated by blank lines, headings are marked as markdown
//! headings, list paragraphs as "- " items, and table cells are separated by tabs, so the
//! reading layer sees the structure. Pure: bytes in, text out; no panics.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{DecodeError, MAX_INPUT_BYTES};

/// The most uncompressed XML read from one document (a guard against zip bombs).
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// Is this a .docx (a zip), judging by its first bytes?
pub fn looks_like_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

pub fn docx_to_text(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return Err(DecodeError::Unreadable(
            "it is a password-protected Word document or an old .doc file; save it as an unprotected .docx".into(),
        ));
    }
    if !looks_like_docx(bytes) {
        return Err(DecodeError::Unreadable("it is not a Word (.docx) document".into()));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| DecodeError::Unreadable("the Word document is damaged or incomplete".into()))?;
    let mut entry = archive
        .by_name("word/document.xml")
        .map_err(|_| DecodeError::Unreadable("the file is a zip but holds no Word document text".into()))?;
    if entry.encrypted() {
        return Err(DecodeError::Unreadable("the Word document is encrypted".into()));
    }
    let mut xml = String::new();
    entry
        .by_ref()
        .take(MAX_XML_BYTES)
        .read_to_string(&mut xml)
        .map_err(|_| DecodeError::Unreadable("the Word document is damaged or incomplete".into()))?;
    xml_to_text(&xml)
}

/// The text of `word/document.xml`.
fn xml_to_text(xml: &str) -> Result<String, DecodeError> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut para = String::new();
    let mut prefix = String::new();
    let mut in_text = false;
    let mut cell_depth = 0usize;
    let mut row_cells: Vec<String> = Vec::new();
    let damaged = || DecodeError::Unreadable("the Word document's text is damaged".into());
    loop {
        let event = reader.read_event().map_err(|_| damaged())?;
        match event {
            // A self-closing <w:t/> holds no text: don't start reading text at it.
            Event::Empty(e) if local(e.name().as_ref()) == b"t" => {}
            Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                b"p" => {
                    para.clear();
                    prefix.clear();
                }
                b"t" => in_text = true,
                b"tab" => para.push('\t'),
                b"br" | b"cr" => para.push('\n'),
                b"pStyle" => {
                    for a in e.attributes().flatten() {
                        if local(a.key.as_ref()) == b"val" {
                            let v = String::from_utf8_lossy(&a.value).to_ascii_lowercase();
                            let level = v.trim_start_matches("heading").parse::<usize>().ok();
                            if v == "title" {
                                prefix = "# ".into();
                            } else if let Some(l) = level.filter(|_| v.starts_with("heading")) {
                                prefix = format!("{} ", "#".repeat(l.saturating_add(1).min(6)));
                            } else if v.contains("list") {
                                prefix = "- ".into();
                            }
                        }
                    }
                }
                b"numPr" if prefix.is_empty() => prefix = "- ".into(),
                b"tc" => cell_depth += 1,
                b"tr" => row_cells.clear(),
                _ => {}
            },
            Event::Text(t) if in_text => para.push_str(&t.unescape().map_err(|_| damaged())?),
            Event::End(e) => match local(e.name().as_ref()) {
                b"t" => in_text = false,
                b"p" => {
                    let text = para.trim();
                    if cell_depth > 0 {
                        if let Some(cell) = row_cells.last_mut() {
                            if !cell.is_empty() && !text.is_empty() {
                                cell.push(' ');
                            }
                            cell.push_str(text);
                        } else {
                            row_cells.push(text.to_string());
                        }
                    } else if !text.is_empty() {
                        out.push_str(&prefix);
                        out.push_str(text);
                        out.push_str("\n\n");
                    }
                    para.clear();
                }
                b"tc" => {
                    cell_depth = cell_depth.saturating_sub(1);
                    row_cells.push(String::new());
                }
                b"tr" => {
                    let cells: Vec<&str> = row_cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
                    if !cells.is_empty() {
                        out.push_str(&cells.join("\t"));
                        out.push('\n');
                    }
                    row_cells.clear();
                }
                b"tbl" => out.push('\n'),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        // A small zip can hold a great deal of text (a zip bomb): hold it to one document's limit.
        if out.len() + para.len() > MAX_INPUT_BYTES {
            return Err(DecodeError::Unreadable(format!(
                "the Word document's text is over the {} MB limit for one document",
                MAX_INPUT_BYTES / 1_048_576
            )));
        }
    }
    if out.trim().is_empty() {
        return Err(DecodeError::Unreadable("the Word document has no text".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Health Scrutiny Panel</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Areas for development</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Earlier </w:t></w:r><w:r><w:t>identification &amp; support.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Judgement</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Grade</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Overall effectiveness</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Good</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;

    #[test]
    fn paragraphs_headings_lists_and_tables() {
        let t = xml_to_text(DOC).unwrap();
        assert_eq!(t, "# Health Scrutiny Panel\n\n## Areas for development\n\n- Earlier identification & support.\n\nJudgement\tGrade\nOverall effectiveness\tGood\n\n");
    }

    #[test]
    fn bad_files_say_why() {
        assert_eq!(docx_to_text(b""), Err(DecodeError::Empty));
        assert!(matches!(docx_to_text(b"%PDF-1.7"), Err(DecodeError::Unreadable(m)) if m.contains("not a Word")));
        assert!(matches!(docx_to_text(&[0xd0, 0xcf, 0x11, 0xe0, 0, 0]), Err(DecodeError::Unreadable(m)) if m.contains("password")));
        assert!(matches!(docx_to_text(b"PK\x03\x04truncated"), Err(DecodeError::Unreadable(m)) if m.contains("damaged")));
    }

    #[test]
    fn huge_heading_levels_and_text_over_the_limit() {
        let body = |inner: &str| format!("<w:document><w:body>{inner}</w:body></w:document>");
        let heading = body("<w:p><w:pPr><w:pStyle w:val=\"Heading18446744073709551615\"/></w:pPr><w:r><w:t>Big</w:t></w:r></w:p>");
        assert_eq!(xml_to_text(&heading).unwrap(), "###### Big\n\n");
        let para = "<w:p><w:r><w:t>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</w:t></w:r></w:p>";
        let big = body(&para.repeat(MAX_INPUT_BYTES / 100 + 10));
        assert!(xml_to_text(&big).unwrap_err().to_string().contains("limit"));
    }
}
