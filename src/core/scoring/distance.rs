//! Edit distance for typo tolerance: the Damerau-Levenshtein distance measured without allocating,
//! since every typo check of a response's words against the lists asks for one.

use super::keys::{KeyMap, word_key};

/// The Damerau-Levenshtein distance (adjacent transpositions, unrestricted), as
/// `strsim::damerau_levenshtein` gives it, without its per-call map: ASCII words are measured in a
/// table kept per thread (other words go to strsim), after the start and end they share are set
/// aside (they change no distance: a typo's two spellings then leave a letter or three to measure).
pub fn edit_distance(a: &str, b: &str) -> usize {
    if !a.is_ascii() || !b.is_ascii() {
        return strsim::damerau_levenshtein(a, b);
    }
    let (a, b) = without_common_ends(a.as_bytes(), b.as_bytes());
    untrimmed_ascii_distance(a, b)
}

/// `a` and `b` without the bytes they start with and end with alike.
fn without_common_ends<'w>(a: &'w [u8], b: &'w [u8]) -> (&'w [u8], &'w [u8]) {
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[start..], &b[start..]);
    let end = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    (&a[..a.len() - end], &b[..b.len() - end])
}

/// [`edit_distance`] of two ASCII words, measured in full.
fn untrimmed_ascii_distance(a: &[u8], b: &[u8]) -> usize {
    thread_local! {
        static TABLE: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if a.len() < TINY && b.len() < TINY {
        return small_ascii_damerau::<{ TINY + 2 }>(a, b);
    }
    if a.len() < SMALL && b.len() < SMALL {
        return small_ascii_damerau::<{ SMALL + 2 }>(a, b);
    }
    TABLE.with_borrow_mut(|table| ascii_damerau(a, b, table))
}

/// Words shorter than this (all but a few) are measured in a table on the stack.
const SMALL: usize = 30;

/// Words shorter than this (most, once their shared ends are set aside) are measured in a
/// table of `TINY + 2` rows on the stack, so little is cleared for it.
const TINY: usize = 8;

/// [`ascii_damerau`] for words shorter than `W - 2` (at most [`SMALL`]): the same table, of bytes,
/// `W` by `W`, on the stack.
fn small_ascii_damerau<const W: usize>(a: &[u8], b: &[u8]) -> usize {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return n.max(m);
    }
    // Every entry is at most `n + m` (under 60) and every sum below under 120: bytes hold them.
    let inf = (n + m) as u8;
    let mut d = [[0u8; W]; W];
    d[0][0] = inf;
    for i in 0..=n {
        d[i + 1][0] = inf;
        d[i + 1][1] = i as u8;
    }
    for j in 0..=m {
        d[0][j + 1] = inf;
        d[1][j + 1] = j as u8;
    }
    let mut last_row = [0u8; 128];
    for i in 1..=n {
        let mut last_col = 0;
        for j in 1..=m {
            let k = usize::from(last_row[usize::from(b[j - 1] & 127)]);
            let l = last_col;
            let cost = if a[i - 1] == b[j - 1] {
                last_col = j;
                0
            } else {
                1
            };
            let substitution = d[i][j] + cost;
            let insertion = d[i + 1][j] + 1;
            let deletion = d[i][j + 1] + 1;
            let transposition = d[k][l] + ((i - k - 1) + 1 + (j - l - 1)) as u8;
            d[i + 1][j + 1] = substitution.min(insertion).min(deletion).min(transposition);
        }
        last_row[usize::from(a[i - 1] & 127)] = i as u8;
    }
    usize::from(d[n + 1][m + 1])
}

/// `bits.count_ones() <= n`, told by clearing the lowest set bit once or twice (a few instructions
/// where the build target has no bit count; it runs for every long word a token may be a typo of).
#[inline]
pub(super) fn at_most(bits: u32, n: u32) -> bool {
    let once = bits & bits.wrapping_sub(1);
    match n {
        1 => once == 0,
        2 => once & once.wrapping_sub(1) == 0,
        _ => bits.count_ones() <= n,
    }
}

