//! Reading a response the way the rubric needs it: normalised word tokens with byte spans into the
//! original text, sentences and clauses, quoted or reported speech, negation scope and hedges.

use std::sync::{Arc, OnceLock};

use rust_stemmers::{Algorithm, Stemmer};

pub use super::contractions::{contraction_len, expand_contraction, letters_word_len, normalise_word};
use super::contractions::{expansion, without_thousands_separators};
use super::distinct::SentenceWords;
use super::scope::{mark_conditions, mark_negation, mark_reported_speech, split_clauses_at_conjunctions};
use super::time::TimeTable;
use super::tokenise::{Mark, Piece, pieces};

/// One word of the response, normalised, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Lowercase, straight apostrophes, contractions expanded ("won't" gives "will" and "not").
    pub text: String,
    /// Snowball (English) stem of `text`, shared with every token of the same word (see
    /// [`shared_stem`]): no allocation per token.
    pub stem: Arc<str>,
    /// Byte offset of the start of the original word.
    pub start: usize,
    /// Byte offset just past the original word.
    pub end: usize,
    /// Index of the sentence the token is in.
    pub sentence: usize,
    /// Index of the clause the token is in (clauses end at , ; : and at but/so/and...).
    pub clause: usize,
    /// Inside quotation marks, or reported speech ("you said ..."): not the speaker's own words.
    pub quoted: bool,
    /// The negator whose scope covers this token, if any.
    pub negated_by: Option<usize>,
    /// Inside the speaker's retelling of an earlier promise ("I told you I'd ring at 2pm"): the
    /// speaker's own words, but no new commitment.
    pub retold: bool,
    /// Which letters a-z the word uses (for cheap typo checks).
    pub letters: u32,
    /// The condition word ("if", "unless", "once", ...: `@condition-word`) whose clause holds this
    /// token, the word itself included: what is said here waits on that condition.
    pub condition: Option<usize>,
    /// Hash of `text` (see `phrase::word_key`).
    pub text_key: u64,
    /// Hash of `stem`.
    pub stem_key: u64,
    /// Written with a possessive 's ("Farid's"): may really be "Farid is/has".
    pub possessive: bool,
}

impl Token {
    /// A token for `word` (normalised) at byte span `start..end`, with its stem, letters and keys.
    fn new(word: String, start: usize, end: usize) -> Self {
        let (stem, stem_key) = shared_stem(&word);
        let mut token = Self {
            text: String::new(),
            stem,
            start,
            end,
            sentence: 0,
            clause: 0,
            quoted: false,
            negated_by: None,
            retold: false,
            condition: None,
            letters: 0,
            text_key: 0,
            stem_key,
            possessive: false,
        };
        token.set_text_stemmed(word);
        token
    }

    /// Make this token the word `word`, keeping its place; stem, letters and keys follow.
    fn set_word(&mut self, word: &str) {
        self.set_text(word.to_string());
    }

    /// [`Self::set_word`] with the word's text given, kept as it is.
    fn set_text(&mut self, word: String) {
        (self.stem, self.stem_key) = shared_stem(&word);
        self.set_text_stemmed(word);
    }

    /// [`Self::set_text`] with the stem and its key already set.
    fn set_text_stemmed(&mut self, word: String) {
        self.letters = super::phrase::letter_mask(&word);
        self.text_key = super::phrase::word_key(&word);
        self.text = word;
    }

    /// True for words that negate what follows.
    pub fn is_negator(&self) -> bool {
        // Told by length, then bytes, not by walking a list: the searches ask it of most tokens.
        matches!(
            self.text.as_str(),
            "not" | "never" | "no" | "nobody" | "nothing" | "without" | "neither" | "nor" | "none" | "cannot"
        )
    }

    /// True when the word is the speaker's own, said now and meant: not quoted, not retold from
    /// the past, not under a negation.
    pub fn is_own_word(&self) -> bool {
        !self.quoted && !self.retold && self.negated_by.is_none()
    }
}

/// A sentence: a range of tokens and what it says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
    /// Ends with a question mark.
    pub question_mark: bool,
}

/// A response, analysed once and matched against every criterion.
#[derive(Debug, Clone)]
pub struct Analysed {
    /// The words.
    pub tokens: Vec<Token>,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
    /// The time reading at every token, and the same with each sentence read on its own (see
    /// [`Analysed::times`] and [`Analysed::sentence_times`]), worked out together on first use.
    times: OnceLock<(TimeTable, TimeTable)>,
    /// Each sentence's distinct words (see `distinct.rs`), found on first use.
    words: OnceLock<Vec<SentenceWords>>,
}

