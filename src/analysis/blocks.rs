//! The reading layer over `text::Doc`: the document as blocks of normalised text (headings,
//! paragraphs, list items, numbered paragraphs, table rows), an outline of sections, and
//! sentences. Normalised text keeps a map back to the original bytes, so anything found in it
//! still has an exact span.
//!
//! Normalisation removes what is not the author's text: markdown markers and links, page
//! numbers and repeated running headers/footers, bullet glyphs, lines wrapped mid-sentence
//! (and words hyphenated across them), ligatures, footnote digits glued to words, non-breaking
//! spaces, curly quotes, and `?` standing in for a lost hyphen ("co?production").

use super::text::FastSet as HashSet;
use std::cell::OnceCell;

use super::numbers::{numbers, Num};
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

/// A heading of the outline (the public `Section`s are made from these).
#[derive(Clone, Debug)]
pub struct Heading {
    pub title: String,
    /// `norm(title)`, computed once.
    pub norm: String,
    pub level: u8,
    pub parent: Option<usize>,
    /// Index of the heading block.
    pub block: usize,
}

/// One sentence of a block, split once for every extractor.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// Index into `Reading::blocks`.
    pub block: usize,
    /// Byte range in the block's text, trimmed.
    pub start: usize,
    pub end: usize,
    /// The sentence lower-cased (ASCII only, so offsets match the text's).
    pub lower: String,
    /// Its numbers, with offsets into the sentence.
    pub nums: Vec<Num>,
}

pub struct Reading {
    pub blocks: Vec<Block>,
    pub outline: Vec<Heading>,
    /// Every block's sentences (headings too), in block order.
    pub sentences: Vec<Sentence>,
    /// How many stretches of text ran past `MAX_SENTENCE` bytes without a full stop and were
    /// read in pieces (tables, lists run together).
    pub cut_sentences: usize,
}

impl Reading {
    /// The titles from the top of the outline down to `section`.
    pub fn section_title(&self, section: Option<usize>) -> Option<&str> {
        section.and_then(|i| self.outline.get(i)).map(|s| s.title.as_str())
    }

    /// The sentences of block `block`.
    pub fn sentences_of(&self, block: usize) -> &[Sentence] {
        let from = self.sentences.partition_point(|s| s.block < block);
        let to = self.sentences.partition_point(|s| s.block <= block);
        &self.sentences[from..to]
    }

    /// A sentence's text.
    pub fn text(&self, s: &Sentence) -> &str {
        self.blocks.get(s.block).and_then(|b| b.text.get(s.start..s.end)).unwrap_or("")
    }

    /// A sentence's original span.
    pub fn span(&self, s: &Sentence) -> Span {
        self.blocks.get(s.block).map(|b| b.span(s.start, s.end)).unwrap_or((0, 0))
    }
}

/// The longest sentence read whole, in bytes. Real sentences are far shorter; text that runs
/// on for longer without a full stop (a table, a list run together) is read in pieces of at
/// most this size, cut at a clause, so every scan of a sentence is bounded and evidence is at
/// most a paragraph.
pub const MAX_SENTENCE: usize = 600;

/// Where to cut `text` (longer than `MAX_SENTENCE`) so the first piece is at most that long:
/// after the last "; " or ", " in its second half, else the last space, else a char boundary.
fn cut_point(text: &str) -> usize {
    let mut limit = MAX_SENTENCE.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &text[..limit];
    let half = MAX_SENTENCE / 2;
    for sep in ["; ", ", ", " and ", " "] {
        if let Some(k) = head.rfind(sep).filter(|&k| k >= half || sep == " ") {
            if k > 0 {
                return k + if sep == " and " { 0 } else { sep.len() };
            }
        }
    }
    limit.max(text.chars().next().map_or(1, char::len_utf8))
}

