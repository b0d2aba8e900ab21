//! From a document and its claims to RDF quads: a pure function, no store.
//!
//! Everything derived from one article goes into that article's named graph,
//! including the actors it cites and the claim-type concepts it uses, so the
//! graph reads on its own and replacing or deleting it leaves nothing behind
//! (see `docs/vocabulary.md`). IRIs are hashes or keys of the content, so the
//! same input always gives the same quads.

use crate::actors_graph::ArticleActors;
use crate::vocab::{self, cg, oa, prov, schema};
use claimgraph_model::{ActorKind, Claim, DatePrecision, DateValue, Document, Span};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use std::collections::{BTreeSet, HashSet};

/// All quads for one article and its claims, in the article's named graph.
///
/// Run provenance is not included: see [`generated_by_quad`].
pub fn document_quads(doc: &Document, claims: &[Claim]) -> Vec<Quad> {
    let mut out = GraphWriter::new(vocab::article_graph(&doc.id));
    let article = vocab::article_iri(&doc.id);
    write_article(&mut out, doc, &article);
    let text = CharIndex::new(&doc.text);
    let mut types = BTreeSet::new();
    let mut actors = ArticleActors::new(doc);
    for claim in claims {
        write_claim(&mut out, doc, &article, &text, claim, &mut actors);
        types.insert(claim.claim_type);
    }
    for quad in actors.into_quads(&out.graph) {
        out.push(quad);
    }
    for t in types {
        for quad in vocab::claim_type_quads(t, &out.graph) {
            out.push(quad);
        }
    }
    out.quads
}

/// `<article graph> prov:wasGeneratedBy <run>`: written into the article graph
/// itself, so that it is replaced together with the article on re-ingest.
pub fn generated_by_quad(doc_id: &str, run: &NamedNode) -> Quad {
    let graph = vocab::article_graph(doc_id);
    Quad::new(
        graph.clone(),
        prov("wasGeneratedBy"),
        run.clone(),
        GraphName::NamedNode(graph),
    )
}

/// The IRI of one claim: a hash of the document id, the speaker, the evidence
/// offsets and the content (offsets alone may be empty for hand-made records).
pub fn claim_iri(doc_id: &str, claim: &Claim) -> NamedNode {
    let spans = |spans: &[Span]| {
        spans
            .iter()
            .map(|s| format!("{}-{}", s.start, s.end))
            .collect::<Vec<_>>()
            .join(",")
    };
    let hash = vocab::hash_id(&[
        doc_id,
        &claim.speaker,
        &spans(&claim.content_spans),
        &spans(&claim.cue_spans),
        &claim.content,
    ]);
    vocab::term(vocab::ID, &format!("claim/{hash}"))
}

/// A typed literal for a date, its datatype following the date's precision:
/// `xsd:date`, `xsd:gYearMonth` or `xsd:gYear`.
pub fn date_literal(date: &DateValue) -> Literal {
    let datatype = match date.precision() {
        DatePrecision::Day => xsd::DATE,
        DatePrecision::Month => xsd::G_YEAR_MONTH,
        DatePrecision::Year => xsd::G_YEAR,
    };
    Literal::new_typed_literal(date.to_string(), datatype)
}

/// The schema.org class of an actor kind.
pub fn actor_class(kind: ActorKind) -> NamedNode {
    schema(match kind {
        ActorKind::Person => "Person",
        ActorKind::Organization => "Organization",
        ActorKind::Country => "Country",
    })
}

/// Collects the quads of one graph, in first-written order, without duplicates.
struct GraphWriter {
    graph: GraphName,
    quads: Vec<Quad>,
    seen: HashSet<Quad>,
}

impl GraphWriter {
    fn new(graph: NamedNode) -> Self {
        Self {
            graph: GraphName::NamedNode(graph),
            quads: Vec::new(),
            seen: HashSet::new(),
        }
    }

    fn push(&mut self, quad: Quad) {
        if self.seen.insert(quad.clone()) {
            self.quads.push(quad);
        }
    }

    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.push(Quad::new(s.clone(), p, o, self.graph.clone()));
    }
}

