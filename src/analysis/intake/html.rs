//! HTML to its visible text, in one linear pass and without a browser: scripts, styles,
//! templates and comments dropped; block elements (paragraphs, headings, list items, table
//! rows) on lines of their own with a blank line between, table cells separated by tabs;
//! runs of white space collapsed as a browser collapses them; character references decoded.
//! Headings keep a Markdown `#` mark so the reading layer sees them as headings.

/// Elements whose content is never shown.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "head", "svg", "math"];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "blockquote",
    "dt",
    "dd",
    "dl",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "address",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "caption",
    "body",
    "html",
    "hr",
];

/// A tag: its lower-case name, whether it closes, and the byte just past its `>`.
struct Tag {
    name: String,
    closing: bool,
    end: usize,
}

/// The longest tag looked for, attributes and all.
const MAX_TAG: usize = 4096;

/// The tag that starts at `at` (a `<`), if it is one.
fn tag_at(s: &str, at: usize) -> Option<Tag> {
    let b = s.as_bytes();
    let mut i = at + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
        i += 1;
    }
    if i == name_start || !b[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    // Skip attributes, minding quoted values that may hold '>'; a "tag" longer than
    // `MAX_TAG` is text with a stray '<' (and looking further would rescan the page at every one).
    let mut quote = None;
    let stop = b.len().min(at + MAX_TAG);
    while i < stop {
        match (quote, b[i]) {
            (None, b'"') | (None, b'\'') => quote = Some(b[i]),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return Some(Tag { name, closing, end: i + 1 }),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Where the hidden element `name` that opened before `from` ends (past its closing tag).
fn skip_hidden(s: &str, lower: &str, from: usize, name: &str) -> usize {
    let close = format!("</{name}");
    match lower[from..].find(&close) {
        Some(k) => {
            let at = from + k;
            s[at..].find('>').map_or(s.len(), |j| at + j + 1)
        }
        None => s.len(),
    }
}

/// A character reference at `at` (a `&`): the text it stands for and its byte length.
fn reference(s: &str, at: usize) -> Option<(String, usize)> {
    let rest = &s[at + 1..];
    // Only a short window: "&&&…" without a ';' must not rescan the page at every '&'.
    let semi = rest.bytes().take(11).position(|c| c == b';')?;
    let body = &rest[..semi];
    let ch = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0').unwrap_or('\u{fffd}').to_string()
    } else {
        let c = match body {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => " ",
            "pound" => "£",
            "euro" => "€",
            "ndash" => "–",
            "mdash" => "—",
            "lsquo" => "‘",
            "rsquo" => "’",
            "ldquo" => "“",
            "rdquo" => "”",
            "hellip" => "…",
            "bull" => "•",
            "middot" => "·",
            "copy" => "©",
            "deg" => "°",
            "frac12" => "½",
            "shy" => "",
            _ => return None,
        };
        c.to_string()
    };
    Some((ch, semi + 2))
}

/// Text built up with HTML's white-space rules.
#[derive(Default)]
struct Out {
    text: String,
    /// A space is owed before the next word.
    space: bool,
}

impl Out {
    fn word_char(&mut self, c: char) {
        if self.space && !self.text.is_empty() && !self.text.ends_with(['\n', '\t', ' ']) {
            self.text.push(' ');
        }
        self.space = false;
        self.text.push(c);
    }

    fn str(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                self.space = true;
            } else {
                self.word_char(if c == '\u{a0}' { ' ' } else { c });
            }
        }
    }

    /// End the current block: a blank line before whatever comes next.
    fn block(&mut self) {
        self.space = false;
        let trimmed = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(trimmed);
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push_str(if self.text.ends_with('\n') { "\n" } else { "\n\n" });
        }
    }

    fn line(&mut self) {
        self.space = false;
        self.text.push('\n');
    }

    fn cell(&mut self) {
        self.space = false;
        if !self.text.is_empty() && !self.text.ends_with(['\n', '\t']) {
            self.text.push('\t');
        }
    }
}

/// Words of a web page's title or text that say the page is an error page, not a document.
const ERROR_PAGE_CUES: &[&str] = &[
    "not found",
    "404",
    "no longer exists",
    "no longer available",
    "page not available",
    "access denied",
    "forbidden",
    "server error",
    "something went wrong",
];

/// The most words of visible text an error page has (a report has thousands).
const ERROR_PAGE_MAX_WORDS: usize = 600;

