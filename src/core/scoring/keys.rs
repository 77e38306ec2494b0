//! Hashing for the word indexes: words carry an FNV-1a key computed once, and the maps keyed by
//! such keys (or by addresses) do no further hashing.

use std::collections::HashMap;

/// FNV-1a: a fast hash for the short words the indexes are keyed by.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// The FNV-1a hash of a word: tokens and pattern words carry it so indexes never hash strings.
pub fn word_key(word: &str) -> u64 {
    let mut h = Fnv::default();
    std::hash::Hasher::write(&mut h, word.as_bytes());
    std::hash::Hasher::finish(&h)
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn write_usize(&mut self, n: usize) {
        // Addresses and small step numbers: spread them so buckets are used evenly.
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Builds [`Fnv`] hashers, for maps keyed by short words.
pub type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// A map keyed by hashes (or addresses), with no further hashing.
pub type KeyMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// A map keyed by addresses or small numbers.
pub type AddressMap<V> = HashMap<usize, V, std::hash::BuildHasherDefault<KeyHasher>>;