/// Split every block into sentences, each with its lower-cased text and numbers; a sentence
/// over `MAX_SENTENCE` bytes is cut into pieces. Returns the sentences and how many were cut.
fn split_sentences(blocks: &[Block]) -> (Vec<Sentence>, usize) {
    let mut out = Vec::new();
    let mut cut = 0;
    for (bi, b) in blocks.iter().enumerate() {
        for (start, end) in sentences(&b.text) {
            let mut from = start;
            if end - start > MAX_SENTENCE {
                cut += 1;
            }
            while from < end {
                let rest = &b.text[from..end];
                let to = if rest.len() > MAX_SENTENCE { from + cut_point(rest) } else { end };
                let piece = &b.text[from..to];
                let lead = piece.len() - piece.trim_start().len();
                let text = piece.trim();
                if !text.is_empty() {
                    let s = from + lead;
                    out.push(Sentence { block: bi, start: s, end: s + text.len(), lower: text.to_ascii_lowercase(), nums: numbers(text) });
                }
                from = to;
            }
        }
    }
    (out, cut)
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
        let mut closes = Closes::default();
        let mut i = 0;
        while i < content.len() {
            if i < skip_to {
                // skip_to is always just past an ASCII byte: a char boundary.
                i = skip_to;
                continue;
            }
            // Letters and most punctuation are kept as they are: no decoding, no look-around.
            if !matches!(bytes[i], b' ' | b'\t' | b'*' | b'\\' | b'?' | b'[' | b']' | b'0'..=b'9' | 0x80..) {
                run_start.get_or_insert(i);
                i += 1;
                continue;
            }
            let Some(c) = content[i..].chars().next() else { break };
            let next_i = i + c.len_utf8();
            let next = content[next_i..].chars().next();
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
                // A Markdown link "[text](target)": looked for within a short window, so text full of
                // brackets is not rescanned to its end at every one.
                '[' if closes.link_at(bytes, i) => Some(""),
                ']' if bytes[i..].starts_with(b"](") && target_end(bytes, i).is_some() => {
                    // Drop "](target)".
                    skip_to = target_end(bytes, i).unwrap_or(content.len());
                    flush!(i);
                    i = next_i;
                    continue;
                }
                d if d.is_ascii_digit() && is_footnote(bytes, i) => {
                    let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                    skip_to = end;
                    flush!(i);
                    i = next_i;
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
            i = next_i;
        }
        flush!(content.len());
    }
}

/// Digits at `i` that are a footnote marker glued to a word: "board1 ", "protection.2".
/// The longest link text and link target looked for, in bytes.
const LINK_WINDOW: usize = 300;

/// The "](" positions of one line, found left to right once: each "[" asks for the first at or
/// after it, so a line full of brackets is scanned once, not a window per bracket.
#[derive(Default)]
struct Closes {
    /// The first "](" at or after `from`, as last found (`None`: there is none).
    next: Option<Option<usize>>,
    from: usize,
}

impl Closes {
    /// Does a complete link "[text](target)" open at the "[" at `i`, its text and target
    /// within the window?
    fn link_at(&mut self, bytes: &[u8], i: usize) -> bool {
        let stale = match self.next {
            None => true,
            Some(Some(p)) => p < i,
            Some(None) => i < self.from,
        };
        if stale {
            self.next = Some(bytes[i..].windows(2).position(|w| w == b"](").map(|k| i + k));
            self.from = i;
        }
        matches!(self.next, Some(Some(p)) if p - i + 2 <= LINK_WINDOW && target_end(bytes, p).is_some())
    }
}

/// Just past the ")" that ends the link target starting at the "](" at `i`, within the window.
fn target_end(bytes: &[u8], i: usize) -> Option<usize> {
    let window = &bytes[i..bytes.len().min(i + LINK_WINDOW)];
    window.iter().position(|&b| b == b')').map(|k| i + k + 1)
}

fn is_footnote(bytes: &[u8], i: usize) -> bool {
    // Only the start of a run of one or two digits: checked before counting, so a long run of
    // digits is not recounted at every digit.
    if i > 0 && bytes[i - 1].is_ascii_digit() {
        return false;
    }
    let digits = bytes[i..].iter().take(3).take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
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
    let letters = bytes[..j].iter().rev().take(64).take_while(|b| b.is_ascii_lowercase()).count();
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
    let mut counts: super::text::FastMap<String, usize> = Default::default();
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
        let page_of = c.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("page ")) && super::text::contains_ci(c, " of ");
        // A paragraph number alone ("12.") is the list's, however often one falls by a page break.
        let item_number = c.ends_with('.') && number_alone(c);
        if (page_of && is_page_number(c))
            || (near[i] && !item_number && (is_page_number(c) || counts.get(&shape(c)).is_some_and(|&k| k >= repeated)))
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
/// "1.", "2.1", "a)" alone on a line: a list item's number whose words follow on the next line.
pub fn number_alone(s: &str) -> bool {
    numbered(s.trim()).is_some_and(|(_, rest)| rest.is_empty())
}

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

/// Does paragraph number `next` come straight after `prev` ("112" → "113", "4.2" → "4.3", "a" → "b")?
fn follows(prev: &str, next: &str) -> bool {
    let (p_head, p_last) = prev.rsplit_once('.').unwrap_or(("", prev));
    let (n_head, n_last) = next.rsplit_once('.').unwrap_or(("", next));
    if p_head != n_head {
        return false;
    }
    match (p_last.parse::<u32>(), n_last.parse::<u32>()) {
        (Ok(a), Ok(b)) => b == a + 1,
        _ => {
            let (mut a, mut b) = (p_last.chars(), n_last.chars());
            match (a.next(), a.next(), b.next(), b.next()) {
                (Some(x), None, Some(y), None) => x.is_ascii_alphabetic() && (x as u8) + 1 == y as u8,
                _ => false,
            }
        }
    }
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
    if !(3..=150).contains(&chars) || words > 20 || !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
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
    let mut blocks = Reader::new(doc, input).run();
    let outline = outline(&mut blocks);
    let (sentences, cut_sentences) = split_sentences(&blocks);
    Reading { blocks, outline, sentences, cut_sentences }
}

