//! The reading layer over `text::Doc`: the document as blocks of normalised text (headings,
//! paragraphs, list items, numbered paragraphs, table rows), an outline of sections, and
//! sentences. Normalised text keeps a map back to the original bytes, so anything found in it
//! still has an exact span.
//!
//! Normalisation removes what is not the author's text: markdown markers and links, page
//! numbers and repeated running headers/footers, bullet glyphs, lines wrapped mid-sentence
//! (and words hyphenated across them), ligatures, footnote digits glued to words, non-breaking
//! spaces, curly quotes, and `?` standing in for a lost hyphen ("co?production").

use std::cell::OnceCell;
use std::collections::HashSet;

use super::text::{Doc, Line};
use super::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    Numbered,
    TableRow,
}

/// A piece of the normalised text and where it came from.
#[derive(Clone, Debug)]
struct Seg {
    /// Offset in the block's text where this piece starts.
    at: usize,
    orig: usize,
    orig_end: usize,
    /// Copied byte for byte (offsets inside map one to one); else replaced as a whole.
    identity: bool,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// Heading level, 1 = top; 0 for other blocks.
    pub level: u8,
    /// Normalised text.
    pub text: String,
    /// "12." or "4.3" for numbered paragraphs.
    pub number: Option<String>,
    /// Index into `Reading::outline` of the section this block is in.
    pub section: Option<usize>,
    /// Line indices (into `Doc::lines`) of the block's first and last lines.
    pub lines: (usize, usize),
    /// The first line's indent.
    pub indent: usize,
    map: Vec<Seg>,
}

impl Block {
    /// The original span of `text[start..end]`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let start = start.min(self.text.len());
        let end = end.clamp(start, self.text.len());
        let s = match self.map.partition_point(|g| g.at <= start).checked_sub(1).and_then(|i| self.map.get(i)) {
            Some(g) if g.identity => (g.orig + (start - g.at)).min(g.orig_end),
            Some(g) => g.orig,
            None => return (0, 0),
        };
        if end == start {
            return (s, s);
        }
        let e = match self.map.partition_point(|g| g.at < end).checked_sub(1).and_then(|i| self.map.get(i)) {
            Some(g) if g.identity => (g.orig + (end - g.at)).min(g.orig_end),
            Some(g) => g.orig_end,
            None => s,
        };
        (s, e.max(s))
    }

    pub fn whole_span(&self) -> Span {
        self.span(0, self.text.len())
    }
}

#[derive(Clone, Debug)]
pub struct Section {
    pub title: String,
    /// `norm(title)`, computed once.
    pub norm: String,
    pub level: u8,
    pub parent: Option<usize>,
    /// Index of the heading block.
    pub block: usize,
}

pub struct Reading {
    pub blocks: Vec<Block>,
    pub outline: Vec<Section>,
}

impl Reading {
    /// The titles from the top of the outline down to `section`.
    pub fn section_title(&self, section: Option<usize>) -> Option<&str> {
        section.and_then(|i| self.outline.get(i)).map(|s| s.title.as_str())
    }
}

/// Builds a block's text and its map.
#[derive(Default)]
struct TextBuf {
    text: String,
    map: Vec<Seg>,
}

impl TextBuf {
    fn keep(&mut self, s: &str, orig: usize) {
        if s.is_empty() {
            return;
        }
        if let Some(last) = self.map.last_mut() {
            if last.identity && last.orig_end == orig && last.at + (last.orig_end - last.orig) == self.text.len() {
                last.orig_end += s.len();
                self.text.push_str(s);
                return;
            }
        }
        self.map.push(Seg { at: self.text.len(), orig, orig_end: orig + s.len(), identity: true });
        self.text.push_str(s);
    }

    fn replace(&mut self, with: &str, orig: usize, orig_end: usize) {
        if with.is_empty() {
            return;
        }
        self.map.push(Seg { at: self.text.len(), orig, orig_end, identity: false });
        self.text.push_str(with);
    }

