//! Wordings a phrase stands for beyond its words as written, added as extra options when the
//! phrase is read, so they are sized and limited like options the author wrote (`check` counts
//! them against the same limits; a phrase whose wider reading would cross a limit is read as
//! written):
//! - a phrasal verb's particle after its object: `take off [the] fee` also reads
//!   "take the fee off" (and `(remove | take off) the fee` "take the fee off");
//! - an amount written as a bare number also reads with a currency sign: `back to 189` matches
//!   "back to £189";
//! - a common irregular verb in any of its forms reads its other forms, which stems do not reach:
//!   `take` also matches "took" and "taken", `sent` matches "send".
//!
//! Each is a fixed rewrite of the phrase's own elements (no search; the new words are the particle
//! moved, the three currency signs and the irregular forms), done to choices at most
//! [`MAX_WIDEN_DEPTH`] deep so the wider text stays within a fixed multiple of the written one.

use super::{Element, MAX_GAPS, MAX_NESTING, MAX_OPTIONAL_GROUPS, MAX_PATTERN_CHARS};

/// Particles an English phrasal verb may put after its object ("take the fee off").
const PARTICLES: &[&str] = &["off", "on", "out", "up", "down", "back", "away", "over"];

/// Words that are no object of a phrasal verb and end one: prepositions, conjunctions and adverbs
/// of time or manner ("get back *to* you", "take off *now*").
const NOT_OBJECT: &[&str] = &[
    "to",
    "with",
    "for",
    "at",
    "on",
    "in",
    "into",
    "onto",
    "from",
    "by",
    "of",
    "about",
    "as",
    "and",
    "or",
    "but",
    "than",
    "that",
    "then",
    "if",
    "when",
    "so",
    "because",
    "now",
    "here",
    "there",
    "today",
    "tonight",
    "right",
    "straight",
    "again",
    "soon",
    "later",
    "first",
    "too",
    "also",
    "please",
    "immediately",
    "asap",
    "now",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "not",
    "off",
    "out",
    "up",
    "down",
    "back",
    "away",
    "over",
];

/// Most elements an object may hold for its particle to be moved after it.
const MAX_OBJECT: usize = 6;

/// Slots an object may hold (a slot is named again in the moved copy; only known ones are copied,
/// so an unknown slot is reported once). A time ends an object, as "now" and "today" do.
const SLOTS: &[&str] = &["customer", "colleague", "number"];

/// Currency signs an amount may be written with.
const CURRENCY: &[&str] = &["£", "$", "€"];

/// The phrase `text` with its wider readings added, as pattern text, when it has any and reads
/// within the limits; `None` when it is read as written.
pub(super) fn wider(text: &str) -> Option<String> {
    if !may_widen(text) {
        return None;
    }
    let elements = super::read(text, &mut super::Elements).ok()?;
    let widened = widen_seq(&elements, 0);
    if widened == elements {
        return None;
    }
    let out = text_of(&widened);
    within_limits(&out).then_some(out)
}

/// True when `text` may hold a word to widen (a cheap test before reading it).
fn may_widen(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_lowercase() || b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// True when `text` reads within every limit of a phrase.
fn within_limits(text: &str) -> bool {
    let within = text.chars().count() <= MAX_PATTERN_CHARS
        && text.matches('*').count() <= MAX_GAPS
        && text.matches('[').count() <= MAX_OPTIONAL_GROUPS;
    within && super::read(text, &mut super::Elements).is_ok() && depth(text) <= MAX_NESTING
}

/// Deepest nesting of brackets in `text`.
fn depth(text: &str) -> usize {
    let (mut now, mut most) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '(' | '[' => {
                now += 1;
                most = most.max(now);
            }
            ')' | ']' => now = now.saturating_sub(1),
            _ => {}
        }
    }
    most
}

/// Choices nested deeper than this are read as written: a moved particle copies its object, so
/// widening every level of a nested phrase would double it once per level.
const MAX_WIDEN_DEPTH: usize = 2;

