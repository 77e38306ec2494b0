//! Matching phrase patterns against an analysed response, with stems, typo tolerance, lexicon sets
//! and slots. A match never crosses a sentence and never counts quoted or negated words.

use std::collections::BTreeMap;

use super::text::{Analysed, Token, phrase_words, stem};
use super::time::time_at;
use crate::core::pattern::{Element, Pattern};

/// A pattern word, normalised once.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    text: String,
    /// The stem, or None when the word must match as written (typos aside).
    stem: Option<String>,
}

impl Word {
    /// A word as it appears in a pattern or list (already normalised); other forms of it match too.
    pub fn new(text: &str) -> Self {
        Self { text: text.to_string(), stem: Some(stem(text)) }
    }

    /// A word that matches only as written ("call", not "called").
    pub fn exact(text: &str) -> Self {
        Self { text: text.to_string(), stem: None }
    }

    /// True when `token` is this word: same text, same stem, or a likely typo of a long word.
    pub fn matches(&self, token: &Token) -> bool {
        if token.text == self.text || self.stem.as_ref().is_some_and(|s| *s == token.stem) {
            return true;
        }
        typo_of(&token.text, &self.text)
    }
}

/// True when `typed` is a plausible typo of `intended`: same first letter, letters only, and an
/// edit distance of 1 for words of 6+ letters (2 for 8+).
pub fn typo_of(typed: &str, intended: &str) -> bool {
    let (n, m) = (typed.len(), intended.len());
    if m < 6 || n.abs_diff(m) > 2 || typed.as_bytes().first() != intended.as_bytes().first() {
        return false;
    }
    if !typed.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let allowed = if m >= 8 { 2 } else { 1 };
    strsim::damerau_levenshtein(typed, intended) <= allowed
}

/// The names a slot may refer to, from the scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    /// The customer's name words (titles removed), e.g. ["okafor"] or ["dana", "whitfield"].
    pub customer: Vec<Word>,
    /// The colleague's name words, when the briefing names one.
    pub colleague: Vec<Word>,
}

const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "mx", "sir", "madam", "prof"];

/// The words of a person's name that identify them: titles dropped.
pub fn name_words(name: &str) -> Vec<Word> {
    phrase_words(name).iter().filter(|w| !TITLES.contains(&w.as_str()) && w.len() > 1).map(|w| Word::new(w)).collect()
}

/// Length of a name mention at `i` ("Okafor", "Mrs Okafor", "Dana Whitfield"), tolerant of typos.
pub fn name_at(tokens: &[Token], i: usize, name: &[Word]) -> Option<usize> {
    let t = tokens.get(i)?;
    let title = TITLES.contains(&t.text.as_str());
    let first = if title { i + 1 } else { i };
    let is_name = |tok: &Token| name.iter().any(|w| tok.text == w.text || name_typo(&tok.text, &w.text));
    if !tokens.get(first).is_some_and(is_name) {
        return None;
    }
    let mut end = first + 1;
    while tokens.get(end).is_some_and(|tok| is_name(tok) && tok.sentence == t.sentence) {
        end += 1;
    }
    Some(end - i)
}

fn name_typo(typed: &str, name: &str) -> bool {
    name.len() >= 4
        && typed.as_bytes().first() == name.as_bytes().first()
        && strsim::damerau_levenshtein(typed, name) <= if name.len() >= 8 { 2 } else { 1 }
}

/// A compiled phrase pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    elements: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Word(Word),
    Choice { options: Vec<Vec<Node>>, optional: bool, set: Option<String> },
    Time,
    Customer,
    Colleague,
    Number,
    Gap,
}

const MAX_GAP: usize = 4;

impl Phrase {
    /// Compile a parsed pattern; lexicon sets are expanded into choices of their members.
    pub fn compile(pattern: &Pattern, sets: &BTreeMap<String, Vec<String>>) -> Self {
        Self { elements: compile_elements(&pattern.elements, sets) }
    }

    /// A phrase that is one literal sequence of words (list members, lexicon entries).
    pub fn literal(text: &str) -> Self {
        Self { elements: phrase_words(text).iter().map(|w| Node::Word(Word::new(w))).collect() }
    }

    /// A phrase that matches any of the phrase patterns in `patterns` (which must parse).
    pub fn any_pattern(patterns: &[&str], sets: &BTreeMap<String, Vec<String>>) -> Self {
        let options = patterns
            .iter()
            .filter_map(|p| Pattern::parse(&p.split_whitespace().collect::<Vec<_>>().join(" ")).ok())
            .map(|p| compile_elements(&p.elements, sets))
            .collect();
        Self { elements: vec![Node::Choice { options, optional: false, set: None }] }
    }

