//! Claim clusters: the same statement of one actor, reported by several articles.
//!
//! Two claims belong together when they have the same speaker, were said within
//! [`ClusterParams::window_days`] of each other, and their contents are similar:
//! the Jaccard similarity of their shingle sets reaches [`ClusterParams::threshold`].
//! Clusters are the connected components of that relation (single linkage),
//! cut into spans of at most `window_days` from their first report so that a
//! chain of near-daily repetitions does not grow into one cluster over months.
//!
//! - **Normalisation**: lower case, German function words out
//!   (`data/cluster/stopwords.de.txt`), Snowball German stemming (which also
//!   folds umlauts), so `dürfe`/`darf` and `Verpflichtung`/`verpflichtende`
//!   meet halfway.
//! - **Shingles**: every stem, plus the character 4-grams of each stem with
//!   word boundaries marked (`_gara`, `aran`, …). The 4-grams let compounds and
//!   derivations overlap (`Sicherheitsgarantien` / `Garantien`,
//!   `Einmarsch` / `einzumarschieren`), which stems alone miss.
//! - **Candidates**: MinHash signatures ([`SIGNATURE_LEN`] hashes) split into
//!   [`BANDS`] bands of [`ROWS`] rows (locality-sensitive hashing); claims of the
//!   same speaker that share a band bucket are candidates, so the work grows
//!   with the number of near pairs, not with the square of the claims. With
//!   2 rows and 128 bands a pair at Jaccard 0.18 (the threshold) becomes a
//!   candidate with probability 1 − (1 − 0.18²)¹²⁸ ≈ 0.985, at 0.3 with
//!   0.99999, while a pair at 0.05 does so with 0.27 only.
//! - **Decision**: the exact Jaccard of the two shingle sets (they are short),
//!   so the result does not depend on the hash functions' luck.
//!
//! Everything here is deterministic: fixed hash seeds, members sorted by claim
//! IRI, clusters sorted by their first member.

use chrono::NaiveDate;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

/// Function words left out before comparing, one a line (`#` comments).
pub const STOPWORDS_DE: &str = include_str!("../../../data/cluster/stopwords.de.txt");

/// MinHash values per claim.
pub const SIGNATURE_LEN: usize = 256;
/// LSH bands of the signature.
pub const BANDS: usize = 128;
/// Signature rows per band.
pub const ROWS: usize = SIGNATURE_LEN / BANDS;

/// Character n-gram length of the sub-word shingles.
const CHAR_NGRAM: usize = 4;

/// How claims are grouped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterParams {
    /// Minimum Jaccard similarity of the shingle sets, in [0, 1].
    pub threshold: f64,
    /// Claims said more than this many days apart are never joined directly.
    pub window_days: i64,
}

impl ClusterParams {
    /// Tuned on the seed articles and the sample corpus (see README, "Claim clusters").
    pub const DEFAULT_THRESHOLD: f64 = 0.18;
    pub const DEFAULT_WINDOW_DAYS: i64 = 3;
}

impl Default for ClusterParams {
    fn default() -> Self {
        Self {
            threshold: Self::DEFAULT_THRESHOLD,
            window_days: Self::DEFAULT_WINDOW_DAYS,
        }
    }
}

/// What clustering needs to know of one claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterClaim {
    /// The claim's IRI (identifies it in the result).
    pub claim: String,
    /// The speaker's IRI: only claims of the same speaker are compared.
    pub actor: String,
    /// The day it was said (or, lacking one, the day it was published).
    /// Undated claims are compared with undated claims only.
    pub day: Option<NaiveDate>,
    /// The claim's content.
    pub text: String,
}

/// Groups `claims` into clusters of two or more; each cluster is a list of
/// indices into `claims`, sorted by claim IRI. Claims that join nothing are
/// left out.
pub fn cluster(claims: &[ClusterClaim], params: &ClusterParams) -> Vec<Vec<usize>> {
    let shingles: Vec<BTreeSet<u64>> = claims.iter().map(|c| shingle_set(&c.text)).collect();
    let mut components = link_similar(claims, &shingles, params);
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..claims.len() {
        groups.entry(components.find(i)).or_default().push(i);
    }
    let mut clusters: Vec<Vec<usize>> = groups
        .into_values()
        .filter(|g| g.len() > 1)
        .flat_map(|g| split_by_time(claims, g, params.window_days))
        .filter(|g| g.len() > 1)
        .map(|mut g| {
            g.sort_by(|&x, &y| claims[x].claim.cmp(&claims[y].claim));
            g
        })
        .collect();
    clusters.sort_by(|x, y| claims[x[0]].claim.cmp(&claims[y[0]].claim));
    clusters
}