    fn ends_with_space(&self) -> bool {
        self.text.is_empty() || self.text.ends_with(' ')
    }

    /// Drop trailing bytes (e.g. a line-end hyphen), keeping the map consistent.
    fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
        while self.map.last().is_some_and(|g| g.at >= len) {
            self.map.pop();
        }
        if let Some(g) = self.map.last_mut() {
            if g.identity {
                g.orig_end = g.orig_end.min(g.orig + (len - g.at));
            }
        }
    }

    fn trim_end(&mut self) {
        let t = self.text.trim_end().len();
        self.truncate(t);
    }

    /// Append one line's content, normalising characters.
    fn push_line(&mut self, content: &str, base: usize) {
        let bytes = content.as_bytes();
        let mut skip_to = 0;
        let mut run_start: Option<usize> = None;
        // Flush the identity run [run_start, i).
        macro_rules! flush {
            ($i:expr) => {
                if let Some(r) = run_start.take() {
                    self.keep(&content[r..$i], base + r);
                }
            };
        }
        let mut iter = content.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let next_i = iter.peek().map(|(j, _)| *j).unwrap_or(content.len());
            if i < skip_to {
                continue;
            }
            let next = iter.peek().map(|(_, n)| *n);
            let prev = content[..i].chars().next_back();
            let replacement: Option<&str> = match c {
                '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{2002}' | '\u{2003}' | '\t' | ' ' => {
                    if self.ends_with_space() && run_start.is_none() || prev.is_some_and(char::is_whitespace) {
                        Some("")
                    } else if c == ' ' {
                        None
                    } else {
                        Some(" ")
                    }
                }
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => Some(""),
                '\u{2018}' | '\u{2019}' | '\u{201b}' => Some("'"),
                '\u{201c}' | '\u{201d}' => Some("\""),
                '\u{fb00}' => Some("ff"),
                '\u{fb01}' => Some("fi"),
                '\u{fb02}' => Some("fl"),
                '\u{fb03}' => Some("ffi"),
                '\u{fb04}' => Some("ffl"),
                '*' if next == Some('*') || prev == Some('*') => Some(""),
                '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => Some(""),
                '?' if prev.is_some_and(char::is_alphabetic) && next.is_some_and(|n| n.is_lowercase()) => Some("-"),
                '[' if content[i..].find("](").is_some_and(|k| content[i + k..].contains(')')) => Some(""),
                ']' if content[i..].starts_with("](") => {
                    // Drop "](target)".
                    let close = content[i..].find(')').map(|k| i + k + 1).unwrap_or(content.len());
                    skip_to = close;
                    flush!(i);
                    continue;
                }
                d if d.is_ascii_digit() && is_footnote(bytes, i) => {
                    let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                    skip_to = end;
                    flush!(i);
                    continue;
                }
                _ => None,
            };
            match replacement {
                None => {
                    run_start.get_or_insert(i);
                }
                Some(r) => {
                    flush!(i);
                    self.replace(r, base + i, base + next_i);
                }
            }
        }
        flush!(content.len());
    }
}

/// Digits at `i` that are a footnote marker glued to a word: "board1 ", "protection.2".
fn is_footnote(bytes: &[u8], i: usize) -> bool {
    let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 2 || (i > 0 && bytes[i - 1].is_ascii_digit()) {
        return false;
    }
    match bytes.get(i + digits) {
        None => {}
        Some(b) if b.is_ascii_whitespace() || matches!(b, b',' | b';' | b')') => {}
        _ => return false,
    }
    let mut j = i;
    if j > 0 && matches!(bytes[j - 1], b'.' | b',') {
        j -= 1;
    }
    let letters = bytes[..j].iter().rev().take_while(|b| b.is_ascii_lowercase()).count();
    let before = j.checked_sub(letters + 1).map(|k| bytes[k]);
    letters >= 3 && !before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'/' || b == b'_' || b == b'@')
}