    /// A phrase that matches wherever `a` or `b` does.
    pub fn either(a: &Phrase, b: &Phrase) -> Self {
        Self {
            elements: vec![Node::Choice {
                options: vec![a.elements.clone(), b.elements.clone()],
                optional: false,
                set: None,
            }],
        }
    }

    /// True when the phrase names the lexicon set `name` (as `@name`).
    pub fn refers_to(&self, name: &str) -> bool {
        fn any_set(nodes: &[Node], name: &str) -> bool {
            nodes.iter().any(|n| match n {
                Node::Choice { options, set, .. } => {
                    set.as_deref() == Some(name) || options.iter().any(|o| any_set(o, name))
                }
                _ => false,
            })
        }
        any_set(&self.elements, name)
    }

    /// True when the phrase contains a `{time}` slot (it then speaks of a commitment).
    pub fn has_time_slot(&self) -> bool {
        fn any_time(nodes: &[Node]) -> bool {
            nodes.iter().any(|n| match n {
                Node::Time => true,
                Node::Choice { options, .. } => options.iter().any(|o| any_time(o)),
                _ => false,
            })
        }
        any_time(&self.elements)
    }

    /// A phrase that matches any of `texts` (in any word form).
    pub fn any_of(texts: &[&str]) -> Self {
        Self::choice_of(texts, Word::new)
    }

    /// A phrase that matches any of `texts` exactly as written (typos aside).
    pub fn any_of_exact(texts: &[&str]) -> Self {
        Self::choice_of(texts, Word::exact)
    }

    fn choice_of(texts: &[&str], word: fn(&str) -> Word) -> Self {
        let options = texts.iter().map(|t| phrase_words(t).iter().map(|w| Node::Word(word(w))).collect()).collect();
        Self { elements: vec![Node::Choice { options, optional: false, set: None }] }
    }

