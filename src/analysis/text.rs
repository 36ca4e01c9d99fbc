//! The text layer: the input split into lines that keep their byte offsets into the
//! original, each line's content with markdown and bullet markers stripped (still a slice of
//! the original, so spans stay exact), and helpers that compare text loosely.

use super::format::month_number as month;
use super::Span;

/// One line of the input.
#[derive(Clone, Debug, Default)]
pub struct Line<'a> {
    /// Byte offset of the line's content (markers and outer spaces stripped).
    pub start: usize,
    /// The content: a slice of the original input.
    pub content: &'a str,
    /// A horizontal rule (`---`, `***`, `___`).
    pub is_rule: bool,
    /// The first line after a page break (form feed).
    pub page_start: bool,
    /// Began with a list marker (`-`, `*`, `•`, ``, …).
    pub is_bullet: bool,
    /// Began with a markdown heading marker: the number of `#`s.
    pub md_level: u8,
    /// Leading whitespace, in characters (PDF text indents list items).
    pub indent: usize,
}

impl Line<'_> {
    pub fn end(&self) -> usize {
        self.start + self.content.len()
    }
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
}

/// The document as lines.
pub struct Doc<'a> {
    pub lines: Vec<Line<'a>>,
}

impl<'a> Doc<'a> {
    pub fn new(input: &'a str) -> Self {
        // One allocation: a line per line end (counting them is cheap next to reallocating).
        let mut lines = Vec::with_capacity(input.bytes().filter(|&b| b == b'\n' || b == 0x0c).count() + 1);
        let mut offset = 0;
        let mut page_start = false;
        // Lines end at \n; a form feed (pdftotext's page break) also ends one. Scanned as bytes
        // (both are ASCII, so every cut is a character boundary).
        let bytes = input.as_bytes();
        while offset < bytes.len() {
            let end = bytes[offset..].iter().position(|&b| b == b'\n' || b == 0x0c).map_or(bytes.len(), |k| offset + k + 1);
            let raw = &input[offset..end];
            let body = raw.trim_end_matches(['\n', '\r', '\u{c}']);
            let mut l = line(body, offset);
            l.page_start = page_start;
            page_start = bytes[end - 1] == 0x0c;
            lines.push(l);
            offset = end;
        }
        Doc { lines }
    }

    /// Indices of the non-blank, non-rule lines after `i`, at most `n` of them.
    pub fn next_content(&self, i: usize, n: usize) -> impl Iterator<Item = usize> + '_ {
        (i + 1..self.lines.len()).filter(|&j| !self.lines[j].is_blank() && !self.lines[j].is_rule).take(n)
    }
}

const BULLETS: &[char] = &['-', '*', '+', '•', '·', '▪', '◼', '■', '●', '○', '◦', '–', 'o', '\u{f0b7}', '\u{f0a7}', '\u{f0d8}'];

fn line(body: &str, offset: usize) -> Line<'_> {
    // A blank line (half the lines of pdftotext's output): nothing to strip.
    if body.bytes().all(|b| b == b' ' || b == b'\t') {
        return Line { start: offset + body.len(), content: "", indent: body.len(), ..Line::default() };
    }
    let trimmed = body.trim_start();
    let mut start = body.len() - trimmed.len();
    let indent = body[..start].chars().count();
    let mut s = trimmed.trim_end();

    // Three or more of one of "-", "*", "_" and nothing else but spaces.
    let is_rule = matches!(s.as_bytes().first(), Some(b'-' | b'*' | b'_')) && {
        let mark = s.as_bytes()[0] as char;
        let mut marks = 0;
        s.chars().all(|c| {
            marks += usize::from(c == mark);
            c == mark || c.is_whitespace()
        }) && marks >= 3
    };
    if is_rule {
        return Line { start: offset + start, content: "", is_rule: true, page_start: false, is_bullet: false, md_level: 0, indent };
    }
    let mut md_level = 0u8;
    let mut is_bullet = false;

    loop {
        let before = s.len();
        if let Some(rest) = s.strip_prefix('#').filter(|_| md_level == 0) {
            let r = rest.trim_start_matches('#');
            md_level = (1 + rest.len() - r.len()).min(6) as u8;
            s = r;
        } else if let Some(rest) = s.strip_prefix('>') {
            s = rest;
        } else if let Some(c) = s.chars().next() {
            // A bullet needs a space after it, so "-3%" or "**bold**" are left alone.
            let rest = &s[c.len_utf8()..];
            // Symbol fonts (Wingdings, Symbol) put their bullets in the Private Use Area:
            // U+F06E, U+F0A7, U+F0B7, U+F0D8… in PDFs of 2013–18 reports.
            let private_use = ('\u{e000}'..='\u{f8ff}').contains(&c);
            let glyph_only = c == '\u{f0b7}' || c == '◼' || c == '▪' || c == '•' || private_use;
            if (BULLETS.contains(&c) || private_use) && (rest.starts_with(char::is_whitespace) || (glyph_only && !rest.is_empty())) {
                is_bullet = true;
                s = rest;
            }
        }
        let t = s.trim_start();
        s = t;
        start += before - s.len();
        if s.len() == before {
            break;
        }
    }
    // Emphasis around the whole line: **text**, __text__, *text*.
    for m in ["**", "__", "*", "_"] {
        if s.len() >= 2 * m.len() && s.starts_with(m) && s.ends_with(m) {
            s = &s[m.len()..s.len() - m.len()];
            start += m.len();
            let t = s.trim_start();
            start += s.len() - t.len();
            s = t.trim_end();
            break;
        }
    }
    // Trailing markdown: closing #s, hard-break backslash.
    s = s.trim_end_matches(['#', '\\']).trim_end();
    Line { start: offset + start, content: s, is_rule: false, page_start: false, is_bullet, md_level, indent }
}