/// True when `a` and `b` are at most `k` edits apart ([`edit_distance`]). Most pairs that are
/// not are told first by their lengths and byte counts, without measuring: an insertion or a deletion changes
/// the counts by one, a substitution by two, a transposition not at all, so words whose counts
/// differ by more than `2k` in all are more than `k` edits apart. One edit (all that words under
/// eight letters are allowed) is told in one pass over the two words, with no table.
/// (Measured in characters, so only ASCII words are told by their bytes.)
pub fn within_edits(a: &str, b: &str, k: usize) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // Each edit changes the length by one at most.
        if a.len().abs_diff(b.len()) > k {
            return false;
        }
        if k <= 1 {
            return a == b || (k == 1 && one_edit_apart(a.as_bytes(), b.as_bytes()));
        }
        let mut counts = [0i32; 128];
        a.bytes().for_each(|c| counts[usize::from(c)] += 1);
        b.bytes().for_each(|c| counts[usize::from(c)] -= 1);
        // Each byte's difference once: taken, then cleared.
        let apart: u32 =
            a.bytes().chain(b.bytes()).map(|c| std::mem::take(&mut counts[usize::from(c)]).unsigned_abs()).sum();
        if apart as usize > 2 * k {
            return false;
        }
        // With the shared ends set aside, measuring costs less than looking a measure up.
        return edit_distance(a, b) <= k;
    }
    remembered_distance(a, b) <= k
}

/// True when `a` and `b` (at most one byte apart in length) differ by exactly one edit: one byte
/// substituted, inserted or deleted, or two adjacent bytes swapped (what a distance of 1 is).
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let Some(i) = short.iter().zip(long).position(|(x, y)| x != y) else {
        // One is the other with a byte added at the end (or they are equal).
        return long.len() != short.len();
    };
    if long.len() != short.len() {
        return long[i + 1..] == short[i..];
    }
    let swapped = i + 1 < long.len() && long[i] == short[i + 1] && long[i + 1] == short[i];
    long[i + 1..] == short[i + 1..] || (swapped && long[i + 2..] == short[i + 2..])
}

thread_local! {
    /// The distances measured for the answer being scored, by the pair's hash ([`pair_hash`]),
    /// with the pair itself to tell pairs whose hashes collide apart (see [`forget_distances`]).
    static MEASURED: std::cell::RefCell<Measured> = Default::default();
}

/// Distances by a pair's hash: each pair with its words and its distance.
type Measured = KeyMap<Vec<(Box<str>, Box<str>, usize)>>;

/// [`edit_distance`] of words not all ASCII (measured by strsim, allocating), measured once per
/// pair of words while one answer is scored: the same token is put to the same list word by the
/// list table, by each automaton and by the phrases' start words.
fn remembered_distance(a: &str, b: &str) -> usize {
    let hash = pair_hash(a, b);
    let known = MEASURED.with_borrow(|m| {
        m.get(&hash).and_then(|pairs| pairs.iter().find(|(x, y, _)| **x == *a && **y == *b).map(|p| p.2))
    });
    known.unwrap_or_else(|| {
        let d = edit_distance(a, b);
        MEASURED.with_borrow_mut(|m| {
            // Outside scoring (a list compiled, a check run) no answer is read to clear it.
            if m.len() > 10_000 {
                m.clear();
            }
            m.entry(hash).or_default().push((a.into(), b.into(), d));
        });
        d
    })
}

/// The key of the pair `a`, `b` (in that order).
fn pair_hash(a: &str, b: &str) -> u64 {
    word_key(a).rotate_left(17) ^ word_key(b)
}

/// Forget the distances measured so far: called as each answer is read (`text::analyse`), so one
/// answer's measures serve only that answer and the memo stays as small as an answer's words.
pub fn forget_distances() {
    MEASURED.with_borrow_mut(KeyMap::clear);
}

/// Lowrance-Wagner over bytes: `d[i + 1][j + 1]` is the distance of `a[..i]` and `b[..j]`, row 0
/// and column 0 hold the "infinite" bound, and `last_row[c]` the last row whose byte of `a` was `c`.
fn ascii_damerau(a: &[u8], b: &[u8], d: &mut Vec<usize>) -> usize {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return n.max(m);
    }
    let (inf, w) = (n + m, m + 2);
    d.clear();
    d.resize((n + 2) * w, 0);
    d[0] = inf;
    for i in 0..=n {
        d[(i + 1) * w] = inf;
        d[(i + 1) * w + 1] = i;
    }
    for j in 0..=m {
        d[j + 1] = inf;
        d[w + j + 1] = j;
    }
    let mut last_row = [0usize; 256];
    for i in 1..=n {
        let mut last_col = 0;
        for j in 1..=m {
            let k = last_row[usize::from(b[j - 1])];
            let l = last_col;
            let cost = if a[i - 1] == b[j - 1] {
                last_col = j;
                0
            } else {
                1
            };
            let substitution = d[i * w + j] + cost;
            let insertion = d[(i + 1) * w + j] + 1;
            let deletion = d[i * w + j + 1] + 1;
            let transposition = d[k * w + l] + (i - k - 1) + 1 + (j - l - 1);
            d[(i + 1) * w + j + 1] = substitution.min(insertion).min(deletion).min(transposition);
        }
        last_row[usize::from(a[i - 1])] = i;
    }
    d[(n + 1) * w + m + 1]
}

