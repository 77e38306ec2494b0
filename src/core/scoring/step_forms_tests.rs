//! Unit tests of `step_forms.rs`: next steps read from how they are put, in many registers, with
//! near-misses that must not count.

use std::collections::BTreeMap;

use super::super::detectors::{DetectorContext, detect_rule};
use super::super::lists::Lists;
use super::super::phrase::{Names, name_words};
use super::super::text::analyse;

/// The `next-steps` rule alone (no learned layer); the customer is Ayo Bell, the colleague Rhys Moran.
fn step(text: &str) -> bool {
    !evidence(text).is_empty()
}

/// The words of each `next-steps` hit of the rule alone (for failure messages).
fn evidence(text: &str) -> Vec<String> {
    let names = Names { customer: name_words("Ayo Bell"), colleague: name_words("Rhys Moran") };
    let lists = Lists::new(&BTreeMap::new());
    let a = analyse(text);
    let cx = DetectorContext::new(&names, &lists, None);
    if detect_rule("next-steps", &a, &cx).is_empty() {
        return Vec::new();
    }
    let words = |r: &(usize, usize)| a.tokens[r.0..r.1].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
    let parts = super::super::concepts::next_step_parts(&a, &cx);
    let named = parts.iter().flat_map(|(name, found)| found.iter().map(move |r| (name, r)));
    let mut out: Vec<String> = named.map(|(name, r)| format!("{name}: {}", words(r))).collect();
    out.push("(rule)".to_string());
    out
}

fn all_steps(texts: &[&str]) {
    for text in texts {
        assert!(step(text), "{text}");
    }
}