/// Two analyses are equal when their words and sentences are (the time tables follow from them).
impl PartialEq for Analysed {
    fn eq(&self, other: &Self) -> bool {
        self.tokens == other.tokens && self.sentences == other.sentences
    }
}

impl Analysed {
    /// The time expression at every token, read once per response (the detectors' and the learned
    /// layer's one source for "is there a time here").
    pub fn times(&self) -> &TimeTable {
        &self.time_tables().0
    }

    /// The time expression at every token as a search within one sentence reads it (the `{time}`
    /// slot): each sentence read as if the response ended with it.
    pub fn sentence_times(&self) -> &TimeTable {
        &self.time_tables().1
    }

    /// The distinct words of sentence `k` (none past the last sentence).
    pub(super) fn sentence_words(&self, k: usize) -> Option<&SentenceWords> {
        self.words.get_or_init(|| SentenceWords::of_all(&self.tokens, &self.sentences)).get(k)
    }

    fn time_tables(&self) -> &(TimeTable, TimeTable) {
        self.times.get_or_init(|| TimeTable::whole_and_by_sentence(&self.tokens, &self.sentences))
    }

    /// True when token `i` is the speaker's own word ([`Token::is_own_word`]) in a sentence that
    /// states rather than asks.
    pub fn asserted_at(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.is_own_word() && !self.sentences[t.sentence].question_mark
    }

    /// True when token `i` lies in a condition clause ([`Token::condition`]): what is said there
    /// waits on the condition (false past the last token).
    pub fn in_condition(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.condition.is_some())
    }

    /// True when token `i` opens a condition clause ("if", "unless", "once" ...).
    pub fn opens_condition(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.condition == Some(i))
    }

    /// The tokens of the clause of token `i` within its sentence, from its first up to the first
    /// token after `i` in another clause (the sentence's end when none).
    pub fn clause_span(&self, i: usize) -> (usize, usize) {
        let t = &self.tokens[i];
        let s = &self.sentences[t.sentence];
        let from = (s.start..=i).find(|j| self.tokens[*j].clause == t.clause).unwrap_or(i);
        let to = (i..s.end).find(|j| self.tokens[*j].clause != t.clause).unwrap_or(s.end);
        (from, to)
    }

    /// The word at token `i`, or "" past the last one.
    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text.as_str())
    }

    /// The word at token `i` when it is in sentence `sentence`, else "".
    pub fn word_in(&self, sentence: usize, i: usize) -> &str {
        self.tokens.get(i).filter(|t| t.sentence == sentence).map_or("", |t| t.text.as_str())
    }

    /// Index of the first token that starts at or after byte `start` (the tokens' count when none
    /// does). Tokens are in text order, so it is found by halving, not scanning.
    pub fn first_token_from(&self, start: usize) -> usize {
        self.tokens.partition_point(|t| t.start < start)
    }

    /// The bytes of the response that the token range `[start, end)` covers; `None` when the range
    /// is empty or runs past the last token.
    pub fn byte_span(&self, (start, end): (usize, usize)) -> Option<(usize, usize)> {
        if start >= end || end > self.tokens.len() {
            return None;
        }
        Some((self.tokens[start].start, self.tokens[end - 1].end))
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: std::sync::OnceLock<Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Stem one normalised word. Words of three letters or fewer are their own stem.
///
/// Stems are remembered per thread (a pure cache: the same word always has the same stem).
pub fn stem(word: &str) -> String {
    shared_stem(word).0.to_string()
}

/// [`stem`] as the one shared copy this thread keeps of it, with its key ([`super::phrase::word_key`]):
/// every token of the same word holds the same stem, counted, not a copy of its own. The cache is
/// pure (the same word always has the same stem and key) and is emptied when it grows large.
fn shared_stem(word: &str) -> (Arc<str>, u64) {
    type Stems = std::collections::HashMap<String, (Arc<str>, u64), super::keys::FnvBuild>;
    thread_local! {
        static STEMS: std::cell::RefCell<Stems> = Default::default();
    }
    let fresh = |word: &str| {
        let own = word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase());
        let stemmed: Arc<str> = if own { Arc::from(word) } else { Arc::from(stemmer().stem(word).as_ref()) };
        let key = super::phrase::word_key(&stemmed);
        (stemmed, key)
    };
    // Words longer than any English word are never kept: the cache holds at most 50,000 words of
    // at most 32 bytes, whatever the input.
    if word.len() > 32 {
        return fresh(word);
    }
    STEMS.with_borrow_mut(|stems| {
        if let Some((known, key)) = stems.get(word) {
            return (Arc::clone(known), *key);
        }
        if stems.len() > 50_000 {
            stems.clear();
        }
        let (stemmed, key) = fresh(word);
        stems.insert(word.to_string(), (Arc::clone(&stemmed), key));
        (stemmed, key)
    })
}

