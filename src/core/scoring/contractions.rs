//! Words as people type them, read as what they stand for: contractions and text-speak expanded,
//! curly apostrophes straightened, thousands separators dropped from numbers.

/// Whole words read as other words: contractions typed without their apostrophe, and text-speak.
const WHOLE: &[(&str, &[&str])] = &[
    ("won't", &["will", "not"]),
    ("wont", &["will", "not"]),
    ("can't", &["can", "not"]),
    ("cant", &["can", "not"]),
    ("cannot", &["can", "not"]),
    ("shan't", &["shall", "not"]),
    ("ain't", &["is", "not"]),
    ("i'm", &["i", "am"]),
    ("im", &["i", "am"]),
    ("ive", &["i", "have"]),
    ("let's", &["let", "us"]),
    ("dont", &["do", "not"]),
    ("didnt", &["did", "not"]),
    ("doesnt", &["does", "not"]),
    ("isnt", &["is", "not"]),
    ("wasnt", &["was", "not"]),
    ("arent", &["are", "not"]),
    ("werent", &["were", "not"]),
    ("couldnt", &["could", "not"]),
    ("wouldnt", &["would", "not"]),
    ("shouldnt", &["should", "not"]),
    ("havent", &["have", "not"]),
    ("hasnt", &["has", "not"]),
    ("youll", &["you", "will"]),
    ("youre", &["you", "are"]),
    ("theyre", &["they", "are"]),
    ("thats", &["that", "is"]),
    ("rly", &["really"]),
    ("whats", &["what", "is"]),
    ("itll", &["it", "will"]),
    // "il get u a loaner", "il b on the call": no English word, so always "I'll".
    ("il", &["i", "will"]),
    // Text-speak, read as what it stands for.
    ("u", &["you"]),
    ("ur", &["your"]),
    ("r", &["are"]),
    ("pls", &["please"]),
    ("plz", &["please"]),
    ("2moro", &["tomorrow"]),
    ("2morrow", &["tomorrow"]),
    ("tmrw", &["tomorrow"]),
    ("tmr", &["tomorrow"]),
    ("tmw", &["tomorrow"]),
    ("2day", &["today"]),
    ("2nite", &["tonight"]),
    ("2night", &["tonight"]),
    ("wd", &["would"]),
    ("cd", &["could"]),
    ("shd", &["should"]),
    ("shud", &["should"]),
    ("nt", &["not"]),
    ("txt", &["text"]),
    ("msg", &["message"]),
    ("b4", &["before"]),
    ("coz", &["because"]),
    ("cos", &["because"]),
    ("bc", &["because"]),
    ("thx", &["thanks"]),
    ("idk", &["i", "do", "not", "know"]),
    ("dunno", &["do", "not", "know"]),
    ("gonna", &["going", "to"]),
    ("wanna", &["want", "to"]),
    ("gotta", &["have", "to"]),
];

/// Verbs that may follow "I'll" or "I'd" typed without the apostrophe ("ill chase it", "id
/// suggest"): after one of them, opening its clause, "ill" is "I will" and "id" is "I would".
const AFTER_SUBJECT: &[&str] = &[
    "be",
    "b",
    "have",
    "get",
    "send",
    "call",
    "ring",
    "phone",
    "text",
    "email",
    "message",
    "check",
    "look",
    "sort",
    "chase",
    "pass",
    "do",
    "make",
    "let",
    "give",
    "put",
    "book",
    "come",
    "go",
    "need",
    "like",
    "love",
    "say",
    "try",
    "update",
    "order",
    "refund",
    "swap",
    "pop",
    "take",
    "bring",
    "see",
    "ask",
    "speak",
    "talk",
    "keep",
    "find",
    "arrange",
    "escalate",
    "raise",
    "log",
    "fix",
    "post",
    "drop",
    "just",
    "also",
    "personally",
    "definitely",
    "rather",
    "prefer",
    "suggest",
    "recommend",
    "never",
    "always",
    "probably",
    "hope",
    "expect",
    "gladly",
    "happily",
    "flag",
    "cancel",
    "credit",
    "transfer",
    "reply",
    "respond",
    "write",
    "sit",
    "stay",
    "meet",
    "pick",
    "collect",
    "deliver",
    "ping",
    "dm",
    "shout",
    "revert",
    "confirm",
    "tell",
];

