//! Counts in words: "1 turn", "3 turns", never a lazy "turn" with "(s)" after it.

/// `n` followed by `one` when it is 1, else by `many` ("1 scenario", "0 scenarios").
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "turn", "turns"), "1 turn");
        assert_eq!(plural(0, "turn", "turns"), "0 turns");
        assert_eq!(plural(3, "go", "goes"), "3 goes");
    }
}