/// A block being built: its kind, level and number, its text so far, and its lines.
struct Open {
    kind: BlockKind,
    level: u8,
    number: Option<String>,
    buf: TextBuf,
    /// Line indices (into `Doc::lines`) of the first and last lines so far.
    first: usize,
    last: usize,
}

impl Open {
    /// A block opened by line `i`, whose content `c` starts at byte `start`.
    fn new(kind: BlockKind, c: &str, start: usize, i: usize) -> Self {
        let mut buf = TextBuf::default();
        buf.push_line(c, start);
        Open { kind, level: 0, number: None, buf, first: i, last: i }
    }

    /// A finished block reopened to take line `i`.
    fn reopen(b: Block, i: usize) -> Self {
        Open { kind: b.kind, level: b.level, number: b.number, buf: TextBuf { text: b.text, map: b.map }, first: b.lines.0, last: i }
    }

    /// Headings and table rows take no continuation lines.
    fn is_running_text(&self) -> bool {
        self.kind != BlockKind::Heading && self.kind != BlockKind::TableRow
    }

    /// The block, unless its text is empty.
    fn finish(mut self, lines: &[Line]) -> Option<Block> {
        self.buf.trim_end();
        if self.buf.text.is_empty() {
            return None;
        }
        let indent = lines.get(self.first).map(|l| l.indent).unwrap_or(0);
        Some(Block {
            kind: self.kind,
            level: self.level,
            text: self.buf.text,
            number: self.number,
            section: None,
            lines: (self.first, self.last),
            indent,
            map: self.buf.map,
        })
    }

    /// Join wrapped line `i` (content `c` at byte `start`) onto the block.
    fn append<'a>(&mut self, c: &str, start: usize, i: usize, input: &'a str, words: &OnceCell<HashSet<&'a str>>) {
        self.last = i;
        let buf = &mut self.buf;
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
}

/// The state of reading lines into blocks.
struct Reader<'d, 'a> {
    lines: &'d [Line<'a>],
    input: &'a str,
    /// Page furniture, by line.
    skip: Vec<bool>,
    /// The usual wrapped-line length (PDF text).
    wrap: Option<usize>,
    /// The input's words, for undoing hyphenation; built on first need.
    words: OnceCell<HashSet<&'a str>>,
    blocks: Vec<Block>,
    /// The block being built.
    cur: Option<Open>,
    /// A page break passed since the last content line.
    page_gap: bool,
    /// A blank line (or a finished block) since the last content line.
    blank_before: bool,
    /// A paragraph number alone on its line ("12.") and its line, waiting for its text.
    pending_number: Option<(String, usize)>,
    /// The second line of a wrapped heading, already read.
    skip_line: Option<usize>,
    /// A bullet glyph alone on its line ("◼"), its item's text on a later line.
    pending_bullet: bool,
}

impl<'d, 'a> Reader<'d, 'a> {
    fn new(doc: &'d Doc<'a>, input: &'a str) -> Self {
        Reader {
            lines: &doc.lines,
            input,
            skip: furniture(doc),
            wrap: wrap_width(doc),
            words: OnceCell::new(),
            blocks: Vec::new(),
            cur: None,
            page_gap: false,
            blank_before: true,
            pending_number: None,
            skip_line: None,
            pending_bullet: false,
        }
    }

    fn run(mut self) -> Vec<Block> {
        for i in 0..self.lines.len() {
            self.line(i);
        }
        self.finish();
        self.blocks
    }

    /// Close the block being built.
    fn finish(&mut self) {
        if let Some(b) = self.cur.take().and_then(|o| o.finish(self.lines)) {
            self.blocks.push(b);
        }
    }

    /// Close the block being built and start `open`.
    fn start(&mut self, open: Open) {
        self.finish();
        self.cur = Some(open);
    }

    /// Close the block being built and add `whole`, a block of one line.
    fn emit(&mut self, whole: Open) {
        self.start(whole);
        self.finish();
        self.blank_before = true;
    }

    /// Join line `i` onto the block being built.
    fn append(&mut self, i: usize) {
        let l = &self.lines[i];
        if let Some(open) = self.cur.as_mut() {
            open.append(l.content, l.start, i, self.input, &self.words);
        }
    }