fn write_article(out: &mut GraphWriter, doc: &Document, article: &NamedNode) {
    out.add(article, rdf::TYPE, schema("NewsArticle"));
    out.add(
        article,
        schema("identifier").as_ref(),
        Literal::from(doc.id.as_str()),
    );
    if let Some(title) = &doc.title {
        out.add(
            article,
            schema("headline").as_ref(),
            Literal::from(title.as_str()),
        );
    }
    if let Some(date) = &doc.date {
        out.add(
            article,
            schema("datePublished").as_ref(),
            date_literal(date),
        );
    }
    let lang = doc.lang.as_deref().unwrap_or("de");
    out.add(article, schema("inLanguage").as_ref(), Literal::from(lang));
    // An URL that is not a valid IRI is left out rather than stored as a broken node.
    if let Some(url) = doc.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
        out.add(article, schema("url").as_ref(), url);
    }
    if let Some(outlet) = doc.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        let publisher = vocab::outlet_iri(outlet);
        out.add(article, schema("publisher").as_ref(), publisher.clone());
        out.add(&publisher, rdf::TYPE, schema("NewsMediaOrganization"));
        out.add(&publisher, rdf::TYPE, schema("Organization"));
        out.add(
            &publisher,
            schema("name").as_ref(),
            Literal::from(outlet.trim()),
        );
    }
}

fn write_claim(
    out: &mut GraphWriter,
    doc: &Document,
    article: &NamedNode,
    text: &CharIndex<'_>,
    claim: &Claim,
    actors: &mut ArticleActors,
) {
    let c = claim_iri(&doc.id, claim);
    out.add(&c, rdf::TYPE, schema("Claim"));
    out.add(&c, rdf::TYPE, cg("Claim"));
    out.add(
        &c,
        cg("claimType").as_ref(),
        vocab::claim_type_iri(claim.claim_type),
    );
    // Speaker and addressee go through the article's actor mentions, which
    // render the actor triples (see `actors_graph`).
    let mention = claim
        .speaker_mention
        .and_then(|m| text.slice(Span::from(m)));
    actors.add(
        &c,
        true,
        &claim.speaker,
        Some(claim.speaker_kind),
        claim.speaker_wikidata.as_deref().and_then(wikidata_iri),
        mention,
        &claim.speaker_roles,
    );
    if let Some(addressee) = claim.addressee.as_deref().filter(|a| !a.trim().is_empty()) {
        actors.add(&c, false, addressee, None, None, None, &[]);
    }
    out.add(&c, cg("cue").as_ref(), Literal::from(claim.cue.as_str()));
    out.add(
        &c,
        schema("text").as_ref(),
        Literal::from(claim.content.as_str()),
    );
    out.add(&c, cg("direct").as_ref(), Literal::from(claim.direct));
    if claim.confidence.is_finite() {
        let value = format!("{:.3}", claim.confidence);
        out.add(
            &c,
            cg("confidence").as_ref(),
            Literal::new_typed_literal(value, xsd::DECIMAL),
        );
    }
    if let Some(date) = &claim.date {
        out.add(&c, schema("dateCreated").as_ref(), date_literal(date));
    }
    out.add(
        &c,
        cg("sentence").as_ref(),
        Literal::from(claim.sentence.as_str()),
    );
    out.add(&c, prov("wasDerivedFrom").as_ref(), article.clone());
    let mention: Vec<Span> = claim.speaker_mention.map(Span::from).into_iter().collect();
    let evidence = [
        ("content", "contentEvidence", &claim.content_spans[..]),
        ("cue", "cueEvidence", &claim.cue_spans[..]),
        ("speaker", "speakerEvidence", &mention[..]),
    ];
    for (role, property, spans) in evidence {
        if !spans.is_empty() {
            let annotation = write_annotation(out, article, text, &c, role, spans);
            out.add(&c, cg(property).as_ref(), annotation);
        }
    }
}

