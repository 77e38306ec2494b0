//! Seeds for everything the app varies at random (the customer's wording, faded words, quiz
//! questions, the picker's order): one rule instead of one per feature.

/// Hands out seeds: each differs from the last even within the same millisecond.
#[derive(Debug, Clone, Default)]
pub struct Seeds {
    handed_out: u64,
}

impl Seeds {
    /// A seed for something starting at `now_ms` (the caller's clock); never the same twice in a row.
    pub fn next(&mut self, now_ms: u64) -> u64 {
        self.handed_out += 1;
        // Spread the count over the high bits so two seeds in the same millisecond differ widely.
        now_ms ^ self.handed_out.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_in_the_same_millisecond_differ_and_the_sequence_repeats() {
        let mut a = Seeds::default();
        let first: Vec<u64> = (0..5).map(|_| a.next(1_000)).collect();
        let mut unique = first.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), 5, "{first:?}");
        let mut b = Seeds::default();
        let again: Vec<u64> = (0..5).map(|_| b.next(1_000)).collect();
        assert_eq!(first, again, "the same clock and count give the same seeds");
        assert_ne!(Seeds::default().next(1_000), Seeds::default().next(2_000), "the clock varies them too");
    }
}