/// "Page 3 of 12", "- 3 -", "3": a line that is only a page number.
fn is_page_number(s: &str) -> bool {
    let t = s.trim().trim_matches('-').trim();
    let lower = t.to_ascii_lowercase();
    let t = lower.strip_prefix("page").map(str::trim).unwrap_or(&lower);
    let mut parts = t.splitn(2, " of ");
    let a = parts.next().unwrap_or("");
    let b = parts.next();
    let num = |x: &str| !x.is_empty() && x.len() <= 4 && x.bytes().all(|c| c.is_ascii_digit());
    num(a.trim()) && b.is_none_or(|b| num(b.trim()))
}

/// Lines that are page furniture: page numbers and running headers/footers near page breaks,
/// and "Page N of M" anywhere.
fn furniture(doc: &Doc) -> Vec<bool> {
    let n = doc.lines.len();
    let mut skip = vec![false; n];
    let mut breaks: Vec<usize> = (0..n).filter(|&i| doc.lines[i].page_start).collect();
    // The end of a paged document is the end of its last page.
    if !breaks.is_empty() {
        breaks.push(n);
    }
    // Lines within two content lines of a page break, either side.
    let mut near = vec![false; n];
    for &b in &breaks {
        for j in (0..b).rev().filter(|&j| !doc.lines[j].is_blank()).take(3) {
            near[j] = true;
        }
        for j in (b..n).filter(|&j| !doc.lines[j].is_blank()).take(2) {
            near[j] = true;
        }
    }
    // A line's shape: digit runs as one '#', space runs as one space ("Page 3", "Page 12").
    let shape = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            let c = if c.is_ascii_digit() {
                '#'
            } else if c.is_whitespace() {
                ' '
            } else {
                c
            };
            if !((c == '#' || c == ' ') && out.ends_with(c)) {
                out.push(c);
            }
        }
        out
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for i in (0..n).filter(|&i| near[i]) {
        let c = doc.lines[i].content;
        if c.len() < 100 {
            *counts.entry(shape(c)).or_default() += 1;
        }
    }
    let repeated = (breaks.len() / 2).max(3);
    for i in 0..n {
        let c = doc.lines[i].content;
        if c.is_empty() {
            continue;
        }
        let lower = c.to_ascii_lowercase();
        if (lower.starts_with("page ") && lower.contains(" of ") && is_page_number(c))
            || (near[i] && (is_page_number(c) || counts.get(&shape(c)).is_some_and(|&k| k >= repeated)))
        {
            skip[i] = true;
        }
    }
    skip
}

/// The usual length of a wrapped line, when the text is wrapped (PDF text); `None` when
/// paragraphs are single long lines.
fn wrap_width(doc: &Doc) -> Option<usize> {
    let mut lens: Vec<usize> = doc.lines.iter().map(|l| l.content.chars().count()).filter(|&n| n > 20).collect();
    if lens.len() < 10 {
        return None;
    }
    lens.sort_unstable();
    let p90 = lens[lens.len() * 9 / 10];
    (p90 <= 130).then_some(p90)
}

