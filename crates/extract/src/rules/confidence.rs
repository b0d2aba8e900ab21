//! Confidence: how often a claim of this shape is right.
//!
//! Each claim records the [`Pattern`] of evidence it rests on (a quotation
//! before its cue, a dass-clause, the object of a verb, a Konjunktiv sentence
//! continuing a report, …). The base score of a pattern is its measured
//! precision (speaker and content right) on held-out news text; the
//! speaker's resolution certainty and the cue's strength lower it.

use super::Found;

/// The shape of evidence a claim rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// `„…“, sagte X`
    QuoteBefore,
    /// `X sagte: „…“`
    ColonQuote,
    /// `X sagte: …` without quotation marks
    ColonClause,
    /// `…, sagte X` with a Konjunktiv verb in the clause
    KonjunktivBefore,
    /// `…, sagte X` in the indicative
    ClauseBefore,
    /// `Wie X sagte, …`
    WieClause,
    /// `X sagte, dass …`
    DassAfter,
    /// `X sagte, er komme …`
    KonjunktivAfter,
    /// `X forderte, … zu tun`
    InfinitiveAfter,
    /// `X sagte, …` in the indicative
    ClauseAfter,
    /// The object of a verb that takes its content as object (`verlangt Garantien`).
    Object,
    /// The object of any other cue verb.
    ObjectLoose,
    /// A quoted term after `als` or `von` (`bezeichnete ihn als „Zumutung“`).
    QuotedTerm,
    /// A sentence that is only a quotation, after a claim.
    ContinuedQuote,
    /// A Konjunktiv I sentence after a claim.
    ContinuedKonjunktiv,
    /// A Konjunktiv II sentence after a claim (also used for the journalist's own hypotheses).
    ContinuedKonjunktiv2,
    /// A Konjunktiv I sentence after a sentence with no claim, attributed to its subject.
    FreeKonjunktiv,
    Laut,
    Zufolge,
    /// `nach Angaben X`, `aus Sicht X`
    SourceNoun,
    /// `Dem Vernehmen nach`, `seiner Ansicht nach`
    NachPostposition,
    /// `Demnach …`, continuing the last source
    Demnach,
    /// `ein Bericht, wonach …`
    Wonach,
    /// `Das bestätigte X`: the previous sentence is the content
    Anaphor,
    /// `…, so X`
    So,
    /// `…, hieß es in X`
    HeisstEs,
    /// `X: „…“`
    ColonSpeaker,
}

impl Pattern {
    /// Measured precision of the pattern (speaker and content right) on
    /// news text, rounded. The object of a verb is a claim by the guidelines
    /// but often is not annotated as reported speech, so it scores low.
    fn base(self) -> f32 {
        match self {
            Pattern::WieClause | Pattern::Laut | Pattern::Zufolge => 0.95,
            Pattern::SourceNoun => 0.92,
            Pattern::QuoteBefore | Pattern::KonjunktivBefore => 0.9,
            Pattern::ColonQuote | Pattern::DassAfter | Pattern::KonjunktivAfter => 0.85,
            Pattern::So => 0.85,
            Pattern::ContinuedQuote | Pattern::Anaphor | Pattern::ColonSpeaker => 0.8,
            Pattern::InfinitiveAfter | Pattern::QuotedTerm => 0.75,
            Pattern::ContinuedKonjunktiv | Pattern::HeisstEs | Pattern::Wonach => 0.7,
            Pattern::Demnach => 0.6,
            Pattern::ClauseBefore | Pattern::ClauseAfter | Pattern::FreeKonjunktiv => 0.45,
            Pattern::Object | Pattern::NachPostposition | Pattern::ContinuedKonjunktiv2 => 0.4,
            Pattern::ObjectLoose | Pattern::ColonClause => 0.35,
        }
    }
}

/// The confidence of a claim from its pattern, speaker and cue.
pub(crate) fn confidence(f: &Found) -> f32 {
    let mut c = f.pattern.base() * (0.7 + 0.3 * f.speaker.certainty);
    if f.weak_cue {
        c -= 0.2;
    }
    c.clamp(0.05, 0.99)
}
