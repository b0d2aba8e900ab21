//! Properties of every extraction: spans inside the text, content equal to
//! the text at its spans (quotation marks removed), no panic on any input.

use claimgraph_extract::{strip_quotes, Extractor};
use claimgraph_model::Document;
use proptest::prelude::*;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::default)
}

fn doc(text: String) -> Document {
    Document {
        id: "p.txt".into(),
        text,
        date: "2023-05-12".parse().ok(),
        ..Document::default()
    }
}

fn slice_chars(text: &str, a: usize, b: usize) -> String {
    text.chars().skip(a).take(b.saturating_sub(a)).collect()
}

/// Pieces of German news sentences, recombined at random.
fn sentence() -> impl Strategy<Value = String> {
    let speaker = prop::sample::select(vec![
        "Die Ministerin",
        "Außenminister Karl Winter",
        "Winter",
        "Er",
        "Die Regierung in Paris",
        "Moskau",
        "Der Sprecher der Polizei",
        "Sowohl Paris als auch Berlin",
    ]);
    let cue = prop::sample::select(vec![
        "sagte",
        "erklärte",
        "kündigte an",
        "warnte",
        "forderte",
        "wies zurück",
        "betonte",
    ]);
    let content = prop::sample::select(vec![
        "die Lage sei ernst",
        "„Wir bleiben hart.“",
        "dass man verhandeln wolle",
        "»Das ist nicht verhandelbar«",
        "neue Gespräche",
        "„Nein“, sagte sie, „niemals.“",
    ]);
    let glue = prop::sample::select(vec![", ", ": ", " ", ". ", "\n\n", " am Freitag, "]);
    (speaker, cue, content, glue).prop_map(|(s, c, t, g)| format!("{s} {c}{g}{t}."))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_lie_inside_and_content_matches(parts in prop::collection::vec(sentence(), 1..6)) {
        let text = parts.join(" ");
        let n = text.chars().count();
        for c in extractor().extract(&doc(text.clone())) {
            for s in c.content_spans.iter().chain(c.cue_spans.iter()) {
                prop_assert!(s.start < s.end && s.end <= n, "{s:?} in {n}");
            }
            if let Some(m) = c.speaker_mention {
                prop_assert!(m.start <= m.end && m.end <= n);
            }
            let joined = c
                .content_spans
                .iter()
                .map(|s| strip_quotes(&slice_chars(&text, s.start, s.end)))
                .collect::<Vec<_>>()
                .join(" ... ");
            prop_assert_eq!(&joined, &c.content);
            prop_assert!((0.0..=1.0).contains(&c.confidence));
        }
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,400}") {
        let _ = extractor().extract(&doc(text));
    }

    #[test]
    fn never_panics_on_quote_heavy_text(text in "[„“”\"»«‚‘’ ,.:;A-Za-zäöü\n]{0,300}") {
        let _ = extractor().extract(&doc(text));
    }
}