/// The cells of a table row: text separated by tabs or by gaps of three or more spaces
/// (`pdftotext -layout`), with their offsets. One cell for ordinary lines.
fn table_cells(c: &str) -> Vec<(usize, &str)> {
    let mut cells = Vec::new();
    let mut start = 0;
    let b = c.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let gap = if b[i] == b'\t' {
            1
        } else if b[i..].starts_with(b"   ") {
            3
        } else {
            0
        };
        if gap > 0 {
            let mut j = i;
            while j < b.len() && (b[j] == b' ' || b[j] == b'\t') {
                j += 1;
            }
            let cell = c[start..i].trim();
            if !cell.is_empty() {
                cells.push((start + (c[start..i].len() - c[start..i].trim_start().len()), cell));
            }
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    let cell = c[start..].trim();
    if !cell.is_empty() {
        cells.push((start + (c[start..].len() - c[start..].trim_start().len()), cell));
    }
    cells
}

/// "a)", "(b)", "iv)": a lettered or roman list marker, with the rest.
fn lettered(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('(').unwrap_or(s);
    let close = inner.find(')')?;
    let mark = &inner[..close];
    let ok = (mark.len() == 1 && mark.bytes().all(|c| c.is_ascii_lowercase()))
        || (!mark.is_empty() && mark.len() <= 4 && mark.bytes().all(|c| matches!(c, b'i' | b'v' | b'x')));
    let rest = &inner[close + 1..];
    (ok && rest.starts_with(char::is_whitespace)).then(|| (mark, rest.trim_start()))
}

/// "12." / "4.3" / "2.1." at the start of a line, with the rest; also "a)" and "(ii)".
fn numbered(s: &str) -> Option<(&str, &str)> {
    if let Some(l) = lettered(s) {
        return Some(l);
    }
    let b = s.as_bytes();
    let mut i = 0;
    let mut groups = 0;
    loop {
        let d = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if d == 0 || d > 3 {
            return None;
        }
        i += d;
        groups += 1;
        if b.get(i) == Some(&b'.') {
            i += 1;
            if b.get(i).is_some_and(u8::is_ascii_digit) && groups < 4 {
                continue;
            }
        } else if groups == 1 {
            return None; // "12 month" is not numbered
        }
        break;
    }
    let rest = s.get(i..)?;
    if rest.is_empty() {
        return Some((s[..i].trim_end_matches('.'), ""));
    }
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((s[..i].trim_end_matches('.'), rest.trim_start()))
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}']).ends_with(['.', '!', '?', ':', ';'])
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Could this line be a heading, judged by itself?
fn heading_shape(s: &str, wrap: Option<usize>) -> bool {
    let chars = s.chars().count();
    let words = s.split_whitespace().count();
    let first = s.chars().next();
    if chars < 3 || chars > 150 || words > 20 || !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    if s.ends_with(['.', ',', ';']) && !s.ends_with("...") || s.contains('\t') || s.contains('%') || s.contains('£') {
        return false;
    }
    // "Score: 2", "Published: 1 May 2025" are label and value, not headings.
    if let Some((_, v)) = s.split_once(": ") {
        if v.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    if !s.chars().any(|c| c.is_alphabetic()) {
        return false;
    }
    match wrap {
        Some(w) => chars * 10 <= w * 8 || s.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()),
        None => true,
    }
}

/// Read `doc` into blocks and an outline.
pub fn read(doc: &Doc, input: &str) -> Reading {
    let skip = furniture(doc);
    let wrap = wrap_width(doc);
    let lines = &doc.lines;
    let n = lines.len();
    let mut blocks: Vec<Block> = Vec::new();
    // The block being built: kind, level, number, text, first line, last line.
    let mut cur: Option<(BlockKind, u8, Option<String>, TextBuf, usize, usize)> = None;
    // A page break passed since the last content line.
    let mut page_gap = false;
    let mut blank_before = true;
    let mut pending_number: Option<(String, usize)> = None;

    fn finish(blocks: &mut Vec<Block>, cur: &mut Option<(BlockKind, u8, Option<String>, TextBuf, usize, usize)>, lines: &[Line]) {
        if let Some((kind, level, number, mut buf, first, last)) = cur.take() {
            buf.trim_end();
            if !buf.text.is_empty() {
                let indent = lines.get(first).map(|l| l.indent).unwrap_or(0);
                blocks.push(Block { kind, level, text: buf.text, number, section: None, lines: (first, last), indent, map: buf.map });
            }
        }
    }

    let next_content = |i: usize| (i + 1..n).find(|&j| !skip[j] && !lines[j].is_blank() && !lines[j].is_rule);

    let mut skip_line: Option<usize> = None;
    let words: OnceCell<HashSet<&str>> = OnceCell::new();
    for i in 0..n {
        let l: &Line = &lines[i];
        if l.page_start {
            page_gap = true;
        }
        if skip[i] || skip_line == Some(i) {
            continue;
        }
        if l.is_blank() || l.is_rule {
            if !page_gap || l.is_rule {
                finish(&mut blocks, &mut cur, lines);
            }
            blank_before = true;
            continue;
        }
        let c = l.content;

        // A paragraph broken by a page (or by a stray blank line in copied text): reopen it
        // when this line continues its sentence.
        if (page_gap || blank_before) && starts_lower(c) && !l.is_bullet {
            let open_unfinished =
                cur.as_ref().is_some_and(|b| b.0 != BlockKind::Heading && b.0 != BlockKind::TableRow && !ends_sentence(&b.3.text));
            let last_unfinished = cur.is_none()
                && blocks.last().is_some_and(|b| {
                    matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Numbered) && !ends_sentence(&b.text)
                });
            if open_unfinished || last_unfinished {
                if last_unfinished {
                    if let Some(b) = blocks.pop() {
                        cur = Some((b.kind, b.level, b.number, TextBuf { text: b.text, map: b.map }, b.lines.0, i));
                    }
                }
                page_gap = false;
                append(&mut cur, c, l.start, i, input, &words);
                blank_before = false;
                continue;
            }
        }
        if page_gap {
            page_gap = false;
            finish(&mut blocks, &mut cur, lines);
            blank_before = true;
        }

        let prev_ends = cur.as_ref().is_none_or(|b| ends_sentence(&b.3.text) || b.0 == BlockKind::Heading || b.0 == BlockKind::TableRow);
        let at_start = blank_before || prev_ends;

        if l.md_level > 0 {
            finish(&mut blocks, &mut cur, lines);
            let mut buf = TextBuf::default();
            buf.push_line(c, l.start);
            cur = Some((BlockKind::Heading, l.md_level, None, buf, i, i));
            finish(&mut blocks, &mut cur, lines);
            blank_before = true;
            continue;
        }
        if l.is_bullet {
            finish(&mut blocks, &mut cur, lines);
            let mut buf = TextBuf::default();
            buf.push_line(c, l.start);
            cur = Some((BlockKind::ListItem, 0, None, buf, i, i));
            blank_before = false;
            continue;
        }
        let cells = table_cells(c);
        if cells.len() > 1 {
            finish(&mut blocks, &mut cur, lines);
            let mut buf = TextBuf::default();
            // Keep cells apart: tabs and wide gaps become " | ".
            for (k, (off, cell)) in cells.iter().enumerate() {
                if k > 0 {
                    buf.replace(" | ", l.start + off - 1, l.start + off);
                }
                buf.push_line(cell, l.start + off);
            }
            cur = Some((BlockKind::TableRow, 0, None, buf, i, i));
            finish(&mut blocks, &mut cur, lines);
            blank_before = true;
            continue;
        }
        if at_start {
            if let Some((num, rest)) = numbered(c) {
                finish(&mut blocks, &mut cur, lines);
                if rest.is_empty() {
                    pending_number = Some((num.to_string(), i));
                    blank_before = true;
                    continue;
                }
                let mut buf = TextBuf::default();
                let off = c.len() - rest.len();
                buf.push_line(rest, l.start + off);
                cur = Some((BlockKind::Numbered, 0, Some(num.to_string()), buf, i, i));
                blank_before = false;
                continue;
            }
        }
        if let Some((num, first)) = pending_number.take() {
            finish(&mut blocks, &mut cur, lines);
            let mut buf = TextBuf::default();
            buf.push_line(c, l.start);
            cur = Some((BlockKind::Numbered, 0, Some(num), buf, first, i));
            blank_before = false;
            continue;
        }
        let next_i = next_content(i);
        let next = next_i.map(|j| &lines[j]);
        let next_is_blank = i + 1 < n && (lines[i + 1].is_blank() || lines[i + 1].is_rule);
        let shaped = at_start && heading_shape(c, if next_is_blank { None } else { wrap });
        let next_starts_block = next.is_some_and(|nl| nl.is_bullet || numbered(nl.content).is_some());
        let is_heading = shaped
            && next.is_some_and(|nl| nl.is_bullet || !starts_lower(nl.content))
            && (next_is_blank || wrap.is_some() || next_starts_block);
        // A heading wrapped onto a second line (PDF text): the second line starts lower-case,
        // has no full stop, and is followed by a blank line or a bare paragraph number.
        let wrapped_heading = shaped && !is_heading && wrap.is_some() && !next_is_blank && next_i == Some(i + 1) && {
            let second = lines[i + 1].content;
            let after = i + 2 >= n || lines[i + 2].is_blank() || numbered(lines[i + 2].content).is_some();
            starts_lower(second) && !second.ends_with(['.', ',', ';']) && c.len() + second.len() < 180 && after
        };
        if is_heading || wrapped_heading {
            finish(&mut blocks, &mut cur, lines);
            let mut buf = TextBuf::default();
            buf.push_line(c, l.start);
            cur = Some((BlockKind::Heading, 0, None, buf, i, i));
            if wrapped_heading {
                let second = &lines[i + 1];
                append(&mut cur, second.content, second.start, i + 1, input, &words);
                skip_line = Some(i + 1);
            }
            finish(&mut blocks, &mut cur, lines);
            blank_before = true;
            continue;
        }
        // "AGREED that …" after a finished sentence opens a paragraph of its own (minutes).
        let first_word = c.split_whitespace().next().unwrap_or("");
        let shouted = prev_ends && first_word.len() >= 4 && first_word.chars().all(|ch| ch.is_ascii_uppercase());
        let continues = !blank_before && !shouted && cur.as_ref().is_some_and(|b| b.0 != BlockKind::Heading && b.0 != BlockKind::TableRow);
        if continues {
            append(&mut cur, c, l.start, i, input, &words);
        } else {
            finish(&mut blocks, &mut cur, lines);
            let mut buf = TextBuf::default();
            buf.push_line(c, l.start);
            cur = Some((BlockKind::Paragraph, 0, None, buf, i, i));
        }
        blank_before = false;
    }
    finish(&mut blocks, &mut cur, lines);
    let outline = outline(&mut blocks);
    Reading { blocks, outline }
}