/// When `html` is a short error page ("Report not found - Find an Inspection Report"), its
/// title or, without one, its first cue: what to tell the user instead of analysing it.
pub fn error_page(html: &str, visible: &str) -> Option<String> {
    if visible.split_whitespace().count() > ERROR_PAGE_MAX_WORDS {
        return None;
    }
    let lower = html.to_ascii_lowercase();
    let title = lower
        .find("<title")
        .and_then(|a| Some(a + lower[a..].find('>')? + 1))
        .and_then(|a| Some((a, a + lower[a..].find("</title")?)))
        .map(|(a, b)| html_to_text(&html[a..b]).split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    let visible = visible.to_lowercase();
    let cue = ERROR_PAGE_CUES.iter().find(|c| {
        // In the text only phrases count: a short page may well say "404 children".
        title.as_deref().is_some_and(|t| t.to_lowercase().contains(*c)) || (c.contains(' ') && visible.contains(*c))
    })?;
    Some(title.unwrap_or_else(|| (*cue).to_string()))
}

/// The visible text of an HTML document.
pub fn html_to_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let b = html.as_bytes();
    let mut out = Out::default();
    let mut i = 0;
    let mut run = 0; // start of the pending run of plain text
    while i < b.len() {
        match b[i] {
            b'<' => {
                out.str(&html[run..i]);
                if lower[i..].starts_with("<!--") {
                    i = lower[i..].find("-->").map_or(b.len(), |k| i + k + 3);
                } else if lower[i..].starts_with("<!") || lower[i..].starts_with("<?") {
                    i = html[i..].find('>').map_or(b.len(), |k| i + k + 1);
                } else if let Some(tag) = tag_at(html, i) {
                    i = tag.end;
                    let name = tag.name.as_str();
                    if !tag.closing && HIDDEN.contains(&name) && !html[..tag.end].ends_with("/>") {
                        i = skip_hidden(html, &lower, i, name);
                    } else if let Some(level) = name.strip_prefix('h').and_then(|d| d.parse::<usize>().ok()).filter(|l| (1..=6).contains(l))
                    {
                        out.block();
                        if !tag.closing {
                            out.text.push_str(&"#".repeat(level));
                            out.text.push(' ');
                        }
                    } else if name == "br" {
                        out.line();
                    } else if name == "td" || name == "th" {
                        if !tag.closing {
                            out.cell();
                        }
                    } else if name == "li" && !tag.closing {
                        out.block();
                        out.text.push_str("- ");
                    } else if BLOCKS.contains(&name) {
                        out.block();
                    }
                } else {
                    out.word_char('<');
                    i += 1;
                }
                run = i;
            }
            b'&' => {
                out.str(&html[run..i]);
                match reference(html, i) {
                    Some((text, len)) => {
                        out.str(&text);
                        if text == " " {
                            out.space = true;
                        }
                        i += len;
                    }
                    None => {
                        out.word_char('&');
                        i += 1;
                    }
                }
                run = i;
            }
            _ => i += 1,
        }
    }
    out.str(&html[run.min(html.len())..]);
    out.text.trim().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_page_that_says_not_found_is_an_error_page_and_a_report_is_not() {
        let page = "<!DOCTYPE html><html><head><title>Report not found - Find an Inspection Report - Ofsted</title></head>\
                    <body><h1>Report not found</h1><p>Sorry, the document you requested no longer exists.</p></body></html>";
        assert_eq!(error_page(page, &html_to_text(page)).as_deref(), Some("Report not found - Find an Inspection Report - Ofsted"));
        // A report that mentions "not found" in passing is long: it is read.
        let long = format!(
            "<html><head><title>Inspection of Anytown</title></head><body><p>{}</p><p>Records were not found.</p></body></html>",
            "word ".repeat(700)
        );
        assert_eq!(error_page(&long, &html_to_text(&long)), None);
        // A short page with no cue is read too.
        let short = "<html><body><p>Overall effectiveness: Good</p></body></html>";
        assert_eq!(error_page(short, &html_to_text(short)), None);
    }

    #[test]
    fn blocks_headings_lists_and_cells() {
        let t = html_to_text(
            "<html><head><title>T</title><style>p{}</style></head><body><h1>Anytown Council</h1><p>One\n  two</p><ul><li>First</li><li>Second</li></ul><table><tr><td>Overall effectiveness</td><td>Good</td></tr></table></body></html>",
        );
        assert_eq!(t, "# Anytown Council\n\nOne two\n\n- First\n\n- Second\n\nOverall effectiveness\tGood\n");
    }

    #[test]
    fn hidden_content_comments_and_references() {
        let t = html_to_text(
            "<p>A<!-- hidden --> &amp; B&nbsp;&pound;5 &#8217;x&#x2019; &bogus; 1 < 2</p><script>if (a<b) x()</script><p>End</p>",
        );
        assert_eq!(t, "A & B £5 ’x’ &bogus; 1 < 2\n\nEnd\n");
    }

    #[test]
    fn never_panics_on_broken_markup() {
        for s in ["<", "<p", "&", "&#;", "&#x110000;", "<script>", "<a href='>'>x</a>", "é<é>&é;", "</>", "<!--"] {
            let _ = html_to_text(s);
        }
        assert_eq!(html_to_text("<a href='a>b'>link</a>"), "link\n");
    }

    #[test]
    fn stray_brackets_and_ampersands_are_text() {
        let t = html_to_text(&"<a x=\"".repeat(3));
        assert_eq!(t, "<a x=\"<a x=\"<a x=\"\n");
        assert_eq!(html_to_text("&&&;"), "&&&;\n");
    }
}
