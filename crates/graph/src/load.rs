//! Reading claim rows out of the store with one SPARQL query.

use crate::row::{ClaimRow, Filter};
use crate::GraphError;
use claimgraph_kg::{vocab, Solutions, Store};
use claimgraph_model::{ActorKind, ClaimType, DateValue};
use oxigraph::model::Term;

/// One row per claim and article it is derived from. Actors may carry several
/// labels or classes across article graphs (the default graph is their union),
/// so those are reduced to one value each with `MIN`/`SAMPLE`.
pub const CLAIM_ROWS_QUERY: &str = r#"
PREFIX cg: <https://claimgraph.dev/ns#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?claim ?type ?cue ?content ?sentence ?article
       (SAMPLE(?date0) AS ?date) (SAMPLE(?confidence0) AS ?confidence)
       ?speaker (MIN(?speakerLabel0) AS ?speakerLabel)
       (MIN(?speakerClass0) AS ?speakerClass) (MIN(?speakerSame0) AS ?speakerSame)
       ?addressee (MIN(?addresseeLabel0) AS ?addresseeLabel)
       (MIN(?addresseeClass0) AS ?addresseeClass) (MIN(?addresseeSame0) AS ?addresseeSame)
       (SAMPLE(?articleId0) AS ?articleId) (SAMPLE(?title0) AS ?title)
       (SAMPLE(?outlet0) AS ?outlet)
WHERE {
  ?claim a cg:Claim ;
         cg:claimType ?type ;
         prov:wasAttributedTo ?speaker ;
         prov:wasDerivedFrom ?article .
  OPTIONAL { ?claim cg:cue ?cue }
  OPTIONAL { ?claim schema:text ?content }
  OPTIONAL { ?claim cg:sentence ?sentence }
  OPTIONAL { ?claim schema:dateCreated ?date0 }
  OPTIONAL { ?claim cg:confidence ?confidence0 }
  OPTIONAL { ?speaker rdfs:label ?speakerLabel0 }
  OPTIONAL {
    ?speaker a ?speakerClass0 .
    FILTER(?speakerClass0 IN (schema:Person, schema:Organization, schema:Country))
  }
  OPTIONAL {
    ?speaker owl:sameAs ?speakerSame0 .
    FILTER(STRSTARTS(STR(?speakerSame0), "http://www.wikidata.org/entity/"))
  }
  OPTIONAL {
    ?claim cg:addressee ?addressee .
    OPTIONAL { ?addressee rdfs:label ?addresseeLabel0 }
    OPTIONAL {
      ?addressee a ?addresseeClass0 .
      FILTER(?addresseeClass0 IN (schema:Person, schema:Organization, schema:Country))
    }
    OPTIONAL {
      ?addressee owl:sameAs ?addresseeSame0 .
      FILTER(STRSTARTS(STR(?addresseeSame0), "http://www.wikidata.org/entity/"))
    }
  }
  OPTIONAL { ?article schema:identifier ?articleId0 }
  OPTIONAL { ?article schema:headline ?title0 }
  OPTIONAL { ?article schema:publisher/schema:name ?outlet0 }
}
GROUP BY ?claim ?type ?cue ?content ?sentence ?article ?speaker ?addressee
"#;

/// The claims in `store` that pass `filter`, one row per claim and article,
/// in chronological order (undated last).
pub fn load_rows(store: &Store, filter: &Filter) -> Result<Vec<ClaimRow>, GraphError> {
    let solutions = store.select(CLAIM_ROWS_QUERY)?;
    let columns = Columns::new(&solutions)?;
    let mut rows = Vec::with_capacity(solutions.rows.len());
    for values in &solutions.rows {
        let row = columns.row(values)?;
        if filter.matches(&row) {
            rows.push(row);
        }
    }
    rows.sort_by(|a, b| {
        (a.date.is_none(), a.date, &a.claim_iri, &a.article_iri).cmp(&(
            b.date.is_none(),
            b.date,
            &b.claim_iri,
            &b.article_iri,
        ))
    });
    Ok(rows)
}

/// The positions of the query's variables in a solution row.
struct Columns<'a> {
    solutions: &'a Solutions,
}