/// Join a wrapped line onto the block being built.
fn append<'a>(
    cur: &mut Option<(BlockKind, u8, Option<String>, TextBuf, usize, usize)>,
    c: &str,
    start: usize,
    i: usize,
    input: &'a str,
    words: &OnceCell<HashSet<&'a str>>,
) {
    let Some((_, _, _, buf, _, last)) = cur.as_mut() else { return };
    *last = i;
    let text = &buf.text;
    // "hyphen-" + "ated": drop the hyphen when the joined word is used elsewhere unbroken.
    if text.ends_with('-') && text[..text.len() - 1].ends_with(|ch: char| ch.is_alphabetic()) && starts_lower(c) {
        let head: String =
            text[..text.len() - 1].chars().rev().take_while(|ch| ch.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
        let tail: String = c.chars().take_while(|ch| ch.is_alphabetic()).collect();
        let joined = format!("{head}{tail}");
        if joined.len() > 4 && words.get_or_init(|| word_set(input)).contains(joined.as_str()) {
            let len = buf.text.len() - 1;
            buf.truncate(len);
        }
        buf.push_line(c, start);
        return;
    }
    let gap_start = buf.map.last().map(|g| if g.identity { g.orig + (buf.text.len() - g.at) } else { g.orig_end }).unwrap_or(start);
    if !buf.ends_with_space() {
        buf.replace(" ", gap_start.min(start), start);
    }
    buf.push_line(c, start);
}

/// Every run of letters in the text, built once and only when a hyphenated line end needs it.
fn word_set(input: &str) -> HashSet<&str> {
    input.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() > 4).collect()
}