/// The first `max` bytes of `s` (less, to end on a character boundary): what a rule that looks
/// at a title or an opening line reads of it, however long the line.
pub fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The most of one line a title rule reads.
pub const TITLE_BYTES: usize = 1_000;

/// Does `hay` contain `needle` (ASCII, any case)? No allocation: for cheap first looks.
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return false };
    let first = first.to_ascii_lowercase();
    h.len() >= n.len() && (0..=h.len() - n.len()).any(|i| h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// A fast hash for the core's word sets and cue tables (the Fx hash of rustc): the keys are
/// words of the user's own document, so the default hasher's protection against crafted keys
/// buys nothing and costs a fifth of the analysis of a large text.
#[derive(Clone, Copy, Default)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, mut bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        while let Some((chunk, rest)) = bytes.split_first_chunk::<8>() {
            h = (h.rotate_left(5) ^ u64::from_le_bytes(*chunk)).wrapping_mul(K);
            bytes = rest;
        }
        for &b in bytes {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;
pub type FastSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FxHasher>>;

/// Lower-case, straight quotes, plain hyphens and spaces, no emphasis markers or stray
/// punctuation at the ends: for comparing report wording, never for spans.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    fn push(out: &mut String, space: &mut bool, c: char) {
        if *space {
            out.push(' ');
            *space = false;
        }
        out.push(c);
    }
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Most of a report is ASCII: one byte at a time, no decoding (norm runs on every line).
        if b.is_ascii() {
            i += 1;
            match b {
                b'*' | b'\\' => {}
                b'`' => push(&mut out, &mut space, '\''),
                b if b.is_ascii_whitespace() || b == 0x0b => space = !out.is_empty(),
                b => push(&mut out, &mut space, b.to_ascii_lowercase() as char),
            }
            continue;
        }
        let Some(c) = s[i..].chars().next() else { break };
        i += c.len_utf8();
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => {
                space = !out.is_empty();
                continue;
            }
            c => c,
        };
        for l in c.to_lowercase() {
            push(&mut out, &mut space, l);
        }
    }
    let end = out.trim_end_matches([':', '.', ';', ',', ' ']).len();
    out.truncate(end);
    out
}