/// Words before "ill" / "id" that leave it opening its clause ("so ill ring u", "ok id say").
const CLAUSE_OPENERS: &[&str] = &["and", "n", "so", "then", "but", "ok", "okay", "k", "yeah", "yes", "right", "also"];

/// What "ill" or "id" typed without its apostrophe stands for, read from its neighbours: "I will"
/// / "I would" when it opens its clause (`opens`, or after `prev` in [`CLAUSE_OPENERS`]) and a verb
/// follows ("ill chase it", "id suggest the form"); otherwise the word itself ("I'm ill", "ill
/// health", "your id number", "ID card"). None when the word stays as typed.
pub fn text_speak_subject(
    prev: Option<&str>,
    word: &str,
    next: Option<&str>,
    opens: bool,
) -> Option<[&'static str; 2]> {
    let expansion = match word {
        "ill" => ["i", "will"],
        "id" => ["i", "would"],
        _ => return None,
    };
    let opens = opens || prev.is_none_or(|p| CLAUSE_OPENERS.contains(&p));
    // "ID check", "id number": a check of an ID, not "I'd check".
    let verb = next.is_some_and(|n| AFTER_SUBJECT.contains(&n) && !(word == "id" && n == "check"));
    (opens && verb).then_some(expansion)
}

/// Split a contraction into its words: "won't" -> ["will", "not"], "okafor's" -> ["okafor"].
pub fn expand_contraction(word: &str) -> Vec<&str> {
    if let Some(parts) = whole_words().get(word) {
        return parts.to_vec();
    }
    if !word.as_bytes().contains(&b'\'') {
        return vec![word];
    }
    const IS_BEFORE_S: &[&str] =
        &["it", "that", "there", "here", "what", "who", "he", "she", "where", "how", "everything"];
    for (suffix, expansion) in [("n't", "not"), ("'ll", "will"), ("'re", "are"), ("'ve", "have"), ("'d", "would")] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return vec![stem, expansion];
        }
    }
    if let Some(stem) = word.strip_suffix("'s") {
        return if IS_BEFORE_S.contains(&stem) { vec![stem, "is"] } else { vec![stem] };
    }
    if let Some(stem) = word.strip_suffix('\'') {
        return vec![stem];
    }
    vec![word]
}

/// [`expand_contraction`]'s words when they are other than `word` alone; None when the word
/// stands as it is (most words: told without building a list).
pub fn expansion(word: &str) -> Option<Vec<&str>> {
    let stands = !word.as_bytes().contains(&b'\'') && !whole_words().contains_key(word);
    if stands {
        return None;
    }
    Some(expand_contraction(word)).filter(|parts| parts.as_slice() != [word])
}

/// How many words `expand_contraction(w)` gives, without building them (see
/// [`letters_word_len`] for the words of letters).
pub fn contraction_len(w: &str) -> usize {
    match letters_word_len(w) {
        Some(n) if w.bytes().all(|b| b.is_ascii_lowercase()) => n,
        _ => expand_contraction(w).len(),
    }
}

/// For a word of ASCII letters of either case, how many words its lowercase form expands to
/// (`expand_contraction(&w.to_ascii_lowercase()).len()`); None for any other word. Most words are
/// ruled out of [`WHOLE`] by their length and first and last letters, without a look-up or a copy
/// (a library check sizes every word of every phrase).
pub fn letters_word_len(w: &str) -> Option<usize> {
    let bytes = w.as_bytes();
    let (first, last) = (bytes.first()?.to_ascii_lowercase(), bytes.last()?.to_ascii_lowercase());
    if !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let row = &whole_word_ends()[bytes.len().min(WHOLE_ENDS_LONGEST)];
    if row[usize::from(first - b'a')] & (1 << (last - b'a')) == 0 {
        return Some(1);
    }
    Some(whole_words().get(w.to_ascii_lowercase().as_str()).map_or(1, |parts| parts.len()))
}