/// Give headings levels relative to each other and every block its section.
fn outline(blocks: &mut [Block]) -> Vec<Section> {
    let mut outline: Vec<Section> = Vec::new();
    let mut current: Option<usize> = None;
    let any_md = blocks.iter().any(|b| b.kind == BlockKind::Heading && b.level > 0);
    for (bi, b) in blocks.iter_mut().enumerate() {
        if b.kind == BlockKind::Heading {
            if b.level == 0 {
                // Bare headings: the first is the title; the rest sit below markdown headings
                // of level 2 when the document mixes both.
                b.level = if bi == 0 {
                    1
                } else if any_md {
                    3
                } else {
                    2
                };
            }
            let mut parent = current;
            while let Some(p) = parent {
                if outline[p].level < b.level {
                    break;
                }
                parent = outline[p].parent;
            }
            b.section = parent;
            outline.push(Section { title: b.text.clone(), norm: super::text::norm(&b.text), level: b.level, parent, block: bi });
            current = Some(outline.len() - 1);
        } else {
            b.section = current;
        }
    }
    outline
}

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "cllr", "no", "nos", "st", "mr", "mrs", "ms", "dr", "cf", "vs", "approx", "inc", "incl", "ltd", "fig", "para",
    "paras", "vol", "ref", "min", "max", "est", "dept", "govt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "co", "cqc", "p", "pp",
];