/// Cuts a component into spans of at most `days` from each span's first
/// claim. Single linkage chains: a statement repeated every few days (or a
/// stock phrase) would otherwise join reports months apart into one cluster.
fn split_by_time(claims: &[ClusterClaim], mut group: Vec<usize>, days: i64) -> Vec<Vec<usize>> {
    group.sort_by(|&x, &y| {
        (claims[x].day, &claims[x].claim).cmp(&(claims[y].day, &claims[y].claim))
    });
    let mut spans: Vec<Vec<usize>> = Vec::new();
    let mut anchor: Option<Option<NaiveDate>> = None;
    for i in group {
        let day = claims[i].day;
        let fits = match (anchor, day) {
            (Some(Some(a)), Some(d)) => (d - a).num_days() <= days,
            (Some(None), None) => true,
            _ => false,
        };
        if fits {
            if let Some(span) = spans.last_mut() {
                span.push(i);
            }
        } else {
            anchor = Some(day);
            spans.push(vec![i]);
        }
    }
    spans
}

/// Exact Jaccard similarity of two contents (the measure [`cluster`] thresholds).
pub fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&shingle_set(a), &shingle_set(b))
}

/// The normalised words of a text: lower case, function words out, stemmed.
pub fn normalized_words(text: &str) -> Vec<String> {
    let stemmer = stemmer();
    let stop = stopwords();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !stop.contains(w.as_str()) && w.chars().count() > 1)
        .map(|w| fold(&stemmer.stem(&w)))
        .collect()
}

/// The shingles of a text, as 64-bit hashes: each stem and its character 4-grams.
pub fn shingle_set(text: &str) -> BTreeSet<u64> {
    let mut set = BTreeSet::new();
    for word in normalized_words(text) {
        set.insert(fnv1a(b'w', word.as_bytes()));
        let padded: Vec<char> = format!("_{word}_").chars().collect();
        if padded.len() <= CHAR_NGRAM {
            set.insert(fnv1a(b'c', padded.iter().collect::<String>().as_bytes()));
            continue;
        }
        for gram in padded.windows(CHAR_NGRAM) {
            set.insert(fnv1a(b'c', gram.iter().collect::<String>().as_bytes()));
        }
    }
    set
}

fn jaccard(a: &BTreeSet<u64>, b: &BTreeSet<u64>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count();
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Joins every two claims of an LSH bucket that fall within the window and
/// reach the threshold. Components do not depend on the order edges are
/// added, so a pair already joined is skipped without computing its Jaccard,
/// and members sorted by day stop at the first one past the window: many
/// repeats of one statement by a speaker cost linear work, not quadratic.
fn link_similar(
    claims: &[ClusterClaim],
    shingles: &[BTreeSet<u64>],
    params: &ClusterParams,
) -> UnionFind {
    let mut components = UnionFind::new(claims.len());
    for mut members in lsh_buckets(claims, shingles).into_values() {
        // Undated claims sort first; they are within the window only of each other.
        members.sort_by_key(|&i| claims[i].day);
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                if !within_window(claims[i].day, claims[j].day, params.window_days) {
                    break;
                }
                if components.find(i) != components.find(j)
                    && jaccard(&shingles[i], &shingles[j]) >= params.threshold
                {
                    components.union(i, j);
                }
            }
        }
    }
    components
}

/// Claims by LSH bucket: a bucket holds the claims of one speaker whose
/// MinHash signatures agree on one band.
fn lsh_buckets<'a>(
    claims: &'a [ClusterClaim],
    shingles: &[BTreeSet<u64>],
) -> HashMap<(&'a str, usize, u64), Vec<usize>> {
    let mut buckets: HashMap<(&str, usize, u64), Vec<usize>> = HashMap::new();
    for (i, (claim, set)) in claims.iter().zip(shingles).enumerate() {
        if set.is_empty() {
            continue;
        }
        let signature = minhash(set);
        for (band, rows) in signature.chunks(ROWS).enumerate() {
            let key = rows
                .iter()
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, v| mix(h ^ v));
            buckets
                .entry((claim.actor.as_str(), band, key))
                .or_default()
                .push(i);
        }
    }
    buckets
}

/// The MinHash signature: for each of [`SIGNATURE_LEN`] hash functions
/// (the shingle hash re-mixed with a fixed seed), the least value over the set.
fn minhash(set: &BTreeSet<u64>) -> [u64; SIGNATURE_LEN] {
    let mut signature = [u64::MAX; SIGNATURE_LEN];
    for &shingle in set {
        for (k, slot) in signature.iter_mut().enumerate() {
            let seed = (k as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let value = mix(shingle ^ seed);
            if value < *slot {
                *slot = value;
            }
        }
    }
    signature
}

/// SplitMix64's finaliser: a fast, well-spread 64-bit mixing function.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a over a kind byte and the bytes: stable across runs and platforms
/// (unlike std's randomly seeded hasher), so clusters are reproducible.
fn fnv1a(kind: u8, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    for &b in std::iter::once(&kind).chain(bytes) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn within_window(a: Option<NaiveDate>, b: Option<NaiveDate>, days: i64) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).num_days().abs() <= days,
        (None, None) => true,
        _ => false,
    }
}

