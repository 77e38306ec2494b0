//! What a detector may consult besides the response: names, lists, "now", the locale, the budget,
//! and the results already computed for this response.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::rc::Rc;

use super::budget::{Budget, Unlimited};
use super::detectors::Range;
use super::list_table::{ListMatches, ListTable};
use super::lists::Lists;
use super::phrase::{AddressMap, Names, Phrase};
use super::text::Analysed;
use super::time::Locale;

/// Keys for shared detector steps in [`DetectorContext::memo`] (phrase addresses are never this small).
pub(super) mod step {
    /// Specific times.
    pub const TIMES: usize = 1;
    /// Firm commitments.
    pub const COMMITMENTS: usize = 2;
    /// The blame rule's findings.
    pub const BLAME: usize = 3;
    /// Structural send-aways (`referral::referrals`).
    pub const REFERRALS: usize = 4;
    /// The case handed on to someone (`steps::handed_on`).
    pub const HANDED_ON: usize = 5;
    /// The rule features of the learned layer, one step each from here.
    pub const RULES: usize = 16;
}

/// Byte spans in a response.
type ByteSpans = Vec<(usize, usize)>;

/// Everything a detector may consult besides the response.
pub struct DetectorContext<'a> {
    /// Names from the briefing.
    pub names: &'a Names,
    /// The detector word lists.
    pub lists: &'a Lists,
    /// When the answer is given, if known: times already past today do not count.
    pub now: Option<jiff::civil::DateTime>,
    /// How numeric dates are read ("15/12" day first in en-GB, the default).
    pub locale: Locale,
    /// Results already computed for this response (list matches, shared detector steps).
    /// Kept shared, so a result used many times is not copied each time.
    memo: RefCell<AddressMap<Rc<[Range]>>>,
    /// A detector's evidence (bytes) when one sentence is read on its own, by detector name and
    /// sentence, found once per response however many `Sentence([...])` matchers ask (see `sentence.rs`).
    alone: RefCell<HashMap<(String, usize), ByteSpans>>,
    /// The learned layer's features of this response, computed once (see `model.rs`).
    pub(super) model_features: RefCell<Option<std::rc::Rc<super::model::ResponseFeatures>>>,
    /// Per token, whether the words from it on are put to a check ("to check it has landed"),
    /// worked out once per response (see `matchers.rs`).
    pub(super) checked_from: std::cell::OnceCell<Vec<bool>>,
    /// Asked inside long matching loops: when it is exhausted, matching stops with what it found.
    pub budget: &'a dyn Budget,
    /// The rubric's literal phrases in one index (the lists' own is in `lists`).
    rubric_table: Option<&'a ListTable>,
    /// Every literal list's and rubric phrase's matches, found in one pass on first use: the
    /// lists' table, then the rubric's.
    listed: std::cell::OnceCell<(ListMatches, ListMatches)>,
}

impl<'a> DetectorContext<'a> {
    /// A context for scoring one response.
    pub fn new(names: &'a Names, lists: &'a Lists, now: Option<jiff::civil::DateTime>) -> Self {
        Self {
            names,
            lists,
            now,
            locale: Locale::default(),
            memo: RefCell::default(),
            alone: RefCell::default(),
            model_features: RefCell::default(),
            checked_from: std::cell::OnceCell::new(),
            budget: &Unlimited,
            rubric_table: None,
            listed: std::cell::OnceCell::new(),
        }
    }

    /// A context with the same names, lists, moment, locale and budget for another response (a
    /// version of this one with sentences taken out), with nothing remembered yet.
    pub(super) fn for_other_response(&self) -> Self {
        Self {
            names: self.names,
            lists: self.lists,
            now: self.now,
            locale: self.locale,
            memo: RefCell::default(),
            alone: RefCell::default(),
            model_features: RefCell::default(),
            checked_from: std::cell::OnceCell::new(),
            budget: self.budget,
            rubric_table: self.rubric_table,
            listed: std::cell::OnceCell::new(),
        }
    }

    /// The same context asking `budget` whether matching may go on.
    pub fn with_budget(mut self, budget: &'a dyn Budget) -> Self {
        self.budget = budget;
        self
    }

    /// The same context matching the literal phrases of a rubric through `table`.
    pub(super) fn with_rubric_table(mut self, table: &'a ListTable) -> Self {
        self.rubric_table = Some(table);
        self
    }

    /// The same context reading numeric dates in `locale`.
    pub fn with_locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }

    /// `compute()` once per response for `key` (a phrase's address, or a small step number).
    pub(super) fn memo(&self, key: usize, compute: impl FnOnce() -> Vec<Range>) -> Vec<Range> {
        self.memo_shared(key, compute).to_vec()
    }

    /// As [`Self::memo`], the result shared rather than copied (for callers that only read it).
    pub(super) fn memo_shared(&self, key: usize, compute: impl FnOnce() -> Vec<Range>) -> Rc<[Range]> {
        remembered(&self.memo, key, || compute().into())
    }

    /// The counted matches of `p` in the response `a`, found once per response and shared, not
    /// copied: a literal list or rubric phrase from the one pass over every such phrase (see
    /// `list_table.rs`), any other phrase by its automaton (remembered by the phrase's address;
    /// small keys are detector steps).
    pub(super) fn phrase_matches(&self, p: &Phrase, a: &Analysed) -> Rc<[Range]> {
        let rubric = self.rubric_table.filter(|t| t.holds(p));
        if self.lists.table.holds(p) || rubric.is_some() {
            let (lists, rubric_found) = self.listed.get_or_init(|| {
                (self.lists.table.find_all(a), self.rubric_table.map(|t| t.find_all(a)).unwrap_or_default())
            });
            let found = match rubric {
                Some(table) => rubric_found.of(table, p, a, self.names, self.budget),
                None => lists.of(&self.lists.table, p, a, self.names, self.budget),
            };
            if let Some(found) = found {
                return found;
            }
        }
        self.memo_shared(p as *const Phrase as usize, || p.find_within(a, self.names, self.budget))
    }

    /// `compute()` once per response for detector `name` reading sentence `k` on its own.
    pub(super) fn memo_alone(
        &self,
        name: &str,
        k: usize,
        compute: impl FnOnce() -> Vec<(usize, usize)>,
    ) -> Vec<(usize, usize)> {
        remembered(&self.alone, (name.to_string(), k), compute)
    }
}

/// The value `map` holds for `key`, computed by `compute()` and kept the first time it is asked for.
fn remembered<K: Eq + Hash, V: Clone, S: BuildHasher>(
    map: &RefCell<HashMap<K, V, S>>,
    key: K,
    compute: impl FnOnce() -> V,
) -> V {
    if let Some(found) = map.borrow().get(&key) {
        return found.clone();
    }
    let found = compute();
    map.borrow_mut().insert(key, found.clone());
    found
}