/// Sentence ranges in `text` (byte offsets), trimmed.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if matches!(c, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < b.len() && matches!(b[end], b'"' | b'\'' | b')') {
                end += 1;
            }
            let next = text[end..].trim_start();
            let boundary = end == b.len()
                || (end < b.len()
                    && b[end].is_ascii_whitespace()
                    && next
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit() || matches!(ch, '"' | '\'' | '(' | '£' | '•')));
            if boundary && c == b'.' {
                let word_start = text[..i]
                    .char_indices()
                    .rev()
                    .find(|(_, ch)| ch.is_whitespace() || *ch == '(')
                    .map(|(k, ch)| k + ch.len_utf8())
                    .unwrap_or(0);
                let word = text[word_start..i].to_ascii_lowercase();
                let is_initial = word.len() == 1 && text[word_start..i].chars().all(|ch| ch.is_uppercase());
                if ABBREVIATIONS.contains(&word.as_str()) || is_initial {
                    i = end;
                    continue;
                }
            }
            if boundary {
                push_trimmed(&mut out, text, start, end);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, text, start, text.len());
    out
}

fn push_trimmed(out: &mut Vec<(usize, usize)>, text: &str, s: usize, e: usize) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    if !t.is_empty() {
        out.push((s + lead, s + lead + t.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(s: &str) -> Reading {
        read(&Doc::new(s), s)
    }

    fn texts(s: &str) -> Vec<String> {
        reading(s).blocks.iter().map(|b| b.text.clone()).collect()
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let s = "Some **bold** text\u{a0}with \u{201c}quotes\u{201d} and a ﬁne [link](http://x).\n";
        let r = reading(s);
        let b = &r.blocks[0];
        assert_eq!(b.text, "Some bold text with \"quotes\" and a fine link.");
        let i = b.text.find("bold").unwrap();
        assert_eq!(&s[b.span(i, i + 4).0..b.span(i, i + 4).1], "bold");
        let q = b.text.find("\"quotes\"").unwrap();
        let (qs, qe) = b.span(q, q + 8);
        assert_eq!(&s[qs..qe], "\u{201c}quotes\u{201d}");
        let f = b.text.find("fine").unwrap();
        let (fs, fe) = b.span(f, f + 4);
        assert_eq!(&s[fs..fe], "ﬁne");
        let (ws, we) = b.whole_span();
        assert_eq!(&s[ws..we], s.trim_end());
    }

    #[test]
    fn wrapped_pdf_lines_join_and_page_furniture_goes() {
        let s = "What needs to improve?\n\u{25fc} The engagement of multi-agency partners, including in key decision-\nmaking meetings, and the quality of referrals\nthey make.\n\u{25fc} Private fostering.\n\nThis paragraph runs on to the next page where consent is not\n\n2\n\n\u{c}Inspection of Anytown\nobtained. Then more.\n\u{c}Inspection of Anytown\n\u{c}Inspection of Anytown\n";
        let t = texts(s);
        assert_eq!(t[0], "What needs to improve?");
        assert_eq!(
            t[1],
            "The engagement of multi-agency partners, including in key decision-making meetings, and the quality of referrals they make."
        );
        assert_eq!(t[2], "Private fostering.");
        assert_eq!(t[3], "This paragraph runs on to the next page where consent is not obtained. Then more.");
        assert_eq!(t.len(), 4, "{t:?}");
    }

    #[test]
    fn hyphenation_is_undone_only_for_words_used_unbroken() {
        let s = "A hyphen-\nated word; elsewhere hyphenated. And self-\nharm stays.\n";
        assert_eq!(texts(s)[0], "A hyphenated word; elsewhere hyphenated. And self-harm stays.");
    }

    #[test]
    fn footnotes_and_lost_hyphens() {
        let s = "Reported to the board1 and to protection.2 Co?production grew 24.64% in 2023/24 and Covid19 fell.\n";
        assert_eq!(texts(s)[0], "Reported to the board and to protection. Co-production grew 24.64% in 2023/24 and Covid19 fell.");
    }

    #[test]
    fn headings_lists_numbers_and_outline() {
        let s = "# Report title\n\n## Summary\n\nIntro paragraph.\n\nKey findings\n\n- first item\n- second item\n\n12. A numbered paragraph\nthat wraps.\n\n4.3 Another one.\n\nJudgement\tGrade\n";
        let r = reading(s);
        let kinds: Vec<(BlockKind, &str)> = r.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (BlockKind::Heading, "Report title"),
                (BlockKind::Heading, "Summary"),
                (BlockKind::Paragraph, "Intro paragraph."),
                (BlockKind::Heading, "Key findings"),
                (BlockKind::ListItem, "first item"),
                (BlockKind::ListItem, "second item"),
                (BlockKind::Numbered, "A numbered paragraph that wraps."),
                (BlockKind::Numbered, "Another one."),
                (BlockKind::TableRow, "Judgement | Grade"),
            ]
        );
        assert_eq!(r.blocks[6].number.as_deref(), Some("12"));
        assert_eq!(r.blocks[7].number.as_deref(), Some("4.3"));
        assert_eq!(r.section_title(r.blocks[4].section), Some("Key findings"));
        let kf = &r.outline[r.blocks[4].section.unwrap()];
        assert_eq!(r.outline[kf.parent.unwrap()].title, "Summary");
    }

    #[test]
    fn label_value_lines_are_not_headings() {
        let r = reading("Title\n\nScore: 2\n\nSome text here.\n");
        assert_eq!(r.blocks[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn sentences_survive_abbreviations_decimals_and_money() {
        let t = "Cllr. Smith spoke, e.g. about costs. Spend was £1.4M, i.e. 24.64% of the budget. He said \"It is good.\" Then No. 5 was read. J. Walker agreed";
        let got: Vec<&str> = sentences(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(
            got,
            [
                "Cllr. Smith spoke, e.g. about costs.",
                "Spend was £1.4M, i.e. 24.64% of the budget.",
                "He said \"It is good.\"",
                "Then No. 5 was read.",
                "J. Walker agreed",
            ]
        );
    }
}

#[cfg(test)]
mod dump {
    /// `LENS_DUMP=path cargo test --lib dump -- --nocapture` prints a file's blocks.
    #[test]
    fn dump() {
        let Ok(path) = std::env::var("LENS_DUMP") else { return };
        let s = std::fs::read_to_string(path).unwrap();
        let r = super::read(&super::Doc::new(&s), &s);
        for b in &r.blocks {
            let sec = r.section_title(b.section).unwrap_or("-");
            println!(
                "{:?}{} [{}] {}",
                b.kind,
                b.number.as_deref().map(|n| format!(" {n}")).unwrap_or_default(),
                sec,
                b.text.chars().take(110).collect::<String>()
            );
        }
    }
}