/// Lengths past this share one row of [`whole_word_ends`].
const WHOLE_ENDS_LONGEST: usize = 8;

/// For each length (up to [`WHOLE_ENDS_LONGEST`]) and first letter, the last letters of the
/// [`WHOLE`] words of lowercase letters with them, as bits.
fn whole_word_ends() -> &'static [[u32; 26]; WHOLE_ENDS_LONGEST + 1] {
    static ENDS: std::sync::LazyLock<[[u32; 26]; WHOLE_ENDS_LONGEST + 1]> = std::sync::LazyLock::new(|| {
        let mut ends = [[0; 26]; WHOLE_ENDS_LONGEST + 1];
        for (w, _) in WHOLE.iter().filter(|(w, _)| w.bytes().all(|b| b.is_ascii_lowercase())) {
            let (first, last) = (w.as_bytes()[0] - b'a', w.as_bytes()[w.len() - 1] - b'a');
            ends[w.len().min(WHOLE_ENDS_LONGEST)][usize::from(first)] |= 1 << last;
        }
        ends
    });
    &ENDS
}

/// [`WHOLE`] by word, built once per process.
fn whole_words() -> &'static WholeWords {
    static MAP: std::sync::LazyLock<WholeWords> = std::sync::LazyLock::new(|| WHOLE.iter().copied().collect());
    &MAP
}

/// The words [`WHOLE`] reads as others, with what they stand for.
type WholeWords = std::collections::HashMap<&'static str, &'static [&'static str], super::keys::FnvBuild>;

/// "2,500" and "£1,200.50" read as "2500" and "£1200.50", so a number matches however it was grouped.
pub(super) fn without_thousands_separators(word: String) -> String {
    if !word.as_bytes().contains(&b',') {
        return word;
    }
    let digits = word.trim_start_matches(['£', '$', '€']);
    let grouped = digits.split('.').next().unwrap_or("");
    let mut groups = grouped.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = groups.collect();
    if first_ok && !rest.is_empty() && rest.iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())) {
        word.replace(',', "")
    } else {
        word
    }
}

/// Normalise one raw word: lowercase, curly apostrophes straightened.
pub fn normalise_word(raw: &str) -> String {
    if raw.is_ascii() {
        // An ASCII letter's lowercase is its ASCII lowercase, and no curly apostrophe is ASCII.
        return raw.to_ascii_lowercase();
    }
    raw.chars().map(|c| if c == '’' || c == '‘' { '\'' } else { c }).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_counted_as_as_many_words_as_its_expansion() {
        let mut words: Vec<String> = WHOLE.iter().map(|(w, _)| w.to_string()).collect();
        words.extend(
            ["the", "tomorrow", "call", "cants", "wonts", "shouldnt", "shouldnts", "u", "a", "idk", "idks"]
                .map(String::from),
        );
        // Every word of up to three letters, and every WHOLE word with a letter changed.
        let letters: Vec<char> = ('a'..='z').collect();
        for a in &letters {
            words.push(a.to_string());
            for b in &letters {
                words.push(format!("{a}{b}"));
                words.extend(letters.iter().map(|c| format!("{a}{b}{c}")));
            }
        }
        for (w, _) in WHOLE {
            for k in 0..w.len() {
                words.extend(letters.iter().map(|c| format!("{}{c}{}", &w[..k], &w[k + 1..])));
            }
        }
        words.extend(["won't", "i'll", "2day", "b4", "", "'s", "it's", "Cant"].map(String::from));
        for w in &words {
            assert_eq!(contraction_len(w), expand_contraction(w).len(), "{w}");
            let upper = w.to_ascii_uppercase();
            let letters = !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic());
            let expected = letters.then(|| expand_contraction(&w.to_ascii_lowercase()).len());
            assert_eq!((letters_word_len(w), letters_word_len(&upper)), (expected, expected), "{w}");
        }
    }
}
