//! Cutting a response into raw words (byte spans) and the punctuation marks that end sentences and
//! clauses or open and close quotes.

/// A punctuation mark that matters to the analysis.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Mark {
    SentenceEnd { question: bool },
    ClauseEnd,
    QuoteToggle,
    QuoteOpen,
    QuoteClose,
}

/// A raw word (byte span) or a mark, in text order.
pub(super) enum Piece {
    Word(usize, usize),
    Mark(Mark),
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Abbreviations other than the months' and weekdays' short forms (those come from the one
/// month and weekday list, [`super::time::is_date_abbreviation`]) whose full stop does not end a
/// sentence when the sentence goes on after it.
const ABBREVIATIONS: &[&str] = &["a.m", "p.m", "approx"];

/// True when `before` ends with an abbreviation as a whole word.
fn ends_abbreviation(before: &str) -> bool {
    let last = before.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
    !last.is_empty()
        && (ABBREVIATIONS.iter().any(|a| last.eq_ignore_ascii_case(a))
            || super::time::is_date_abbreviation(&last.to_lowercase()))
}

/// True when what follows a full stop carries on the sentence: spaces, then a digit or a
/// lower-case letter.
fn continues_sentence(after: &[(usize, char)]) -> bool {
    let mut rest = after.iter().map(|x| x.1).skip_while(|c| *c == ' ');
    after.first().is_some_and(|x| x.1 == ' ') && rest.next().is_some_and(|c| c.is_ascii_digit() || c.is_lowercase())
}

/// Cut the text into raw words (byte spans) and punctuation marks.
pub(super) fn pieces(text: &str) -> Vec<Piece> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut quote_open = false;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let next = chars.get(i + 1).map(|x| x.1);
        if is_word_char(c) || (matches!(c, '£' | '$' | '€') && next.is_some_and(|n| n.is_ascii_digit())) {
            let j = word_end(&chars, i, quote_open);
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            out.push(Piece::Word(at, end));
            i = j;
            continue;
        }
        if let Some(mark) = mark_at(text, &chars, i, quote_open) {
            quote_open = match mark {
                Mark::QuoteOpen => true,
                Mark::QuoteClose => false,
                Mark::QuoteToggle => !quote_open,
                _ => quote_open,
            };
            out.push(Piece::Mark(mark));
        }
        i += 1;
    }
    out
}

/// Where the word starting at `chars[i]` ends (the index of the first character after it).
fn word_end(chars: &[(usize, char)], i: usize, quote_open: bool) -> usize {
    let mut j = i + 1;
    while j < chars.len() {
        let c = chars[j].1;
        let before = chars[j - 1].1;
        let after = chars.get(j + 1).map(|x| x.1);
        // "4:30", "10.30", "1,000", "15/12/2024", "2024-12-15", "2-3": one word.
        let joins_digits = matches!(c, ':' | '.' | ',' | '/' | '-')
            && before.is_ascii_digit()
            && after.is_some_and(|a| a.is_ascii_digit());
        let apostrophe = matches!(c, '\'' | '’') && before.is_alphabetic() && after.is_some_and(|a| a.is_alphabetic());
        let trailing_apostrophe =
            matches!(c, '\'' | '’') && before == 's' && !quote_open && after.is_none_or(|a| a.is_whitespace());
        let abbreviation = c == '.' && j == i + 1 && before.is_alphabetic() && after.is_some_and(char::is_alphabetic);
        if is_word_char(c) || joins_digits || apostrophe || abbreviation || (c == '%' && before.is_ascii_digit()) {
            j += 1;
        } else if trailing_apostrophe {
            return j + 1;
        } else {
            break;
        }
    }
    j
}

/// True for a pictograph (emoji, dingbat or symbol) that chat uses as a full stop.
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B50}' | '\u{2B55}')
}

/// True when a word follows, after spaces and the joiners and selectors of a pictograph.
fn word_follows(after: &[(usize, char)]) -> bool {
    after
        .iter()
        .map(|&(_, c)| c)
        .find(|&c| !(c.is_whitespace() || is_pictograph(c) || matches!(c, '\u{200D}' | '\u{FE0F}')))
        .is_some_and(char::is_alphanumeric)
}

/// The punctuation mark `chars[i]` is (None: a character that marks nothing).
fn mark_at(text: &str, chars: &[(usize, char)], i: usize, quote_open: bool) -> Option<Mark> {
    let (at, c) = chars[i];
    let prev = i.checked_sub(1).map(|j| chars[j].1);
    let next = chars.get(i + 1).map(|x| x.1);
    match c {
        '.' if next.is_some_and(|n| n.is_alphabetic()) && prev.is_some_and(char::is_alphabetic) => None, // a.m.
        // "Oct. 2", "Tues. afternoon", "4 p.m. tomorrow": an abbreviation's full stop before a
        // lower-case word or a number does not end the sentence.
        '.' if ends_abbreviation(&text[..at]) && continues_sentence(&chars[i + 1..]) => None,
        '.' | '!' | '?' if quote_open => Some(Mark::ClauseEnd),
        '.' | '!' | '\n' => Some(Mark::SentenceEnd { question: false }),
        '?' => Some(Mark::SentenceEnd { question: true }),
        // "sorry 🙃 DM us", "it's on the portal ✅ any q's dm me": chat ends a sentence with a
        // pictograph and starts the next without a stop.
        c if is_pictograph(c) && word_follows(&chars[i + 1..]) => Some(Mark::SentenceEnd { question: false }),
        ',' | ';' | ':' | '—' | '–' | '(' | ')' => Some(Mark::ClauseEnd),
        '-' if prev.is_some_and(char::is_whitespace) => Some(Mark::ClauseEnd),
        '"' => Some(Mark::QuoteToggle),
        '“' => Some(Mark::QuoteOpen),
        '”' => Some(Mark::QuoteClose),
        '\'' | '‘' | '’' => {
            let opens = !quote_open
                && prev.is_none_or(|p| !p.is_alphanumeric())
                && next.is_some_and(char::is_alphanumeric)
                && chars[i + 1..].iter().any(|(_, c)| matches!(c, '\'' | '’'));
            let closes = quote_open && prev.is_some_and(|p| p.is_alphanumeric() || p == '.' || p == '!' || p == '?');
            if opens {
                Some(Mark::QuoteOpen)
            } else if closes {
                Some(Mark::QuoteClose)
            } else {
                None
            }
        }
        _ => None,
    }
}
