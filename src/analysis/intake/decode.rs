//! Bytes to text, for files: UTF-8 (with or without BOM), UTF-16 with a BOM, and a
//! Windows-1252 fallback that is reported. Binary and empty files are refused in words.

/// The largest input accepted, in bytes. Real reports are well under 1 MB of text.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// Set when the bytes were not UTF-8 and a fallback was used.
    pub warning: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    Binary,
    /// A document format that could not be read, and why in words.
    Unreadable(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty"),
            DecodeError::TooLarge { bytes } => write!(
                f,
                "the file is {:.1} MB, over the {} MB limit for one document",
                *bytes as f64 / 1_048_576.0,
                MAX_INPUT_BYTES / 1_048_576
            ),
            DecodeError::Binary => write!(f, "the file is not text (it looks like a binary file)"),
            DecodeError::Unreadable(why) => write!(f, "{why}"),
        }
    }
}

/// Windows-1252's characters for bytes 0x80–0x9F (the rest of the range is Latin-1).
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–',
    '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn utf16(bytes: &[u8], le: bool) -> String {
    let units = bytes.chunks_exact(2).map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample.iter().filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b) && b != 0x1b).count();
    sample.contains(&0) || control * 20 > sample.len().max(1)
}

/// Decoded text that is mostly control characters or replacement characters is not text.
fn looks_binary_text(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let odd = sample.iter().filter(|&&c| c == '\u{fffd}' || c == '\0' || (c.is_control() && !c.is_whitespace())).count();
    odd * 20 > sample.len().max(1)
}

/// Bytes to text: UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252 (said so).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(DecodeError::TooLarge { bytes: bytes.len() });
    }
    // UTF-16 with a byte-order mark: decoded, then held to the same checks as any text.
    let le = bytes.strip_prefix(&[0xff, 0xfe]).map(|rest| (rest, true));
    if let Some((rest, le)) = le.or_else(|| bytes.strip_prefix(&[0xfe, 0xff]).map(|rest| (rest, false))) {
        let text = utf16(rest, le);
        if text.trim().is_empty() {
            return Err(DecodeError::Empty);
        }
        if looks_binary_text(&text) {
            return Err(DecodeError::Binary);
        }
        return Ok(Decoded { text, warning: None });
    }
    let bytes = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded { text: s.to_string(), warning: None }),
        Err(_) => {
            let text = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => CP1252[(b - 0x80) as usize],
                    _ => b as char,
                })
                .collect();
            Ok(Decoded {
                text,
                warning: Some(
                    "The file is not UTF-8; it was read as Windows-1252 (Western European), so a few characters may be wrong.".into(),
                ),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("caf\u{e9}".as_bytes()).unwrap().text, "caf\u{e9}");
        assert_eq!(decode(b"\xef\xbb\xbfabc").unwrap().text, "abc");
    }

    #[test]
    fn utf16_both_orders() {
        assert_eq!(decode(b"\xff\xfeh\x00i\x00").unwrap().text, "hi");
        assert_eq!(decode(b"\xfe\xff\x00h\x00i").unwrap().text, "hi");
    }

    #[test]
    fn windows_1252_fallback_is_reported() {
        let d = decode(b"Children\x92s services \x96 \xa35m").unwrap();
        assert_eq!(d.text, "Children\u{2019}s services \u{2013} \u{a3}5m");
        assert!(d.warning.is_some());
    }

    #[test]
    fn refuses_empty_binary_and_huge() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t"), Err(DecodeError::Empty));
        assert_eq!(decode(b"%PDF\x00\x01\x02binary"), Err(DecodeError::Binary));
        assert!(matches!(decode(&vec![b'a'; MAX_INPUT_BYTES + 1]), Err(DecodeError::TooLarge { .. })));
    }

    #[test]
    fn utf16_garbage_and_emptiness_are_refused() {
        assert_eq!(decode(b"\xff\xfe \x00\n\x00"), Err(DecodeError::Empty));
        let garbage: Vec<u8> = [0xff, 0xfe].into_iter().chain((0..4000u32).flat_map(|i| [(i % 7) as u8, 0xd8 + (i % 2) as u8])).collect();
        assert_eq!(decode(&garbage), Err(DecodeError::Binary));
    }
}