/// A sequence with its options widened first (down to [`MAX_WIDEN_DEPTH`] choices deep), then a
/// bare number given its currency signs and the first phrasal verb with an object read with the
/// particle after it too.
fn widen_seq(seq: &[Element], depth: usize) -> Vec<Element> {
    if depth > MAX_WIDEN_DEPTH {
        return seq.to_vec();
    }
    let inner: Vec<Element> = seq
        .iter()
        .map(|e| match e {
            Element::Choice { options, optional } => Element::Choice {
                options: options.iter().map(|o| widen_seq(o, depth + 1)).collect(),
                optional: *optional,
            },
            Element::Word(w) if irregular(w).is_some() => Element::Choice {
                options: irregular(w)
                    .into_iter()
                    .flatten()
                    .map(|form| vec![Element::Word((*form).to_string())])
                    .collect(),
                optional: false,
            },
            Element::Word(w) if is_amount(w) => Element::Choice {
                options: std::iter::once(w.clone())
                    .chain(CURRENCY.iter().map(|sign| format!("{sign}{w}")))
                    .map(|w| vec![Element::Word(w)])
                    .collect(),
                optional: false,
            },
            other => other.clone(),
        })
        .collect();
    shift_particle(&inner).unwrap_or(inner)
}

/// Common irregular verbs, each with its forms no stem joins (the base's own "-s" and "-ing" forms
/// share its stem). Verbs whose forms are also common nouns or other words ("lead", "bit", "sat",
/// "rose", "lay") and the auxiliaries are left out.
const IRREGULAR: &[&[&str]] = &[
    &["take", "took", "taken"],
    &["give", "gave", "given"],
    &["send", "sent"],
    &["bring", "brought"],
    &["buy", "bought"],
    &["pay", "paid"],
    &["tell", "told"],
    &["say", "said"],
    &["speak", "spoke", "spoken"],
    &["write", "wrote", "written"],
    &["get", "got", "gotten"],
    &["make", "made"],
    &["find", "found"],
    &["keep", "kept"],
    &["hold", "held"],
    &["lose", "lost"],
    &["ring", "rang", "rung"],
    &["break", "broke", "broken"],
    &["choose", "chose", "chosen"],
    &["come", "came"],
    &["go", "went", "gone"],
    &["see", "saw", "seen"],
    &["know", "knew", "known"],
    &["forget", "forgot", "forgotten"],
    &["leave", "left"],
    &["mean", "meant"],
    &["think", "thought"],
    &["catch", "caught"],
    &["sell", "sold"],
    &["spend", "spent"],
    &["lend", "lent"],
    &["build", "built"],
    &["fall", "fell", "fallen"],
    &["hear", "heard"],
    &["meet", "met"],
    &["run", "ran"],
    &["begin", "began", "begun"],
    &["drive", "drove", "driven"],
    &["steal", "stole", "stolen"],
    &["throw", "threw", "thrown"],
    &["grow", "grew", "grown"],
    &["draw", "drew", "drawn"],
    &["fly", "flew", "flown"],
    &["freeze", "froze", "frozen"],
    &["hide", "hid", "hidden"],
    &["shake", "shook", "shaken"],
    &["forgive", "forgave", "forgiven"],
    &["understand", "understood"],
    &["stand", "stood"],
    &["win", "won"],
    &["feel", "felt"],
    &["deal", "dealt"],
    &["sleep", "slept"],
    &["fight", "fought"],
    &["wake", "woke", "woken"],
    &["wear", "wore", "worn"],
    &["tear", "tore", "torn"],
    &["teach", "taught"],
    &["seek", "sought"],
];

/// The forms of the irregular verb `w` is a form of (by its text, or by its stem for the base's
/// own forms: "taking" is "take"), if any.
fn irregular(w: &str) -> Option<&'static [&'static str]> {
    static BY_FORM: std::sync::OnceLock<std::collections::HashMap<String, usize>> = std::sync::OnceLock::new();
    let by_form = BY_FORM.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for (k, forms) in IRREGULAR.iter().enumerate() {
            map.insert(crate::core::scoring::text::stem(forms[0]), k);
            for form in forms.iter() {
                map.insert((*form).to_string(), k);
            }
        }
        map
    });
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let k = by_form.get(w).or_else(|| by_form.get(&crate::core::scoring::text::stem(w)))?;
    Some(IRREGULAR[*k])
}