    /// The next line after `i` that is not furniture, blank or a rule.
    fn next_content(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !self.skip[j] && !self.lines[j].is_blank() && !self.lines[j].is_rule)
    }

    /// Read line `i`.
    fn line(&mut self, i: usize) {
        let l = &self.lines[i];
        if l.page_start {
            self.page_gap = true;
        }
        if self.skip[i] || self.skip_line == Some(i) {
            return;
        }
        if l.is_blank() || l.is_rule {
            if !self.page_gap || l.is_rule {
                self.finish();
            }
            self.blank_before = true;
            return;
        }
        if (self.page_gap || self.blank_before)
            && (starts_lower(l.content) || self.cut_mid_phrase())
            && !l.is_bullet
            && !self.pending_bullet
            && self.reopen(i)
        {
            return;
        }
        if self.page_gap {
            self.page_gap = false;
            self.finish();
            self.blank_before = true;
        }
        let prev_ends = self.cur.as_ref().is_none_or(|b| ends_sentence(&b.buf.text) || !b.is_running_text());
        // "112. … (page 33, paragraph 118)" / "113. Ensure …": the next number of the list opens
        // the next paragraph however the one before ended.
        let next_of_list = self
            .cur
            .as_ref()
            .and_then(|b| b.number.as_deref())
            .is_some_and(|open| numbered(l.content).is_some_and(|(num, rest)| !rest.is_empty() && follows(open, num)));
        let at_start = self.blank_before || prev_ends || next_of_list;
        if l.md_level > 0 {
            self.emit(Open { level: l.md_level, ..Open::new(BlockKind::Heading, l.content, l.start, i) });
            return;
        }
        // pdftotext of 2019–22 reports prints a list's bullet glyph alone, its text below.
        if is_bullet_glyph(l.content) {
            self.finish();
            self.pending_bullet = true;
            self.blank_before = true;
            return;
        }
        if l.is_bullet || std::mem::take(&mut self.pending_bullet) {
            self.start(Open::new(BlockKind::ListItem, l.content, l.start, i));
            self.blank_before = false;
            return;
        }
        let read = self.table_row(i) || (at_start && self.numbered(i)) || self.after_number(i) || self.heading(i, at_start);
        if !read {
            self.paragraph(i, prev_ends);
        }
    }

    /// The open block, or the last one, stops on a word no sentence ends with ("… is routinely
    /// given to" / page break / "Fostering to Adopt arrangements …"): what follows continues it,
    /// capital or not.
    fn cut_mid_phrase(&self) -> bool {
        const JOINING: &[&str] = &[
            "to", "the", "of", "and", "or", "by", "for", "with", "in", "a", "an", "that", "which", "on", "at", "from", "as", "is", "are",
            "be",
        ];
        let text = match &self.cur {
            Some(b) => b.buf.text.as_str(),
            None => self.blocks.last().map_or("", |b| b.text.as_str()),
        };
        text.rsplit(' ').next().is_some_and(|w| JOINING.contains(&w))
    }

    /// A paragraph broken by a page (or by a stray blank line in copied text): reopen it when
    /// line `i` continues its sentence.
    fn reopen(&mut self, i: usize) -> bool {
        let open_unfinished = self.cur.as_ref().is_some_and(|b| b.is_running_text() && !ends_sentence(&b.buf.text));
        let last_unfinished = self.cur.is_none()
            && self.blocks.last().is_some_and(|b| {
                matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Numbered) && !ends_sentence(&b.text)
            });
        if !(open_unfinished || last_unfinished) {
            return false;
        }
        if last_unfinished {
            if let Some(b) = self.blocks.pop() {
                self.cur = Some(Open::reopen(b, i));
            }
        }
        self.page_gap = false;
        self.append(i);
        self.blank_before = false;
        true
    }

    /// Line `i` as a table row, when it has cells apart (tabs or wide gaps become " | ").
    fn table_row(&mut self, i: usize) -> bool {
        let l = &self.lines[i];
        // Cells are apart by a tab or three spaces: most lines have neither.
        if !l.content.contains('\t') && !l.content.contains("   ") {
            return false;
        }
        let cells = table_cells(l.content);
        if cells.len() < 2 {
            return false;
        }
        // "1.    Strengthen the management…": a numbered paragraph set with a hanging indent
        // (pdftotext -layout), not a row of two cells.
        if cells.len() == 2 && numbered(cells[0].1).is_some_and(|(_, rest)| rest.is_empty()) {
            return false;
        }
        let mut buf = TextBuf::default();
        for (k, (off, cell)) in cells.iter().enumerate() {
            if k > 0 {
                buf.replace(" | ", l.start + off - 1, l.start + off);
            }
            buf.push_line(cell, l.start + off);
        }
        self.emit(Open { kind: BlockKind::TableRow, level: 0, number: None, buf, first: i, last: i });
        true
    }

    /// Line `i` opening a numbered paragraph ("12. Text", "a) Text"), or a number alone on
    /// its line whose text follows.
    fn numbered(&mut self, i: usize) -> bool {
        let l = &self.lines[i];
        let Some((num, rest)) = numbered(l.content) else { return false };
        self.finish();
        if rest.is_empty() {
            self.pending_number = Some((num.to_string(), i));
            self.blank_before = true;
            return true;
        }
        let off = l.content.len() - rest.len();
        self.cur = Some(Open { number: Some(num.to_string()), ..Open::new(BlockKind::Numbered, rest, l.start + off, i) });
        self.blank_before = false;
        true
    }

    /// Line `i` as the text of a paragraph number read alone on an earlier line.
    fn after_number(&mut self, i: usize) -> bool {
        let Some((num, first)) = self.pending_number.take() else { return false };
        let l = &self.lines[i];
        self.start(Open { number: Some(num), first, ..Open::new(BlockKind::Numbered, l.content, l.start, i) });
        self.blank_before = false;
        true
    }

    /// Line `i` as a bare heading, judged by its shape and the line after it.
    fn heading(&mut self, i: usize, at_start: bool) -> bool {
        let lines = self.lines;
        let n = lines.len();
        let c = lines[i].content;
        let next_i = self.next_content(i);
        let next = next_i.map(|j| &lines[j]);
        let next_is_blank = i + 1 < n && (lines[i + 1].is_blank() || lines[i + 1].is_rule);
        // A report's well-known part titles stand alone even after a line without a full stop
        // ("The inspection did not find any areas for priority and immediate action" /
        // "Areas for improvement").
        // They are headings however wide ("Key strengths and weaknesses of the Local Safeguarding
        // Children Board" fills a line).
        let known = is_known_title(c) && heading_shape(c, None);
        let shaped = at_start && heading_shape(c, if next_is_blank { None } else { self.wrap }) || known;
        let next_starts_block = next.is_some_and(|nl| nl.is_bullet || numbered(nl.content).is_some());
        let is_heading = shaped
            && next.is_some_and(|nl| nl.is_bullet || !starts_lower(nl.content))
            && (next_is_blank || self.wrap.is_some() || next_starts_block);
        // A heading wrapped onto a second line (PDF text): the second line starts lower-case,
        // has no full stop, and is followed by a blank line or a bare paragraph number.
        // A heading as wide as the text whose last words wrap ("The experiences and progress of
        // children who need help and protection:" / "inadequate") is one too, when it ends with
        // a colon and its second line is short.
        let full_width_label = at_start && c.ends_with(':') && heading_shape(c, None);
        let wrapped = (shaped || full_width_label) && !is_heading && self.wrap.is_some() && !next_is_blank && next_i == Some(i + 1) && {
            let second = lines[i + 1].content;
            let after = i + 2 >= n || lines[i + 2].is_blank() || numbered(lines[i + 2].content).is_some();
            starts_lower(second)
                && !second.ends_with(['.', ',', ';'])
                && c.len() + second.len() < 180
                && after
                && (shaped || second.chars().count() <= 40)
        };
        if !(is_heading || wrapped) {
            return false;
        }
        self.start(Open::new(BlockKind::Heading, c, lines[i].start, i));
        if wrapped {
            self.append(i + 1);
            self.skip_line = Some(i + 1);
        }
        self.finish();
        self.blank_before = true;
        true
    }

    /// Line `i` as running text: joined onto the open paragraph, or opening a new one.
    fn paragraph(&mut self, i: usize, prev_ends: bool) {
        let l = &self.lines[i];
        // "AGREED that …" after a finished sentence opens a paragraph of its own (minutes).
        let first_word = l.content.split_whitespace().next().unwrap_or("");
        let shouted = prev_ends && first_word.len() >= 4 && first_word.chars().all(|ch| ch.is_ascii_uppercase());
        let continues = !self.blank_before && !shouted && self.cur.as_ref().is_some_and(Open::is_running_text);
        if continues {
            self.append(i);
        } else {
            self.start(Open::new(BlockKind::Paragraph, l.content, l.start, i));
        }
        self.blank_before = false;
    }
}