impl<'a> Columns<'a> {
    fn new(solutions: &'a Solutions) -> Result<Self, GraphError> {
        for name in ["claim", "type", "speaker", "article"] {
            if solutions.column(name).is_none() {
                return Err(GraphError::Query(format!("the result lacks ?{name}")));
            }
        }
        Ok(Columns { solutions })
    }

    fn get<'r>(&self, values: &'r [Option<Term>], name: &str) -> Option<&'r Term> {
        let i = self.solutions.column(name)?;
        values.get(i)?.as_ref()
    }

    /// The plain string of a value: an IRI's text or a literal's lexical form.
    fn text(&self, values: &[Option<Term>], name: &str) -> Option<String> {
        match self.get(values, name)? {
            Term::NamedNode(n) => Some(n.as_str().to_string()),
            Term::Literal(l) => Some(l.value().to_string()),
            // Blank nodes have no stable name across runs; treat them as absent.
            _ => None,
        }
    }

    fn required(&self, values: &[Option<Term>], name: &'static str) -> Result<String, GraphError> {
        self.text(values, name)
            .ok_or_else(|| GraphError::Query(format!("a claim without ?{name}")))
    }

    fn row(&self, values: &[Option<Term>]) -> Result<ClaimRow, GraphError> {
        let claim_iri = self.required(values, "claim")?;
        let bad = |field: &'static str, value: String| GraphError::BadValue {
            field,
            subject: claim_iri.clone(),
            value,
        };
        let type_iri = self.required(values, "type")?;
        let claim_type: ClaimType = type_iri
            .strip_prefix(vocab::CLAIM_TYPE)
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| bad("claim type", type_iri.clone()))?;
        let date = match self.text(values, "date") {
            Some(d) => Some(d.parse::<DateValue>().map_err(|_| bad("date", d))?),
            None => None,
        };
        let confidence = match self.text(values, "confidence") {
            Some(c) => c.parse::<f32>().map_err(|_| bad("confidence", c))?,
            None => 1.0,
        };
        let speaker_iri = self.required(values, "speaker")?;
        let speaker_label = self
            .text(values, "speakerLabel")
            .unwrap_or_else(|| local_name(&speaker_iri));
        let addressee_iri = self.text(values, "addressee");
        let addressee_label = addressee_iri.as_ref().map(|iri| {
            self.text(values, "addresseeLabel")
                .unwrap_or_else(|| local_name(iri))
        });
        let article_iri = self.required(values, "article")?;
        Ok(ClaimRow {
            speaker_kind: self
                .text(values, "speakerClass")
                .and_then(|c| actor_kind(&c)),
            speaker_wikidata: self
                .text(values, "speakerSame")
                .and_then(|s| wikidata_id(&s)),
            addressee_kind: self
                .text(values, "addresseeClass")
                .and_then(|c| actor_kind(&c)),
            addressee_wikidata: self
                .text(values, "addresseeSame")
                .and_then(|s| wikidata_id(&s)),
            cue: self.text(values, "cue").unwrap_or_default(),
            content: self.text(values, "content").unwrap_or_default(),
            sentence: self.text(values, "sentence").unwrap_or_default(),
            article_id: self
                .text(values, "articleId")
                .unwrap_or_else(|| local_name(&article_iri)),
            article_title: self.text(values, "title"),
            outlet: self.text(values, "outlet"),
            claim_iri,
            claim_type,
            date,
            confidence,
            speaker_iri,
            speaker_label,
            addressee_iri,
            addressee_label,
            article_iri,
        })
    }
}

/// `schema:Person` → person, and so on; other classes are not actor kinds.
fn actor_kind(class_iri: &str) -> Option<ActorKind> {
    class_iri
        .strip_prefix(vocab::SCHEMA)?
        .to_lowercase()
        .parse()
        .ok()
}

/// `http://www.wikidata.org/entity/Q159` → `Q159`.
fn wikidata_id(iri: &str) -> Option<String> {
    iri.strip_prefix(vocab::WIKIDATA).map(str::to_string)
}

/// The last path segment of an IRI, a stand-in label for unlabelled resources.
fn local_name(iri: &str) -> String {
    iri.rsplit(['/', '#']).next().unwrap_or(iri).to_string()
}