/// Split a phrase (pattern words or a lexicon member) into normalised tokens, like a response.
pub fn phrase_words(text: &str) -> Vec<String> {
    analyse(text).tokens.into_iter().map(|t| t.text).collect()
}

/// Analyse a response: tokens, sentences, clauses, quotes, reported speech and negation scope.
pub fn analyse(text: &str) -> Analysed {
    super::distance::forget_distances();
    let mut tokens: Vec<Token> = Vec::new();
    let mut sentences = Vec::new();
    let (mut sentence, mut clause, mut sentence_start) = (0, 0, 0);
    let mut quoted = false;
    for piece in pieces(text) {
        match piece {
            Piece::Word(start, end) => {
                let word = without_thousands_separators(normalise_word(&text[start..end]));
                let Some(parts) = expansion(&word) else {
                    // The word stands as it is (most do): it becomes the token's text, not a copy.
                    let possessive = word.ends_with("'s");
                    tokens.push(Token { sentence, clause, quoted, possessive, ..Token::new(word, start, end) });
                    continue;
                };
                let possessive = word.ends_with("'s") && parts.len() == 1;
                for part in parts {
                    tokens.push(Token {
                        sentence,
                        clause,
                        quoted,
                        possessive,
                        ..Token::new(part.to_string(), start, end)
                    });
                }
            }
            Piece::Mark(Mark::SentenceEnd { question }) => {
                if tokens.len() > sentence_start {
                    sentences.push(Sentence { start: sentence_start, end: tokens.len(), question_mark: question });
                    sentence += 1;
                    sentence_start = tokens.len();
                } else if question && let Some(last) = sentences.last_mut() {
                    last.question_mark = true;
                }
                clause += 1;
                quoted = false;
            }
            Piece::Mark(Mark::ClauseEnd) => clause += 1,
            Piece::Mark(Mark::QuoteToggle) => quoted = !quoted,
            Piece::Mark(Mark::QuoteOpen) => quoted = true,
            Piece::Mark(Mark::QuoteClose) => quoted = false,
        }
    }
    if tokens.len() > sentence_start {
        sentences.push(Sentence { start: sentence_start, end: tokens.len(), question_mark: false });
    }
    let subjects = expand_text_speak_subjects(&mut tokens);
    if expand_name_contractions(&mut tokens) || subjects {
        // Tokens moved: recompute each sentence's token range.
        for (k, s) in sentences.iter_mut().enumerate() {
            s.start = tokens.iter().position(|t| t.sentence == k).unwrap_or(tokens.len());
            s.end = tokens.iter().rposition(|t| t.sentence == k).map_or(s.start, |i| i + 1);
        }
    }
    for i in 1..tokens.len() {
        // "the system's been down", "he's got your notes": this 's is "has".
        if matches!(tokens[i].text.as_str(), "been" | "got")
            && tokens[i - 1].text == "is"
            && tokens[i - 1].start == tokens[i - 2.min(i)].start
        {
            tokens[i - 1].set_word("has");
        }
    }
    let condition_words = &super::word_sets::builtin_word_sets().condition_word;
    mark_conditions(&mut tokens, |w| condition_words.has(w));
    split_clauses_at_conjunctions(&mut tokens);
    mark_reported_speech(&mut tokens);
    mark_negation(&mut tokens);
    Analysed { tokens, sentences, times: OnceLock::new(), words: OnceLock::new() }
}

/// "ill chase it", "id suggest the form": "I'll" and "I'd" typed without the apostrophe, read from
/// their neighbours (see [`super::contractions::text_speak_subject`]). Inserts the verb (sharing the
/// original span).
fn expand_text_speak_subjects(tokens: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let same = |j: usize| tokens.get(j).filter(|n| n.sentence == t.sentence);
        let prev = i.checked_sub(1).and_then(same);
        let opens = prev.is_none_or(|p| p.clause != t.clause);
        let next = same(i + 1).map(|n| n.text.as_str());
        let found = super::contractions::text_speak_subject(prev.map(|p| p.text.as_str()), &t.text, next, opens);
        if let Some([subject, verb]) = found {
            let mut inserted = tokens[i].clone();
            inserted.set_word(verb);
            tokens[i].set_word(subject);
            tokens.insert(i + 1, inserted);
            changed = true;
        }
        i += 1;
    }
    changed
}