fn no_steps(texts: &[&str]) {
    for text in texts {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn instructions_behind_a_modal_or_a_condition_are_steps() {
    all_steps(&[
        "You'll need to post the old handset back to us first.",
        "u have to bring the broken kettle in, we swap it on the spot",
        "if the pain comes back overnight just ring 111",
        "If nothing's arrived by the 9th, email the tracking code to me.",
        "You must return the faulty charger before we can send another.",
        "yeah so what you'd need to do is, um, you'd have to send it back in the box",
    ]);
}

#[test]
fn advice_with_nothing_to_hand_over_and_the_customers_own_past_are_not() {
    no_steps(&[
        "You should have sent it back sooner, honestly.",
        "You don't need to bring anything in.",
        "If you want, you can try again later.",
        "You must be exhausted after all that.",
        "Can you send it back?",
    ]);
}

#[test]
fn acts_done_that_set_something_moving_are_steps() {
    all_steps(&[
        "I refunded the £40 to your card this morning.",
        "we rebooked the fitter for you, all sorted",
        "Ive bumped ur repair up the queue n extended the loan phone",
        "I've let the stores team know and they're pulling a new unit.",
        "The courier has been asked to collect it from your neighbour.",
    ]);
}

#[test]
fn history_failures_records_and_telling_the_customer_are_not() {
    no_steps(&[
        "I refunded it last month, so it's already been done.",
        "We sent it to the wrong address, that's on us.",
        "I've let you know everything I can.",
        "We didn't refund the fee.",
    ]);
}

#[test]
fn an_outcome_said_in_the_present_with_when_it_comes_is_a_step() {
    all_steps(&[
        "The money lands in your account in 3-5 working days.",
        "a text comes through when the driver's ten minutes away",
        "Your new card arrives Thursday.",
        "The new date will come in the post.",
    ]);
}

#[test]
fn an_outcome_with_no_when_a_habit_or_a_person_coming_is_not() {
    no_steps(&[
        "Post comes through the door at all hours round here.",
        "It never arrives when they say.",
        "The post comes whenever it likes out here.",
        "Refunds usually land in about five days.",
        "er yeah it'll come through, don't worry",
    ]);
}

#[test]
fn what_the_speaker_can_do_at_a_stated_time_is_a_step() {
    all_steps(&[
        "I can get that sent out today.",
        "we can swap the unit now if you're at home",
        "I can book the plumber for Friday morning.",
    ]);
}

#[test]
fn what_the_speaker_could_maybe_do_or_can_only_ring_about_is_not() {
    no_steps(&[
        "I could maybe look at it tomorrow.",
        "we could maybe swap it, not sure.",
        "If the stock's in, I can sort it today.",
    ]);
}

#[test]
fn text_speak_subjects_and_offers_to_a_named_customer() {
    all_steps(&[
        "il get u a courtesy phone 2day",
        "ill send the returns label 2nite",
        "OK Ayo um do you want me to come over and swap the meter",
    ]);
    no_steps(&["feeling ill today, sorry for the delay", "what's the id number on the letter?"]);
}

#[test]
fn a_thing_the_speaker_will_send_is_a_step() {
    all_steps(&[
        "I'll get it signed off and send you the confirmation before you leave tonight.",
        "will email u the returns label in a bit",
        "Right, I'm posting a new one out to you.",
    ]);
}

#[test]
fn sending_only_word_or_the_customer_sending_is_not() {
    no_steps(&[
        "I'll send you an update when I can.",
        "You'll send the form, will you?",
        "I won't send the form again.",
    ]);
}

#[test]
fn a_parcel_shown_as_delivered_or_someone_coming_back_is_not_an_outcome() {
    no_steps(&["The parcel shows as delivered, is there anything else?", "Honestly I will come back to you on that."]);
}

#[test]
fn a_done_act_told_without_its_subject_is_a_step() {
    all_steps(&[
        "Refunded the £12.50 this morning. Sorry again.",
        "so, moved ur booking 2 the 3rd, same time",
        "Dear Ms Bell, rebooked for the 14th as requested.",
        "Switched you to the quiet room on the top floor.",
        "Replacement's sorted, sorry for the faff.",
        "ur refund's done 👍",
    ]);
    no_steps(&[
        "Cancelled by the contractor, nothing I can do.",
        "Delivered to the wrong address, apparently.",
        "Booked it last week and heard nothing since.",
        "Refunded? No.",
        "Rebooked?",
        "Moved on, have we?",
        "It's done, whatever.",
    ]);
}

#[test]
fn an_outcome_put_at_a_time_ahead_is_a_step() {
    all_steps(&[
        "Missed the cutoff, sorry. It'll be in the November pay run.",
        "ur overtime shud b in fri's pay",
        "Your glasses should be ready next week.",
        "the deposit will go back on your card Friday",
        "Sadly it'll just have to roll into next month.",
    ]);
    no_steps(&[
        "It won't be in the November pay.",
        "You said it'd be ready next week.",
        "It'll be in the system somewhere.",
    ]);
}

#[test]
fn a_month_pins_an_outcome_by_any_name_or_short_form_but_may_and_mar() {
    let months = [
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ];
    for w in months {
        assert!(super::month_word(w), "{w}");
    }
    for w in ["may", "mar", "marc", "ju", "weds", "monday", "next", "decade", ""] {
        assert!(!super::month_word(w), "{w}");
    }
}

#[test]
fn a_record_of_effort_or_a_note_on_the_file_is_not_a_step() {
    for text in [
        "I'll put a note on the booking so the desk knows.",
        "popped a note on ur file for the warehouse x",
        "I have added a note to your account for the billing team.",
        "I've chased the warehouse three times this week.",
        "we have chased it with the supplier, no joy yet",
        "Sorry you've been passed about so much.",
        "so sorry u have been passed from desk to desk",
        "I know you're being charged twice and it isn't fair.",
        "Following your email, I'm sorry it has taken so long.",
        "Regarding the invoice, apologies for the mix-up.",
        "We are awaiting the landlord's answer.",
        "i'll pass ur details 2 the right team",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    for text in [
        "I'll put the spare key in the post to you today.",
        "I've chased the warehouse and booked a courier for Friday.",
        "You've been passed to our claims team, who will call you on Monday.",
        "Your replacement is being sent out today.",
        "Sending the corrected invoice now.",
        "i'll pass ur details 2 the claims team",
    ] {
        assert!(step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_step_put_off_to_due_course_is_not_a_step_unless_pinned_or_done() {
    for text in [
        "The inspector will visit in due course.",
        "ur voucher will be posted in due course",
        "We shall write to you about the decision in due course.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    for text in [
        "The inspector will visit in due course, on Tuesday the 9th.",
        "I've refunded the deposit; it will show in due course.",
    ] {
        assert!(step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_query_handed_on_is_the_case_and_opinions_count_when_someone_acts_next() {
    for text in [
        "Your billing query has been forwarded to our lettings team.",
        "I've passed your concerns to the practice manager, who will review the booking.",
    ] {
        assert!(step(text), "{text}: {:?}", evidence(text));
    }
    for text in [
        "I've passed your concerns to the practice manager.",
        "ur query's been sent to the relevant team",
        "Your comments have been forwarded to head office, which is all I can do.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
}

#[test]
fn a_query_only_logged_or_raised_with_no_one_in_particular_is_not_a_step() {
    for text in ["I have logged your query.", "i'll raise ur query with the appropriate dept"] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    assert!(step("I'll raise your query with Rhys Moran in lettings today."));
}

#[test]
fn watch_kept_an_effort_a_taunt_or_a_step_put_off_to_whenever_is_no_step() {
    for text in [
        "I'll keep an eye on it.",
        "will keep u posted x",
        "We shall keep you informed of any developments.",
        "Honestly, I'll keep on at them.",
        "im gonna keep chasing em",
        "Keep an eye on your inbox for updates.",
        "I'm keeping a close eye on your order.",
        "The warehouse will do their best, I'm sure.",
        "We will do what we can.",
        "The courier will collect it whenever.",
        "courier will pick it up whenever they get round to it tbh",
        "Oh, I'll just phone the mayor for you, shall I?",
        "Oh, I'll just order you a new one, shall I?",
        "yeah ill sort ur parking too shall i?",
        "We will notify you once the checks are done.",
        "Dear Sir, we shall inform you when the panel has met.",
    ] {
        assert!(!step(text), "{text}: {:?}", evidence(text));
    }
    // Something kept for the customer, watch beside a concrete step, a put-off pinned or done,
    // or a time the customer chooses.
    for text in [
        "I'll keep the room for you until Friday.",
        "We'll keep morning slots free for you on Friday.",
        "I'll book you in for Tuesday at 3, shall I?",
        "We will keep your deposit and refund the rest today.",
        "I'll keep an eye on it and ring you at 3 tomorrow.",
        "I'll pass it to Rhys Moran, he'll reply at some point.",
        "I'll pass it to the parts desk and they'll fit it whenever suits you on Monday.",
        "The courier will collect it whenever suits you.",
        "ur new card will be posted whenever u like, just say the day",
        "The warehouse will do the swap on Thursday.",
        "Shall I order you a new one now?",
        "We will notify you by email on Friday with the panel's decision.",
    ] {
        assert!(step(text), "{text}: {:?}", evidence(text));
    }
}
