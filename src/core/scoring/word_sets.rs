//! The single-word lists the structural rules read word by word (`steps.rs`, `taking.rs`,
//! `referral.rs`, `feeling.rs`, `timed.rs`, `blame.rs`, `walls.rs`, `accusing.rs`, `tone.rs`,
//! `concepts.rs`, the question and proposal rules of `detectors.rs`, the clause roles of `model.rs`),
//! kept with the other built-in lists in `builtin_lists.ron` and extended like them by a lexicon set
//! of the same name.

use std::collections::{BTreeMap, HashSet};

/// One word list, looked up by a token's text (or stem).
#[derive(Debug, Clone, Default)]
pub struct WordSet(HashSet<String>);

impl WordSet {
    /// The members of `name` in the merged sets, lowercased; a member with a space is kept but
    /// never equals one word.
    fn of(sets: &BTreeMap<String, Vec<String>>, name: &str) -> Self {
        Self(sets.get(name).into_iter().flatten().map(|m| m.trim().to_lowercase()).collect())
    }

    /// True when `word` is a member.
    pub fn has(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    /// The member equal to `word`, if any.
    pub fn get(&self, word: &str) -> Option<&str> {
        self.0.get(word).map(String::as_str)
    }

    /// Every member, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

macro_rules! word_sets {
    ($($field:ident = $name:literal),* $(,)?) => {
        /// The structural rules' word lists, each the built-in list extended by the lexicon.
        #[derive(Debug, Clone, Default)]
        pub struct WordSets {
            $(#[doc = concat!("`@", $name, "` (see its comment in `builtin_lists.ron`).")] pub $field: WordSet,)*
        }

        impl WordSets {
            /// Each list from the merged sets (built-in list plus the lexicon set of its name).
            pub fn new(sets: &BTreeMap<String, Vec<String>>) -> Self {
                Self { $($field: WordSet::of(sets, $name),)* }
            }
        }

        /// The names of the lists in [`WordSets`].
        pub const WORD_SET_NAMES: &[&str] = &[$($name),*];
    };
}

word_sets! {
    step_vague_verb = "step-vague-verb",
    step_vague_object = "step-vague-object",
    step_concrete_noun = "step-concrete-noun",
    step_done_participle = "step-done-participle",
    step_feedback = "step-feedback",
    step_item = "step-item",
    step_channel = "step-channel",
    step_ahead = "step-ahead",
    step_not_doing = "step-not-doing",
    step_attention_only = "step-attention-only",
    step_done_for_them = "step-done-for-them",
    step_imperative = "step-imperative",
    step_expect_modal = "step-expect-modal",
    step_outcome_verb = "step-outcome-verb",
    step_contact_only = "step-contact-only",
    step_handed_on_stem = "step-handed-on-stem",
    step_vague_party = "step-vague-party",
    step_offer_option = "step-offer-option",
    step_party = "step-party",
    step_outcome_noun = "step-outcome-noun",
    passing_on_stem = "passing-on-stem",
    not_taking_it_on = "not-taking-it-on",
    not_firm = "not-firm",
    done_on_problem = "done-on-problem",
    passed_to = "passed-to",
    referral_verb = "referral-verb",
    referral_contact_verb = "referral-contact-verb",
    referral_frame = "referral-frame",
    referral_modal = "referral-modal",
    referral_own_side = "referral-own-side",
    referral_elsewhere = "referral-elsewhere",
    referral_request = "referral-request",
    referral_routed = "referral-routed",
    referral_advise_stem = "referral-advise-stem",
    referral_imperative = "referral-imperative",
    referral_opener = "referral-opener",
    told_to_contact_verb = "told-to-contact-verb",
    told_to_contact_sending_verb = "told-to-contact-sending-verb",
    told_to_contact_own_side = "told-to-contact-own-side",
    told_to_contact_opener = "told-to-contact-opener",
    feeling_word = "feeling-word",
    feeling_customer = "feeling-customer",
    feeling_other_holder = "feeling-other-holder",
    feeling_recognise = "feeling-recognise",
    feeling_know = "feeling-know",
    feeling_know_between = "feeling-know-between",
    feeling_hardship = "feeling-hardship",
    feeling_degree = "feeling-degree",
    feeling_copula = "feeling-copula",
    feeling_loss_object = "feeling-loss-object",
    timed_future = "timed-future",
    timed_past = "timed-past",
    timed_customer_need = "timed-customer-need",
    timed_asking_you = "timed-asking-you",
    timed_object_start = "timed-object-start",
    timed_open = "timed-open",
    timed_arranged = "timed-arranged",
    timed_failure = "timed-failure",
    timed_state = "timed-state",
    timed_done_participle = "timed-done-participle",
    timed_not_past_ed = "timed-not-past-ed",
    timed_not_verb_ing = "timed-not-verb-ing",
    timed_deadline = "timed-deadline",
    timed_forward = "timed-forward",
    timed_asking = "timed-asking",
    timed_event = "timed-event",
    blame_fault_word = "blame-fault-word",
    blame_strong_fault_word = "blame-strong-fault-word",
    blame_progress_word = "blame-progress-word",
    blame_new_subject = "blame-new-subject",
    blame_not_an_account = "blame-not-an-account",
    blame_plan_word = "blame-plan-word",
    blame_saying = "blame-saying",
    blame_slur = "blame-slur",
    wall_filler = "wall-filler",
    tone_softener = "tone-softener",
    tone_question_filler = "tone-question-filler",
    tone_not_the_promise = "tone-not-the-promise",
    tone_bad_news = "tone-bad-news",
    tone_cost_after = "tone-cost-after",
    tone_question_helper = "tone-question-helper",
    proposal_fit = "proposal-fit",
    question_opener = "question-opener",
    question_subject = "question-subject",
    role_auxiliary = "role-auxiliary",
    accusing_doubt = "accusing-doubt",
    condition_word = "condition-word",
    referral_raise_verb = "referral-raise-verb",
    blame_role_noun = "blame-role-noun",
    blame_lapse_verb = "blame-lapse-verb",
    blame_lapse_word = "blame-lapse-word",
    remit_verb = "remit-verb",
    job_verb = "job-verb",
    not_a_wall_verb = "not-a-wall-verb",
    rule_noun = "rule-noun",
    mock_praise = "mock-praise",
    blame_owning_undone = "blame-owning-undone",
    blame_asking_helper = "blame-asking-helper",
    blame_stance = "blame-stance",
    blame_stressed_not = "blame-stressed-not",
    blame_clipped_fault = "blame-clipped-fault",
    blame_clipped_place = "blame-clipped-place",
    blame_clipped_not_owner = "blame-clipped-not-owner",
    blame_apart_word = "blame-apart-word",
    blame_apart_noun = "blame-apart-noun",
    blame_routing_verb = "blame-routing-verb",
    line_reference = "line-reference",
    timed_simple_past = "timed-simple-past",
    timed_habitual = "timed-habitual",
    line_domain = "line-domain",
    raise_noun_before = "raise-noun-before",
    raise_participle = "raise-participle",
    tag_question_word = "tag-question-word",
    follow_through_purpose = "follow-through-purpose",
    take_record_noun = "take-record-noun",
    take_not_an_act = "take-not-an-act",
    feeling_word_more = "feeling-word-more",
    feeling_degree_more = "feeling-degree-more",
    feeling_tell = "feeling-tell",
    feeling_reliance = "feeling-reliance",
    feeling_impact_verb = "feeling-impact-verb",
    feeling_life = "feeling-life",
    feeling_ironic_certainty = "feeling-ironic-certainty",
    feeling_in_place = "feeling-in-place",
    feeling_matters = "feeling-matters",
    feeling_not_right = "feeling-not-right",
    feeling_dependant = "feeling-dependant",
    feeling_plan_verb = "feeling-plan-verb",
    feeling_timing_noun = "feeling-timing-noun",
    feeling_importance = "feeling-importance",
    feeling_occasion = "feeling-occasion",
    feeling_apology_object = "feeling-apology-object",
    referral_elsewhere_more = "referral-elsewhere-more",
    referral_ask_that = "referral-ask-that",
    referral_best = "referral-best",
    referral_way = "referral-way",
    referral_who_noun = "referral-who-noun",
    referral_case_noun = "referral-case-noun",
    referral_try_verb = "referral-try-verb",
    referral_note = "referral-note",
    referral_self_help = "referral-self-help",
    referral_party = "referral-party",
    referral_move_verb = "referral-move-verb",
    referral_with_verb = "referral-with-verb",
    referral_advice_noun = "referral-advice-noun",
    referral_quarrel_noun = "referral-quarrel-noun",
    referral_send_verb = "referral-send-verb",
    referral_sent_noun = "referral-sent-noun",
    referral_not_ours_noun = "referral-not-ours-noun",
    referral_dispute_word = "referral-dispute-word",
    blame_remit_word = "blame-remit-word",
    blame_mock_word = "blame-mock-word",
    blame_mock_stance = "blame-mock-stance",
    blame_mock_title = "blame-mock-title",
    blame_distance_adverb = "blame-distance-adverb",
    blame_rests_verb = "blame-rests-verb",
    blame_say_noun = "blame-say-noun",
    blame_transfer_verb = "blame-transfer-verb",
}

/// The word lists as built in, without any lexicon: what the text analysis reads (it runs before
/// a scenario's lexicon is known, so `@condition-word` is read as built in).
pub fn builtin_word_sets() -> &'static WordSets {
    static SETS: std::sync::OnceLock<WordSets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| WordSets::new(super::lists::builtin_lists()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scoring::lists::{builtin_lists, list_names, merged_sets};

    #[test]
    fn every_word_set_is_a_built_in_list_of_single_lowercase_words() {
        for name in WORD_SET_NAMES {
            let members = builtin_lists().get(*name).unwrap_or_else(|| panic!("builtin_lists.ron has no \"{name}\""));
            assert!(!members.is_empty(), "{name} is empty");
            for m in members {
                assert!(!m.contains(' ') && m.to_lowercase() == *m, "{name}: \"{m}\" is not one lowercase word");
            }
            assert!(list_names().any(|n| n == *name), "{name} is not extendable");
        }
    }

    #[test]
    fn a_lexicon_set_of_the_same_name_adds_words() {
        let mut lexicon = BTreeMap::new();
        lexicon.insert("step-channel".to_string(), vec!["WhatsApp".to_string()]);
        let words = WordSets::new(&merged_sets(&lexicon));
        assert!(words.step_channel.has("whatsapp"));
        assert!(words.step_channel.has("portal"));
        assert!(!WordSets::new(&merged_sets(&BTreeMap::new())).step_channel.has("whatsapp"));
    }
}