/// "Farid's going to call", "the board's gone": a name or noun with 's before a verb-like word is
/// "is"/"has", not a possessive. Inserts the missing word (sharing the original span).
fn expand_name_contractions(tokens: &mut Vec<Token>) -> bool {
    let mut changed = false;
    const VERBISH: &[&str] = &[
        "going", "gonna", "been", "got", "gone", "already", "not", "coming", "calling", "ringing", "just", "still",
        "on", "off", "happy", "aware", "taking", "looking", "sorting", "bringing", "sending", "fine", "dead", "broken",
        "ready", "arrived", "left", "had", "packed", "failed", "fried",
    ];
    let mut i = 0;
    while i + 1 < tokens.len() {
        let possessive = tokens[i].possessive;
        let next = tokens[i + 1].text.as_str();
        if possessive && VERBISH.contains(&next) {
            let verb =
                if matches!(next, "been" | "got" | "gone" | "had" | "arrived" | "left" | "packed" | "failed" | "fried")
                {
                    "has"
                } else {
                    "is"
                };
            let mut inserted = tokens[i].clone();
            inserted.set_word(verb);
            inserted.possessive = false;
            tokens[i].possessive = false;
            tokens.insert(i + 1, inserted);
            changed = true;
        }
        i += 1;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        analyse(text).tokens.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn contractions_and_curly_apostrophes_are_expanded() {
        assert_eq!(words("I’ll call. Won't. Can't"), ["i", "will", "call", "will", "not", "can", "not"]);
        assert_eq!(words("It's Mrs Okafor's refund"), ["it", "is", "mrs", "okafor", "refund"]);
        assert_eq!(words("dont worry, im here"), ["do", "not", "worry", "i", "am", "here"]);
    }

    #[test]
    fn ill_and_id_typed_for_i_will_and_i_would_only_before_a_verb() {
        assert_eq!(words("ill chase em 2day"), ["i", "will", "chase", "em", "today"]);
        assert_eq!(
            words("soz, ill look at wot went wrong"),
            ["soz", "i", "will", "look", "at", "wot", "went", "wrong"]
        );
        assert_eq!(words("ok id suggest the form"), ["ok", "i", "would", "suggest", "the", "form"]);
        assert_eq!(words("il b on the call"), ["i", "will", "b", "on", "the", "call"]);
        assert_eq!(words("I'm ill today"), ["i", "am", "ill", "today"]);
        assert_eq!(words("ill health means no visits"), ["ill", "health", "means", "no", "visits"]);
        assert_eq!(words("what's your id number"), ["what", "is", "your", "id", "number"]);
        assert_eq!(words("ID check failed, bring your ID"), ["id", "check", "failed", "bring", "your", "id"]);
        assert_eq!(words("She fell ill, ill send it"), ["she", "fell", "ill", "i", "will", "send", "it"]);
    }

    #[test]
    fn names_with_s_before_a_verb_are_not_possessives() {
        assert_eq!(
            words("Farid's going to call. He's got your notes."),
            ["farid", "is", "going", "to", "call", "he", "has", "got", "your", "notes"]
        );
        assert_eq!(words("Farid's notes"), ["farid", "notes"]);
        let a = analyse("Farid's going to call. Then done.");
        assert_eq!((a.sentences[0].start, a.sentences[0].end, a.sentences[1].start), (0, 5, 5));
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Hi  Mrs Okafor, I’ll call at 4:30pm.";
        let a = analyse(text);
        let spans: Vec<&str> = a.tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(spans, ["Hi", "Mrs", "Okafor", "I’ll", "I’ll", "call", "at", "4:30pm"]);
    }

    #[test]
    fn numbers_money_and_times_stay_whole() {
        assert_eq!(words("£54.99 at 16:00, 2.30pm or 10%"), ["£54.99", "at", "16:00", "2.30pm", "or", "10%"]);
        assert_eq!(words("4 p.m."), ["4", "p.m"]);
        assert_eq!(
            words("on 15/12/2024 or 2024-12-15, in 2-3 days"),
            ["on", "15/12/2024", "or", "2024-12-15", "in", "2-3", "days"]
        );
    }

    #[test]
    fn an_abbreviation_does_not_end_the_sentence() {
        assert_eq!(analyse("I'll call on Oct. 2 at 4 p.m. tomorrow.").sentences.len(), 1);
        assert_eq!(analyse("I'll call on Tues. afternoon.").sentences.len(), 1);
        assert_eq!(analyse("See you Sat. Thanks for waiting.").sentences.len(), 2);
    }

    #[test]
    fn sentences_and_questions() {
        let a = analyse("Sorry. Can I call you at four? Thanks");
        assert_eq!(a.sentences.len(), 3);
        assert!(a.sentences[1].question_mark);
        assert!(!a.sentences[0].question_mark);
    }

    #[test]
    fn quoted_and_reported_speech_is_marked() {
        let a = analyse("You said 'soon' wasn't good enough, so I will call at 2pm.");
        let soon = a.tokens.iter().find(|t| t.text == "soon").expect("soon");
        assert!(soon.quoted);
        let call = a.tokens.iter().find(|t| t.text == "call").expect("call");
        assert!(!call.quoted);
        let b = analyse("My colleague told you “end of the week”. I will call on Friday.");
        assert!(b.tokens.iter().find(|t| t.text == "week").expect("week").quoted);
        assert!(!b.tokens.iter().find(|t| t.text == "friday").expect("friday").quoted);
    }

    #[test]
    fn apostrophes_inside_words_are_not_quotes() {
        let a = analyse("I don't know, it's the customers' parcel");
        assert!(a.tokens.iter().all(|t| !t.quoted));
    }

    #[test]
    fn negation_reaches_to_the_end_of_the_clause() {
        let a = analyse("I won't blame the system, the warehouse is on me");
        let system = a.tokens.iter().find(|t| t.text == "system").expect("system");
        assert!(system.negated_by.is_some());
        let warehouse = a.tokens.iter().find(|t| t.text == "warehouse").expect("warehouse");
        assert!(warehouse.negated_by.is_none());
        let b = analyse("No problem I will call you");
        assert!(b.tokens.iter().find(|t| t.text == "call").expect("call").negated_by.is_none());
    }

    fn negated(text: &str, word: &str) -> bool {
        analyse(text).tokens.iter().find(|t| t.text == word).expect(word).negated_by.is_some()
    }

    #[test]
    fn negation_carries_into_a_second_conjunct() {
        assert!(negated("That isn't the courier's fault or the depot's, it's ours.", "depot"));
        assert!(!negated("That isn't the courier's fault or the depot's, it's ours.", "ours"));
        assert!(negated("I won't blame the snow or a driver being off sick.", "sick"));
        assert!(!negated("I won't blame the snow, or I would be lying.", "lying"));
    }

    #[test]
    fn negation_reaches_through_because_and_stops_at_another_negator() {
        assert!(negated("It wasn't because the van broke down.", "van"));
        let a = analyse("It's not the fitter's problem we haven't ordered it.");
        let nots: Vec<usize> = (0..a.tokens.len()).filter(|&i| a.tokens[i].text == "not").collect();
        let ordered = a.tokens.iter().find(|t| t.text == "ordered").expect("ordered");
        assert_eq!(ordered.negated_by, Some(nots[1]), "the inner negation, not the outer one");
        assert!(negated("It's not the fitter's problem we haven't ordered it.", "fitter"));
    }

    #[test]
    fn without_negates_only_its_object() {
        assert!(negated("Each day without card payments costs you money.", "payments"));
        assert!(!negated("Each day without card payments costs you money.", "costs"));
    }

    #[test]
    fn retold_promises_are_not_the_speakers_words_now() {
        let a = analyse("I told you on Monday I'd call at noon, and I'm calling now.");
        assert!(a.tokens.iter().find(|t| t.text == "noon").expect("noon").retold);
        assert!(!a.tokens.iter().find(|t| t.text == "now").expect("now").retold);
        assert!(analyse("We promised you a refund by Friday.").tokens.iter().any(|t| t.text == "friday" && t.retold));
    }

    #[test]
    fn thousands_separators_are_dropped_from_numbers() {
        assert_eq!(
            words("£3,250 and 12,000,000 but 1,5 and 4,30"),
            ["£3250", "and", "12000000", "but", "1,5", "and", "4,30"]
        );
    }

    #[test]
    fn stems_match_word_forms() {
        assert_eq!(stem("apologising"), stem("apologise"));
        assert_eq!(stem("calls"), stem("call"));
    }
}