    /// Every counted match (not quoted, not negated), as token ranges, leftmost-longest, non-overlapping.
    /// When the longest match at a position does not count, shorter ones there are tried.
    pub fn find(&self, a: &Analysed, names: &Names) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for s in &a.sentences {
            let mut i = s.start;
            while i < s.end {
                match self.counted_at(a, names, i, s.end) {
                    Some(end) => {
                        out.push((i, end));
                        i = end;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }

    /// The longest match at `start` that counts (not quoted, not negated).
    fn counted_at(&self, a: &Analysed, names: &Names, start: usize, limit: usize) -> Option<usize> {
        let mut ends = Vec::new();
        match_seq(&self.elements, &a.tokens[..limit], start, names, &mut ends, &mut Vec::new(), &mut Vec::new());
        ends.retain(|(end, _)| *end > start);
        ends.sort_by_key(|(end, _)| std::cmp::Reverse(*end));
        ends.into_iter().find(|(end, literal)| counts(&a.tokens, start, *end, literal)).map(|(end, _)| end)
    }
}

/// A match counts unless it is quoted, or a negator the pattern does not name negates it.
fn counts(tokens: &[Token], start: usize, end: usize, literal_negators: &[usize]) -> bool {
    let span = &tokens[start..end];
    if span.iter().any(|t| t.quoted) {
        return false;
    }
    if let Some(n) = tokens[start].negated_by
        && !literal_negators.contains(&n)
    {
        return false;
    }
    // A negator swallowed by a gap or slot inside the match ("refund * approved" on "refund is not approved").
    !(start..end).any(|i| tokens[i].is_negator() && !literal_negators.contains(&i))
}

fn compile_elements(elements: &[Element], sets: &BTreeMap<String, Vec<String>>) -> Vec<Node> {
    let mut out = Vec::new();
    for e in elements {
        match e {
            Element::Word(w) => out.extend(phrase_words(w).iter().map(|w| Node::Word(Word::new(w)))),
            Element::Choice { options, optional } => out.push(Node::Choice {
                options: options.iter().map(|o| compile_elements(o, sets)).collect(),
                optional: *optional,
                set: None,
            }),
            Element::Set(name) => {
                let members = sets.get(name).map(Vec::as_slice).unwrap_or_default();
                let options = members
                    .iter()
                    .map(|m| phrase_words(m).iter().map(|w| Node::Word(Word::new(w))).collect())
                    .collect();
                out.push(Node::Choice { options, optional: false, set: Some(name.clone()) });
            }
            Element::Slot(name) => out.push(match name.as_str() {
                "time" => Node::Time,
                "customer" => Node::Customer,
                "colleague" => Node::Colleague,
                _ => Node::Number,
            }),
            Element::Gap => out.push(Node::Gap),
        }
    }
    out
}

/// All ways `nodes` can match from token `i`; pushes (end, literal negator tokens) into `ends`.
fn match_seq<'n>(
    nodes: &'n [Node],
    tokens: &[Token],
    i: usize,
    names: &Names,
    ends: &mut Vec<(usize, Vec<usize>)>,
    literal: &mut Vec<usize>,
    rest_stack: &mut Vec<&'n [Node]>,
) {
    let Some((node, rest)) = nodes.split_first() else {
        match rest_stack.pop() {
            Some(outer) => {
                match_seq(outer, tokens, i, names, ends, literal, rest_stack);
                rest_stack.push(outer);
            }
            None => ends.push((i, literal.clone())),
        }
        return;
    };
    let mut next =
        |j: usize, lit: Option<usize>, ends: &mut Vec<(usize, Vec<usize>)>, rest_stack: &mut Vec<&'n [Node]>| {
            if let Some(l) = lit {
                literal.push(l);
            }
            match_seq(rest, tokens, j, names, ends, literal, rest_stack);
            if lit.is_some() {
                literal.pop();
            }
        };
    match node {
        Node::Word(w) => {
            if tokens.get(i).is_some_and(|t| w.matches(t)) {
                let lit = tokens[i].is_negator().then_some(i);
                next(i + 1, lit, ends, rest_stack);
            }
        }
        Node::Gap => {
            for j in i..=(i + MAX_GAP).min(tokens.len()) {
                next(j, None, ends, rest_stack);
            }
        }
        Node::Time => {
            if let Some(len) = time_at(tokens, i).filter(|len| i + len <= tokens.len()) {
                next(i + len, None, ends, rest_stack);
            }
        }
        Node::Customer | Node::Colleague => {
            let name = if *node == Node::Customer { &names.customer } else { &names.colleague };
            if let Some(len) = name_at(tokens, i, name).filter(|len| i + len <= tokens.len()) {
                next(i + len, None, ends, rest_stack);
            }
        }
        Node::Number => {
            if tokens.get(i).is_some_and(|t| t.text.chars().any(|c| c.is_ascii_digit())) {
                next(i + 1, None, ends, rest_stack);
            }
        }
        Node::Choice { options, optional, .. } => {
            if *optional {
                next(i, None, ends, rest_stack);
            }
            for option in options {
                rest_stack.push(rest);
                match_seq(option, tokens, i, names, ends, literal, rest_stack);
                rest_stack.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scoring::text::analyse;

    fn sets() -> BTreeMap<String, Vec<String>> {
        let mut s = BTreeMap::new();
        s.insert("apology".to_string(), vec!["sorry".to_string(), "my apologies".to_string(), "apologise".to_string()]);
        s.insert("blame-target".to_string(), vec!["the warehouse".to_string(), "head office".to_string()]);
        s
    }

    fn found(pattern: &str, text: &str) -> Vec<String> {
        let phrase = Phrase::compile(&Pattern::parse(pattern).expect("pattern"), &sets());
        let a = analyse(text);
        let names = Names { customer: name_words("Mrs Okafor"), colleague: name_words("Farid Haddad") };
        phrase.find(&a, &names).iter().map(|&(s, e)| text[a.tokens[s].start..a.tokens[e - 1].end].to_string()).collect()
    }

    #[test]
    fn words_optional_choice_and_gap() {
        assert_eq!(found("call [you] (at | by) {time}", "I'll call you by 4pm."), ["call you by 4pm"]);
        assert_eq!(found("call [you] (at | by) {time}", "I'll call at noon."), ["call at noon"]);
        assert_eq!(found("refund * approved", "Your refund has been approved"), ["refund has been approved"]);
        assert!(
            found("refund * approved", "Your refund, sadly. It was approved").is_empty(),
            "no match across sentences"
        );
    }

    #[test]
    fn stems_contractions_and_typos() {
        assert_eq!(found("apologise", "I apologised straight away"), ["apologised"]);
        assert_eq!(found("will not happen again", "It won't happen again"), ["won't happen again"]);
        assert_eq!(found("tomorrow", "I'll ring tommorow"), ["tommorow"]);
        assert!(found("call", "I'll cell you").is_empty(), "short words need an exact match");
    }

    #[test]
    fn sets_and_names() {
        assert_eq!(found("@apology * late", "My apologies for being late"), ["My apologies for being late"]);
        assert_eq!(found("{customer}", "Thank you, Mrs Okafro."), ["Mrs Okafro"]);
        assert_eq!(found("{colleague}", "Farid will call"), ["Farid"]);
    }

    #[test]
    fn negation_and_quotes_cancel_a_match() {
        assert!(found("blame @blame-target", "I won't blame the warehouse").is_empty());
        assert!(found("@blame-target", "This isn't on the warehouse, it's on me").is_empty());
        assert_eq!(found("not my fault", "It's not my fault, the warehouse lost it"), ["not my fault"]);
        assert!(found("refund * approved", "the refund is not approved yet").is_empty());
        assert!(found("soon", "You said 'soon' was not good enough").is_empty());
    }
}
