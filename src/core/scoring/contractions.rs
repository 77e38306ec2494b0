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