/// True when `a` and `b` have the same length and differ in exactly two letters that are not
/// next to each other (two separate substitutions, not a swap).
pub fn two_letters_apart(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut differ = a.bytes().zip(b.bytes()).enumerate().filter(|(_, (x, y))| x != y).map(|(i, _)| i);
    match (differ.next(), differ.next(), differ.next()) {
        (Some(first), Some(second), None) => second > first + 1,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "ca",
            "tomorrow",
            "tommorow",
            "tomorow",
            "apologise",
            "apologies",
            "apologize",
            "confirmation",
            "confimration",
            "warehouse",
            "wherehouse",
            "okafor",
            "okafro",
            "café",
            "cafe",
            "abcdef",
            "badcfe",
            "acbdfe",
            "fedcba",
            "aabbcc",
            "abcabc",
            "straight",
            "striaght",
            "ca",
            "abc",
            "acb",
            "cab",
            "unfortunately",
            "unfortunatly",
            "unfotrunately",
            "abcdefghijklmnopqrstuvwxyzabc",
            "abcdefghijklmnopqrstuvwxyzabcd",
            "bacdefghijklmnopqrstuvwxyzabcd",
        ];
        for a in words {
            for b in words {
                assert_eq!(edit_distance(a, b), strsim::damerau_levenshtein(a, b), "{a} / {b}");
            }
        }
    }

    #[test]
    fn every_short_word_of_three_letters_agrees_with_strsim() {
        let mut words = vec![String::new()];
        for len in 1..=4 {
            let from = words.len();
            words.extend(
                words
                    .iter()
                    .filter(|w| w.len() == len - 1)
                    .flat_map(|w| ["a", "b", "c"].map(|c| format!("{w}{c}")))
                    .collect::<Vec<_>>(),
            );
            assert!(words.len() > from);
        }
        for a in &words {
            for b in &words {
                assert_eq!(edit_distance(a, b), strsim::damerau_levenshtein(a, b), "{a} / {b}");
            }
        }
    }

    /// Every word over the letters a, b and c up to `max_len` letters, the empty word included.
    fn words_over_abc(max_len: usize) -> Vec<String> {
        let mut words = vec![String::new()];
        for len in 1..=max_len {
            let longer: Vec<String> = words
                .iter()
                .filter(|w| w.len() == len - 1)
                .flat_map(|w| ["a", "b", "c"].map(|c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        words
    }

    #[test]
    fn setting_the_shared_ends_aside_changes_no_distance() {
        let words = words_over_abc(6);
        for a in &words {
            for b in words.iter().filter(|b| b.len().abs_diff(a.len()) <= 2) {
                let whole = untrimmed_ascii_distance(a.as_bytes(), b.as_bytes());
                assert_eq!(edit_distance(a, b), whole, "{a} / {b}");
            }
        }
        for (a, b) in [("tomorrow", "tommorow"), ("unfortunately", "unfotrunately"), ("warehouse", "wherehouse")] {
            assert_eq!(edit_distance(a, b), strsim::damerau_levenshtein(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn within_edits_agrees_with_the_distance_on_every_short_word_of_three_letters() {
        let words = words_over_abc(5);
        for a in &words {
            for b in &words {
                let d = edit_distance(a, b);
                for k in 0..3 {
                    assert_eq!(within_edits(a, b, k), d <= k, "{a} / {b} / {k}");
                }
            }
        }
    }

    #[test]
    fn within_edits_agrees_with_the_distance() {
        let words =
            ["", "a", "ab", "ba", "tomorrow", "tommorow", "tomorow", "apologise", "apologies", "café", "cafe", "caféé"];
        for a in words {
            for b in words {
                for k in 0..3 {
                    assert_eq!(within_edits(a, b, k), edit_distance(a, b) <= k, "{a} {b} {k}");
                }
            }
        }
    }
}