/// A bare number: digits, with a decimal point or thousands commas inside.
fn is_amount(w: &str) -> bool {
    w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && w.bytes().last().is_some_and(|b| b.is_ascii_digit())
        && w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// The sequence with its first phrasal verb + particle + object read either way, as a choice of
/// the two: `take off [the] fee` becomes `(take off [the] fee | take [the] fee off)`.
fn shift_particle(seq: &[Element]) -> Option<Vec<Element>> {
    (0..seq.len()).find_map(|i| {
        let (from, verbs, particle) = verb_and_particle(seq, i)?;
        let object = object_after(&seq[i + 1..])?;
        let end = i + 1 + object.len();
        let mut moved = verbs;
        moved.extend(object.iter().cloned());
        moved.push(Element::Word(particle.to_string()));
        let both = Element::Choice { options: vec![seq[from..end].to_vec(), moved], optional: false };
        let mut out = seq[..from].to_vec();
        out.push(both);
        out.extend(seq[end..].iter().cloned());
        Some(out)
    })
}

/// At element `i`: where the verb starts, the verb(s) without the particle, and the particle, when
/// `i` is a particle right after a word ("take off"), or a choice some of whose options end with
/// a word and a particle ("(remove | take off)": the options that do, with the particle left out).
fn verb_and_particle(seq: &[Element], i: usize) -> Option<(usize, Vec<Element>, &'static str)> {
    match &seq[i] {
        Element::Word(p) if i > 0 => {
            let particle = particle(p)?;
            verb_like(&seq[i - 1]).then(|| (i - 1, vec![seq[i - 1].clone()], particle))
        }
        Element::Choice { options, optional: false } => {
            let ending = |o: &Vec<Element>| match o.as_slice() {
                [.., v, Element::Word(p)] if verb_like(v) => particle(p),
                _ => None,
            };
            let particle = options.iter().find_map(ending)?;
            let verbs: Vec<Vec<Element>> =
                options.iter().filter(|o| ending(o) == Some(particle)).map(|o| o[..o.len() - 1].to_vec()).collect();
            Some((i, vec![Element::Choice { options: verbs, optional: false }], particle))
        }
        _ => None,
    }
}

/// True when `e` may be a verb before a particle: a word that ends no object, or a choice of such
/// words (an irregular verb's forms).
fn verb_like(e: &Element) -> bool {
    let word = |e: &Element| matches!(e, Element::Word(v) if !NOT_OBJECT.contains(&v.as_str()));
    match e {
        Element::Choice { options, optional: false } => options.iter().all(|o| matches!(o.as_slice(), [w] if word(w))),
        other => word(other),
    }
}

/// The particle `w` is, if it is one.
fn particle(w: &str) -> Option<&'static str> {
    PARTICLES.iter().find(|p| **p == w).copied()
}

/// The object a particle may follow at the start of `rest`: the run of words, known slots and
/// choices of them up to a word that ends an object, a gap, a set or the end; `None` when it is
/// empty, longer than [`MAX_OBJECT`], or requires no word.
fn object_after(rest: &[Element]) -> Option<&[Element]> {
    let n = rest.iter().take_while(|e| is_object_part(e, true)).count();
    if n == 0 || n > MAX_OBJECT || n < rest.len() && n == MAX_OBJECT && is_object_part(&rest[n], true) {
        return None;
    }
    let object = &rest[..n];
    object.iter().any(|e| !matches!(e, Element::Choice { optional: true, .. })).then_some(object)
}

/// True when `e` may be part of an object: a word that does not end one (`first`: at any place;
/// inside a choice only the first words are asked), a known slot, or a choice of such options.
fn is_object_part(e: &Element, first: bool) -> bool {
    match e {
        Element::Word(w) => !(first && NOT_OBJECT.contains(&w.as_str())),
        Element::Slot(name) => SLOTS.contains(&name.as_str()),
        Element::Choice { options, .. } => options
            .iter()
            .all(|o| o.iter().enumerate().all(|(k, e)| is_object_part(e, k == 0) && !matches!(e, Element::Gap))),
        Element::Set(_) | Element::Gap => false,
    }
}

/// `seq` written back as pattern text.
fn text_of(seq: &[Element]) -> String {
    seq.iter()
        .map(|e| match e {
            Element::Word(w) => w.clone(),
            Element::Choice { options, optional } => {
                let inner = options.iter().map(|o| text_of(o)).collect::<Vec<_>>().join(" | ");
                if *optional { format!("[{inner}]") } else { format!("({inner})") }
            }
            Element::Slot(name) => format!("{{{name}}}"),
            Element::Set(name) => format!("@{name}"),
            Element::Gap => "*".to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