/// The titles of the parts of inspection reports that open a list: a line that is one of them
/// is a heading wherever it falls.
fn is_known_title(c: &str) -> bool {
    const TITLES: &[&str] =
        &["areas for improvement", "priority and immediate action", "recommendations", "what needs to improve?", "areas for development"];
    const OPENINGS: &[&str] = &["key strengths and weaknesses", "inspection findings", "inspection judgement", "summary for children"];
    let t = c.trim().trim_end_matches(':');
    let starts = |k: &str| t.get(..k.len()).is_some_and(|h| h.eq_ignore_ascii_case(k));
    (t.len() <= 40 && TITLES.iter().any(|k| t.eq_ignore_ascii_case(k))) || (t.len() <= 120 && OPENINGS.iter().any(|k| starts(k)))
}

/// A line that is one bullet glyph and nothing else.
fn is_bullet_glyph(c: &str) -> bool {
    let mut chars = c.chars();
    matches!((chars.next(), chars.next()), (Some(g), None) if matches!(g, '•' | '◼' | '▪' | '■' | '●' | '\u{f0b7}' | '\u{f0a7}' | '\u{f0d8}') || ('\u{e000}'..='\u{f8ff}').contains(&g))
}

/// Every run of letters in the text, built once and only when a hyphenated line end needs it.
fn word_set(input: &str) -> HashSet<&str> {
    input.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() > 4).collect()
}