/// `Q…` to a Wikidata entity IRI; anything else is not an id and is dropped.
fn wikidata_iri(id: &str) -> Option<NamedNode> {
    let id = id.trim();
    let digits = id.strip_prefix('Q')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| vocab::term(vocab::WIKIDATA, id))
}

/// One Web Annotation tying the claim to the text: a target per span, each with
/// a position selector and, when the span lies inside the text, a quote selector.
fn write_annotation(
    out: &mut GraphWriter,
    article: &NamedNode,
    text: &CharIndex<'_>,
    claim: &NamedNode,
    role: &str,
    spans: &[Span],
) -> NamedNode {
    let claim_hash = claim.as_str().rsplit('/').next().unwrap_or_default();
    let base = format!("evidence/{claim_hash}-{role}");
    let annotation = vocab::term(vocab::ID, &base);
    out.add(&annotation, rdf::TYPE, oa("Annotation"));
    out.add(&annotation, oa("hasBody").as_ref(), claim.clone());
    out.add(&annotation, oa("motivatedBy").as_ref(), oa("identifying"));
    for (i, span) in spans.iter().enumerate() {
        let target = vocab::term(vocab::ID, &format!("{base}-{}", i + 1));
        out.add(&annotation, oa("hasTarget").as_ref(), target.clone());
        out.add(&target, rdf::TYPE, oa("SpecificResource"));
        out.add(&target, oa("hasSource").as_ref(), article.clone());
        let position = vocab::term(vocab::ID, &format!("{base}-{}-pos", i + 1));
        out.add(&target, oa("hasSelector").as_ref(), position.clone());
        out.add(&position, rdf::TYPE, oa("TextPositionSelector"));
        out.add(&position, oa("start").as_ref(), offset_literal(span.start));
        out.add(&position, oa("end").as_ref(), offset_literal(span.end));
        if let Some(exact) = text.slice(*span) {
            let quote = vocab::term(vocab::ID, &format!("{base}-{}-quote", i + 1));
            out.add(&target, oa("hasSelector").as_ref(), quote.clone());
            out.add(&quote, rdf::TYPE, oa("TextQuoteSelector"));
            out.add(&quote, oa("exact").as_ref(), Literal::from(exact));
        }
    }
    annotation
}

fn offset_literal(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::NON_NEGATIVE_INTEGER)
}

/// Code-point offsets to byte offsets, built once per document.
struct CharIndex<'a> {
    text: &'a str,
    /// Byte offset of each code point, plus the text's length at the end.
    bytes: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Self { text, bytes }
    }

    /// The text of a span, `None` when it is empty or reaches past the text.
    fn slice(&self, span: Span) -> Option<&'a str> {
        if span.is_empty() {
            return None;
        }
        let start = *self.bytes.get(span.start)?;
        let end = *self.bytes.get(span.end)?;
        self.text.get(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_slice_by_code_points() {
        let index = CharIndex::new("Öl für Ägypten");
        assert_eq!(index.slice(Span::new(3, 6)), Some("für"));
        assert_eq!(index.slice(Span::new(7, 14)), Some("Ägypten"));
        assert_eq!(index.slice(Span::new(7, 15)), None);
        assert_eq!(index.slice(Span::new(5, 5)), None);
    }

    #[test]
    fn wikidata_ids_are_checked() {
        assert!(wikidata_iri("Q159").is_some());
        assert!(wikidata_iri("Q").is_none());
        assert!(wikidata_iri("P31").is_none());
        assert!(wikidata_iri("Q1 2").is_none());
    }

    #[test]
    fn dates_are_typed_by_precision() {
        let d = |s: &str| date_literal(&s.parse().unwrap());
        assert_eq!(d("2022-01-21").datatype(), xsd::DATE);
        assert_eq!(d("2021-12").datatype(), xsd::G_YEAR_MONTH);
        assert_eq!(d("2021").datatype(), xsd::G_YEAR);
        assert_eq!(d("2021-12").value(), "2021-12");
    }
}