/// `norm` without punctuation at all: letters, digits and single spaces.
pub fn words(s: &str) -> String {
    let n = norm(s);
    let mut out = String::with_capacity(n.len());
    for w in n.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The byte span within `content` (starting at `base`) of the first case-insensitive
/// ASCII occurrence of `needle`, or the whole content when it is not found.
pub fn find_span(content: &str, base: usize, needle: &str) -> Span {
    let hay = content.to_ascii_lowercase();
    match hay.find(&needle.to_ascii_lowercase()) {
        Some(i) if content.is_char_boundary(i) && content.is_char_boundary(i + needle.len()) => (base + i, base + i + needle.len()),
        _ => (base, base + content.len()),
    }
}

fn day(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(',');
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix.to_ascii_lowercase().as_str(), "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.', ')']);
    if w.len() != 4 {
        return None;
    }
    w.parse().ok().filter(|y| (1990..=2100).contains(y))
}

fn days_in(m: u32, y: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    (d <= days_in(m, y)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The first date written in `s` ("21 February 2025", "Tuesday 21st September, 2021",
/// "February 21, 2025", "2025-02-21", "21/02/2025"), as an ISO date.
pub fn parse_date(s: &str) -> Option<String> {
    let ws: Vec<&str> = s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    for i in 0..ws.len() {
        if let (Some(d), Some(m), Some(y)) =
            (day(ws[i]), ws.get(i + 1).and_then(|w| month(w.trim_end_matches(','))), ws.get(i + 2).and_then(|w| year(w)))
        {
            if let Some(v) = iso(y, m, d) {
                return Some(v);
            }
        }
        if let (Some(m), Some(d), Some(y)) = (month(ws[i]), ws.get(i + 1).and_then(|w| day(w)), ws.get(i + 2).and_then(|w| year(w))) {
            if let Some(v) = iso(y, m, d) {
                return Some(v);
            }
        }
        let w = ws[i].trim_end_matches(['.', ',', ')']);
        let parts: Vec<&str> = w.split(['-', '/']).collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
            let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            if n.len() == 3 {
                let got = if parts[0].len() == 4 {
                    (n[0], n[1], n[2])
                } else if parts[2].len() == 4 {
                    (n[2], n[1], n[0])
                } else {
                    continue;
                };
                if (1..=12).contains(&got.1) && got.2 >= 1 && (1990..=2100).contains(&got.0) {
                    if let Some(v) = iso(got.0, got.1, got.2) {
                        return Some(v);
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_strip_markers_and_keep_offsets() {
        let input = "# Title\r\n\n- **2%** rise\n---\n## Score: 2 ##\n  • item\n3\n\u{c}next page\n";
        let doc = Doc::new(input);
        let contents: Vec<&str> = doc.lines.iter().map(|l| l.content).collect();
        assert_eq!(contents, ["Title", "", "**2%** rise", "", "Score: 2", "item", "3", "", "next page"]);
        assert_eq!(doc.lines[0].md_level, 1);
        assert_eq!(doc.lines[4].md_level, 2);
        assert!(doc.lines[2].is_bullet && doc.lines[5].is_bullet);
        assert!(doc.lines[8].page_start);
        assert!(doc.lines[3].is_rule);
        for l in &doc.lines {
            assert_eq!(&input[l.start..l.end()], l.content);
        }
    }

    #[test]
    fn bold_whole_line_is_unwrapped() {
        let doc = Doc::new("**Assessing needs**");
        assert_eq!(doc.lines[0].content, "Assessing needs");
        assert_eq!(doc.lines[0].start, 2);
    }

    #[test]
    fn norm_folds_quotes_dashes_and_case() {
        assert_eq!(norm("  Children\u{2019}s   Services – **Good**: "), "children's services - good");
        assert_eq!(words("Care provision, integration and continuity."), "care provision integration and continuity");
    }

    #[test]
    fn dates_in_many_shapes() {
        assert_eq!(parse_date("Assessment published: 21 February 2025").as_deref(), Some("2025-02-21"));
        assert_eq!(parse_date("Date: Tuesday 21st September, 2021").as_deref(), Some("2021-09-21"));
        assert_eq!(parse_date("Published February 3, 2024").as_deref(), Some("2024-02-03"));
        assert_eq!(parse_date("on 2023-11-17.").as_deref(), Some("2023-11-17"));
        assert_eq!(parse_date("on 17/11/2023").as_deref(), Some("2023-11-17"));
        assert_eq!(parse_date("Sept 9 2023").as_deref(), Some("2023-09-09"));
        assert_eq!(parse_date("31 February 2025"), None);
        assert_eq!(parse_date("may be 12 in 2025"), None);
    }

    #[test]
    fn symbol_font_bullets_are_bullets() {
        let doc = Doc::new("Areas for improvement\n\u{f06e} Ensure that plans are recorded.\n\u{f0a7}Review the offer.\n");
        assert!(doc.lines[1].is_bullet && doc.lines[2].is_bullet);
        assert_eq!(doc.lines[1].content, "Ensure that plans are recorded.");
        assert_eq!(doc.lines[2].content, "Review the offer.");
    }
}