/// Give headings levels relative to each other and every block its section.
fn outline(blocks: &mut [Block]) -> Vec<Heading> {
    let mut outline: Vec<Heading> = Vec::new();
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
            outline.push(Heading { title: b.text.clone(), norm: super::text::norm(&b.text), level: b.level, parent, block: bi });
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
fn sentences(text: &str) -> Vec<(usize, usize)> {
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
    fn a_lone_glyph_starts_an_item_even_when_its_text_is_lower_case_after_a_blank() {
        // pdftotext of 2013 reports: the glyph alone, a blank, then an item that starts "ensure";
        // the item before ends without a full stop. The new item is not the old one going on.
        let s =
            "Immediately:\n\u{f0a7}\n\nensure all elected members understand their duties and\nprovide effective scrutiny\n\n\u{f0a7}\n\n\
                 ensure all children have a care plan which sets out\ntheir individual needs\n";
        assert_eq!(
            texts(s),
            [
                "Immediately:",
                "ensure all elected members understand their duties and provide effective scrutiny",
                "ensure all children have a care plan which sets out their individual needs"
            ]
        );
    }

    #[test]
    fn the_next_number_of_a_list_opens_a_paragraph_after_a_line_without_a_full_stop() {
        let s = "112. Ensure that action plans are implemented,\nshowing how partners are held to account. (page 33, paragraph 118)\n\
                 113. Ensure regular oversight of return home interviews. (page 37, paragraph 131)\n\
                 114. Implement the findings of its recent training review\n\
                 and the number fell to\n120. That is not paragraph 120.\n";
        assert_eq!(
            texts(s),
            [
                "Ensure that action plans are implemented, showing how partners are held to account. (page 33, paragraph 118)",
                "Ensure regular oversight of return home interviews. (page 37, paragraph 131)",
                "Implement the findings of its recent training review and the number fell to 120. That is not paragraph 120.",
            ]
        );
        assert!(follows("4.2", "4.3") && follows("a", "b") && !follows("4.2", "5.3") && !follows("112", "114"));
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
    fn a_known_part_title_after_a_line_without_a_stop_and_an_item_cut_by_a_page_mid_phrase() {
        // "Areas for improvement" after a sentence that lost its full stop; an item whose page
        // breaks after "given to" goes on with a capital; a full-width "Key strengths…" title.
        let s = "Priority and immediate action\n\nThe inspection did not find any areas for priority and immediate action\n\
                 Areas for improvement\n12. Review the permanency policy and ensure that consideration is routinely given to\n\n\u{c}\
                 Fostering to Adopt arrangements and concurrent planning (paragraphs 78, 83).\n\
                 13. Strengthen the role of reviewing officers.\n\
                 Key strengths and weaknesses of the Local Safeguarding Children Board in this local area\n\
                 105. Governance arrangements are effective.\n";
        let kinds: Vec<(BlockKind, String)> = reading(s).blocks.iter().map(|b| (b.kind, b.text.clone())).collect();
        let want = [
            (BlockKind::Heading, "Priority and immediate action"),
            (BlockKind::Paragraph, "The inspection did not find any areas for priority and immediate action"),
            (BlockKind::Heading, "Areas for improvement"),
            (
                BlockKind::Numbered,
                "Review the permanency policy and ensure that consideration is routinely given to Fostering to Adopt arrangements and concurrent planning (paragraphs 78, 83).",
            ),
            (BlockKind::Numbered, "Strengthen the role of reviewing officers."),
            (BlockKind::Heading, "Key strengths and weaknesses of the Local Safeguarding Children Board in this local area"),
            (BlockKind::Numbered, "Governance arrangements are effective."),
        ];
        assert_eq!(kinds, want.map(|(k, t)| (k, t.to_string())));
    }

    #[test]
    fn a_full_width_heading_ending_in_a_colon_with_its_last_word_wrapped() {
        // pdftotext of a 2019 ILACS report: the section heading is as wide as the text, so its
        // grade wraps; the numbered paragraph after it is not part of the list item before.
        let s = "\u{25fc} Services to help care leavers access suitable accommodation, education,\n\
                 employment and training and to understand their rights and entitlements.\n\
                 \u{25fc} Leadership direction and assertive action to improve and develop the services to\n\
                 foster carers and prospective adopters.\n\
                 The experiences and progress of children who need help and protection:\n\
                 inadequate\n\
                 1. A significant increase in referrals and high staff vacancies have reduced the\n\
                 ability of dedicated early help staff to provide a timely and consistently safe\n\
                 service. Delays in the provision of early help vary in length from initial contact.\n\
                 Caseloads are much too high within early help and within assessment teams, and\n\
                 staff are unable to provide the right support to children in order to reduce the\n\
                 harm that they face. Supervision is irregular and does not help staff to reflect.\n";
        let r = reading(s);
        let kinds: Vec<(BlockKind, String)> = r.blocks.iter().map(|b| (b.kind, b.text.chars().take(24).collect())).collect();
        assert_eq!(
            kinds,
            [
                (BlockKind::ListItem, "Services to help care lea".chars().take(24).collect()),
                (BlockKind::ListItem, "Leadership direction and".into()),
                (BlockKind::Heading, "The experiences and prog".chars().take(24).collect()),
                (BlockKind::Numbered, "A significant increase i".chars().take(24).collect()),
            ]
        );
        assert!(r.blocks[2].text.ends_with("protection: inadequate"));
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

/// Data-driven checks of the reading layer: one line per block — kind (`h1`…, `p`, `li`,
/// `n12` for numbered paragraph 12, `tr`), its lines (1-based), its section (for a heading,
/// its parent in the outline) and its sentences split by ` ¦ `.
/// `UPDATE_EXPECT=1 cargo test --lib blocks` rewrites the expectations.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod checks {
    use std::fmt::Write as _;

    use expect_test::{expect, Expect};

    use super::*;

    fn render(s: &str) -> String {
        let r = read(&Doc::new(s), s);
        let mut out = String::new();
        for (bi, b) in r.blocks.iter().enumerate() {
            let kind = match b.kind {
                BlockKind::Heading => format!("h{}", b.level),
                BlockKind::Paragraph => "p".to_string(),
                BlockKind::ListItem => "li".to_string(),
                BlockKind::Numbered => format!("n{}", b.number.as_deref().unwrap_or("?")),
                BlockKind::TableRow => "tr".to_string(),
            };
            let (first, last) = (b.lines.0 + 1, b.lines.1 + 1);
            let lines = if first == last { format!("{first}") } else { format!("{first}-{last}") };
            let section = r.section_title(b.section).map(|t| format!(" [{t}]")).unwrap_or_default();
            let sentences: Vec<&str> = r.sentences_of(bi).iter().map(|s| r.text(s)).collect();
            let _ = writeln!(out, "{kind} L{lines}{section}: {}", sentences.join(" ¦ "));
        }
        out
    }

    fn check(s: &str, expected: Expect) {
        expected.assert_eq(&render(s));
    }

    /// One line per sentence: its text and the numbers read in it.
    fn check_sentences(s: &str, expected: Expect) {
        let r = read(&Doc::new(s), s);
        let mut out = String::new();
        for sent in &r.sentences {
            let text = r.text(sent);
            let nums: Vec<String> = sent.nums.iter().map(|n| format!("{} {:?}", &text[n.start..n.end], n.unit)).collect();
            let _ = writeln!(out, "{text}{}", if nums.is_empty() { String::new() } else { format!("  <{}>", nums.join(", ")) });
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn markdown_outline_lists_numbers_and_tables() {
        check(
            "# Report title\n\n## Summary\n\nIntro paragraph. It has two sentences.\n\nKey findings\n\n- first item\n- second item\n\n12. A numbered paragraph\nthat wraps.\n\n4.3 Another one.\n\nJudgement\tGrade\n",
            expect![[r#"
                h1 L1: Report title
                h2 L3 [Report title]: Summary
                p L5 [Summary]: Intro paragraph. ¦ It has two sentences.
                h3 L7 [Summary]: Key findings
                li L9 [Key findings]: first item
                li L10 [Key findings]: second item
                n12 L12-13 [Key findings]: A numbered paragraph that wraps.
                n4.3 L15 [Key findings]: Another one.
                tr L17 [Key findings]: Judgement | Grade
            "#]],
        );
    }

    #[test]
    fn bare_headings_title_first_then_level_two() {
        check(
            "Anytown Council\n\nSummary\n\nPeople are supported well.\n\nWhat needs to improve\n\nWaiting lists are long.\n",
            expect![[r#"
            h1 L1: Anytown Council
            h2 L3 [Anytown Council]: Summary
            p L5 [Summary]: People are supported well.
            h2 L7 [Anytown Council]: What needs to improve
            p L9 [What needs to improve]: Waiting lists are long.
        "#]],
        );
    }

    #[test]
    fn bare_headings_sit_below_markdown_sections() {
        check(
            "# Title\n\n## Theme 1\n\nA bare heading\n\nText under it.\n\n## Theme 2\n\nMore text.\n",
            expect![[r#"
            h1 L1: Title
            h2 L3 [Title]: Theme 1
            h3 L5 [Theme 1]: A bare heading
            p L7 [A bare heading]: Text under it.
            h2 L9 [Title]: Theme 2
            p L11 [Theme 2]: More text.
        "#]],
        );
    }

    #[test]
    fn label_value_lines_are_paragraphs() {
        check(
            "Assessment\n\nScore: 2\n\nPublished: 1 May 2025\n\nSome text here.\n",
            expect![[r#"
            h1 L1: Assessment
            p L3 [Assessment]: Score: 2
            p L5 [Assessment]: Published: 1 May 2025
            p L7 [Assessment]: Some text here.
        "#]],
        );
    }

    #[test]
    fn wrapped_lines_join_and_hyphens_go_only_for_known_words() {
        check(
            "A hyphen-\nated word; elsewhere hyphenated. And self-\nharm stays.\nThe next line\ncontinues the paragraph.\n",
            expect![[r#"
            p L1-5: A hyphenated word; elsewhere hyphenated. ¦ And self-harm stays. ¦ The next line continues the paragraph.
        "#]],
        );
    }

    #[test]
    fn page_furniture_goes_and_a_broken_paragraph_is_reopened() {
        check(
            "Inspection of Anytown\n\nThis paragraph runs on to the next page where consent is not\n\n2\n\n\u{c}Inspection of Anytown\nobtained. Then more.\n\nPage 3 of 9\n\n\u{c}Inspection of Anytown\nLast page text.\n\u{c}Inspection of Anytown\n",
            expect![[r#"
                p L3-9: This paragraph runs on to the next page where consent is not obtained. ¦ Then more.
                p L15: Last page text.
            "#]],
        );
    }

    #[test]
    fn a_stray_blank_line_does_not_split_a_sentence() {
        check(
            "Leaders know their services well and\n\nhave plans to improve them.\n\nA new paragraph.\n",
            expect![[r#"
            p L1-3: Leaders know their services well and have plans to improve them.
            p L5: A new paragraph.
        "#]],
        );
    }

    #[test]
    fn numbers_alone_on_their_line_and_markers_mid_sentence() {
        check(
            "Recommendations\n\n12.\nThe council should act.\n\na) first point\n(ii) second point\n3.1.2 Deep numbering.\n",
            expect![[r#"
            h1 L1: Recommendations
            n12 L3-4 [Recommendations]: The council should act.
            na L6-8 [Recommendations]: first point (ii) second point 3.1.2 Deep numbering.
        "#]],
        );
    }

    #[test]
    fn lettered_items_after_a_line_without_a_full_stop_continue_it() {
        // "a)" starts lower-case, so after a blank line it continues "Recommendations" (not a
        // heading: the next line starts lower-case); "(ii)" follows a finished sentence.
        check(
            "Recommendations\n\na) first point.\n(ii) second point;\n3.1.2 Deep numbering.\n",
            expect![[r#"
            p L1-3: Recommendations a) first point.
            nii L4: second point;
            n3.1.2 L5: Deep numbering.
        "#]],
        );
    }

    #[test]
    fn shouted_openings_start_a_paragraph_in_minutes() {
        check(
            "The panel discussed the report.\nAGREED that the report be noted.\nRESOLVED that officers report back.\n",
            expect![[r#"
            p L1: The panel discussed the report.
            p L2: AGREED that the report be noted.
            p L3: RESOLVED that officers report back.
        "#]],
        );
    }

    #[test]
    fn layout_tables_become_rows() {
        check("Judgement                         Grade\nHelp and protection               Good\nChildren in care   Requires improvement to be good\n", expect![[r#"
            tr L1: Judgement | Grade
            tr L2: Help and protection | Good
            tr L3: Children in care | Requires improvement to be good
        "#]]);
    }

    #[test]
    fn normalised_text_markdown_quotes_ligatures_footnotes() {
        check(
            "Some **bold** text\u{a0}with \u{201c}quotes\u{201d}, a ﬁne [link](http://x) and co?production.\nReported to the board1 and to protection.2 Then Covid19 fell.\n",
            expect![[r#"
                p L1-2: Some bold text with "quotes", a fine link and co-production. ¦ Reported to the board and to protection. ¦ Then Covid19 fell.
            "#]],
        );
    }

    #[test]
    fn sentences_survive_abbreviations_initials_and_money() {
        check_sentences(
            "Cllr. Smith spoke, e.g. about costs. Spend was £1.4M, i.e. 24.64% of the budget in 2023/24. He said \"It is good.\" Then No. 5 was read. J. Walker agreed waits of 12.5 days",
            expect![[r#"
                Cllr. Smith spoke, e.g. about costs.
                Spend was £1.4M, i.e. 24.64% of the budget in 2023/24.  <£1.4M Gbp, 24.64% Percent, 2023/24 Year>
                He said "It is good."
                Then No. 5 was read.  <5 Count>
                J. Walker agreed waits of 12.5 days  <12.5 Days>
            "#]],
        );
    }

    #[test]
    fn sentences_of_list_items_and_headings() {
        check_sentences(
            "# About Anytown\n\n- 148,285 people live here. Most are 65+.\n- The median wait was 28 days (target 14 days).\n",
            expect![[r#"
            About Anytown
            148,285 people live here.  <148,285 Count>
            Most are 65+.
            The median wait was 28 days (target 14 days).  <28 Days, 14 Days>
        "#]],
        );
    }

    #[test]
    fn empty_and_blank_input() {
        check("", expect![[""]]);
        check("\n\n   \n\u{c}\n", expect![[""]]);
    }
}