/// Umlauts and ß to plain letters (the stemmer leaves some in place).
fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::German))
}

fn stopwords() -> &'static BTreeSet<String> {
    static STOP: OnceLock<BTreeSet<String>> = OnceLock::new();
    STOP.get_or_init(|| {
        STOPWORDS_DE
            .lines()
            .map(|l| l.split('#').next().unwrap_or_default())
            .flat_map(str::split_whitespace)
            .map(str::to_lowercase)
            .collect()
    })
}

/// Disjoint sets with path halving; the root is the smallest index, so the
/// grouping does not depend on the order in which pairs are joined.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (low, high) = (ra.min(rb), ra.max(rb));
        self.parent[high] = low;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: &str, actor: &str, day: &str, text: &str) -> ClusterClaim {
        ClusterClaim {
            claim: id.into(),
            actor: actor.into(),
            day: day.parse().ok(),
            text: text.into(),
        }
    }

    #[test]
    fn quote_and_paraphrase_of_one_statement_meet() {
        // Direct speech and its Konjunktiv report share most stems.
        let s = similarity(
            "Die Verhandlungen über den Hafen werden wir nicht aufgeben",
            "die Verhandlungen über den Hafen werde man nicht aufgeben",
        );
        assert!(s > 0.8, "{s}");
        let s = similarity("förmliche Zusicherungen", "Zusicherungen");
        assert!(s >= ClusterParams::DEFAULT_THRESHOLD, "{s}");
    }

    #[test]
    fn different_statements_stay_apart() {
        let s = similarity(
            "die Fischereirechte im Nordmeer neu zu verhandeln",
            "Der Bahnhof wird bis zum Sommer fertig",
        );
        assert!(s < 0.1, "{s}");
        assert_eq!(similarity("", "und oder aber"), 0.0);
    }

    #[test]
    fn clusters_need_the_same_speaker_and_close_dates() {
        let text = "die Brücke über den Fluss bis zum Herbst zu sanieren";
        let claims = [
            claim("c1", "a:mayer", "2024-05-02", text),
            claim("c2", "a:mayer", "2024-05-03", text),
            claim("c3", "a:koch", "2024-05-02", text),
            claim("c4", "a:mayer", "2024-06-20", text),
            claim(
                "c5",
                "a:mayer",
                "2024-05-02",
                "Der Haushalt ist ausgeglichen",
            ),
        ];
        assert_eq!(
            cluster(&claims, &ClusterParams::default()),
            vec![vec![0, 1]]
        );
    }

    #[test]
    fn clusters_are_connected_components_in_a_fixed_order() {
        let claims = [
            claim(
                "z",
                "a",
                "2024-01-01",
                "Gespräche über Zölle auf Stahl und Aluminium",
            ),
            claim(
                "b",
                "a",
                "2024-01-01",
                "die Gespräche über Zölle auf Stahl fortzusetzen",
            ),
            claim(
                "m",
                "a",
                "2024-01-01",
                "Zölle auf Stahl fortzusetzen sei richtig",
            ),
        ];
        let forward = cluster(&claims, &ClusterParams::default());
        let mut reversed = claims.to_vec();
        reversed.reverse();
        let backward = cluster(&reversed, &ClusterParams::default());
        let ids = |cs: &[ClusterClaim], groups: Vec<Vec<usize>>| -> Vec<Vec<String>> {
            groups
                .into_iter()
                .map(|g| g.into_iter().map(|i| cs[i].claim.clone()).collect())
                .collect()
        };
        assert_eq!(ids(&claims, forward.clone()), ids(&reversed, backward));
        assert_eq!(ids(&claims, forward), vec![vec!["b", "m", "z"]]);
    }

    #[test]
    fn a_chain_of_reports_does_not_span_months() {
        // The same words every two days: each neighbour is in the window,
        // but a cluster keeps to a window from its first report.
        let text = "die Grenze bleibt für Lastwagen geschlossen";
        let claims: Vec<ClusterClaim> = (1..=9)
            .map(|d| {
                claim(
                    &format!("c{d}"),
                    "a",
                    &format!("2024-03-{:02}", d * 2),
                    text,
                )
            })
            .collect();
        let clusters = cluster(&claims, &ClusterParams::default());
        assert!(clusters.len() >= 3, "{clusters:?}");
        for c in &clusters {
            let days: Vec<_> = c.iter().filter_map(|&i| claims[i].day).collect();
            let span = (*days.iter().max().unwrap() - *days.iter().min().unwrap()).num_days();
            assert!(span <= ClusterParams::DEFAULT_WINDOW_DAYS, "{c:?}");
        }
    }

    #[test]
    fn lsh_finds_the_pairs_above_the_threshold() {
        // Texts made of overlapping fragments: every pair at or above the
        // threshold must come out of the band buckets as a candidate.
        let parts = [
            "die Steuer auf Diesel",
            "bis zum Jahresende",
            "wird nicht erhöht",
            "für kleine Betriebe",
            "senken die Regierung",
            "der Landkreis Nord",
            "Schulen und Kitas",
            "ohne neue Schulden",
        ];
        let claims: Vec<ClusterClaim> = (0..parts.len())
            .flat_map(|i| (0..parts.len()).map(move |j| (i, j)))
            .filter(|(i, j)| i != j)
            .map(|(i, j)| {
                let text = format!("{} {} {}", parts[i], parts[j], parts[(i + j) % parts.len()]);
                claim(&format!("c{i}-{j}"), "a", "2024-01-01", &text)
            })
            .collect();
        let shingles: Vec<BTreeSet<u64>> = claims.iter().map(|c| shingle_set(&c.text)).collect();
        let candidates = candidate_pairs(&claims, &shingles);
        let mut above = 0;
        for i in 0..claims.len() {
            for j in i + 1..claims.len() {
                if jaccard(&shingles[i], &shingles[j]) >= ClusterParams::DEFAULT_THRESHOLD {
                    above += 1;
                    assert!(candidates.contains(&(i, j)), "{i} {j}");
                }
            }
        }
        assert!(above > 100, "{above}");
        // And far fewer candidates than pairs: the point of banding.
        let all = claims.len() * (claims.len() - 1) / 2;
        assert!(candidates.len() < all, "{} of {all}", candidates.len());
    }

    /// Every pair that shares an LSH bucket.
    fn candidate_pairs(
        claims: &[ClusterClaim],
        shingles: &[BTreeSet<u64>],
    ) -> BTreeSet<(usize, usize)> {
        let mut pairs = BTreeSet::new();
        for members in lsh_buckets(claims, shingles).values() {
            for (n, &i) in members.iter().enumerate() {
                for &j in &members[n + 1..] {
                    pairs.insert((i.min(j), i.max(j)));
                }
            }
        }
        pairs
    }

    /// The partition `link_similar` makes, and the one of checking every
    /// candidate pair: the shortcuts (joined pairs skipped, sorted members cut
    /// at the window) must not change it.
    #[test]
    fn skipping_joined_and_distant_pairs_keeps_the_components() {
        let texts = [
            "Die Regierung will die Steuern für kleine Betriebe senken",
            "Die Regierung will die Steuern für Betriebe senken",
            "Die Steuern für kleine Betriebe sollen sinken",
            "Der Landkreis baut neue Schulen und Kitas",
            "Neue Schulen und Kitas baut der Landkreis",
        ];
        let days = ["2024-01-01", "2024-01-02", "2024-01-04", "2024-01-09", ""];
        let claims: Vec<ClusterClaim> = (0..60)
            .map(|n| {
                let day = days[(n * 7) % days.len()];
                let actor = if n % 4 == 0 { "b" } else { "a" };
                claim(
                    &format!("c{n:02}"),
                    actor,
                    day,
                    texts[(n * 3) % texts.len()],
                )
            })
            .collect();
        let shingles: Vec<BTreeSet<u64>> = claims.iter().map(|c| shingle_set(&c.text)).collect();
        let params = ClusterParams::default();
        let mut fast = link_similar(&claims, &shingles, &params);
        let mut every = UnionFind::new(claims.len());
        for (i, j) in candidate_pairs(&claims, &shingles) {
            if within_window(claims[i].day, claims[j].day, params.window_days)
                && jaccard(&shingles[i], &shingles[j]) >= params.threshold
            {
                every.union(i, j);
            }
        }
        let mut joined = 0;
        for i in 0..claims.len() {
            for j in 0..claims.len() {
                let same = fast.find(i) == fast.find(j);
                assert_eq!(same, every.find(i) == every.find(j), "{i} {j}");
                joined += usize::from(same && i != j);
            }
        }
        assert!(joined > 100, "{joined}");
    }

    #[test]
    fn undated_claims_only_meet_undated_ones() {
        assert!(within_window(None, None, 3));
        assert!(!within_window(None, "2024-01-01".parse().ok(), 3));
    }
}
