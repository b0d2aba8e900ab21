//! Command-line arguments (clap derive). Only declarations live here.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "claimgraph",
    version,
    about = "Who said what, when: claims from German news articles into an RDF knowledge graph",
    after_help = "Exit codes: 0 success, 1 failure (or skipped input with --strict), 2 usage error.\n\
                  Store: --store DIR, else $CLAIMGRAPH_STORE, else ./claimgraph-store."
)]
pub struct Cli {
    /// Print no progress and no summary on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract claims from articles and print them (JSON Lines by default).
    Extract(ExtractArgs),
    /// Extract claims and write them into the on-disk store (one named graph per article).
    Ingest(IngestArgs),
    /// Run a SPARQL query (text, -f FILE.rq, or the name of a ready query) over the store.
    Query(QueryArgs),
    /// List the ready queries of `queries/`.
    Queries,
    /// Dump the whole store as RDF.
    Export(ExportArgs),
    /// Print counts: articles, claims by type, actors, triples.
    Stats(StatsArgs),
    /// Project the store into a graph and write it for Graphviz, Gephi, Cytoscape or yEd.
    Graph(GraphArgs),
    /// Serve the SPARQL 1.1 Protocol at /sparql and an explorer page at /.
    Serve(ServeArgs),
    /// Write the explorer's views as one self-contained HTML file.
    Report(ReportArgs),
    /// List the actors (one per real-world actor) with claim counts; fix links with `merge` or --aliases.
    Actors(ActorsArgs),
    /// List claim clusters (one statement reported by several articles), or score them (--gold).
    Clusters(ClustersArgs),
    /// Copy every named graph of the local store to a remote SPARQL store (Graph Store Protocol).
    Push(PushArgs),
    /// Remove articles by document id (and from the remote store with --endpoint); actors and clusters follow.
    Remove(RemoveArgs),
}

/// A remote triple store: where its Graph Store Protocol and query endpoints are.
#[derive(Debug, Args)]
#[command(next_help_heading = "Remote store")]
pub struct EndpointArgs {
    /// The remote store's base URL (e.g. http://127.0.0.1:7878): also write to / query it.
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,

    /// Which server runs there, for its default paths: oxigraph (/store, /query)
    /// or virtuoso (/sparql-graph-crud, /sparql).
    #[arg(long, default_value = "oxigraph", value_name = "KIND")]
    pub server: String,

    /// The Graph Store Protocol URL, when it is not the server's default path.
    #[arg(long, value_name = "URL")]
    pub gsp_url: Option<String>,

    /// The SPARQL query URL, when it is not the server's default path.
    #[arg(long, value_name = "URL")]
    pub query_url: Option<String>,

    /// User for HTTP basic authentication; the password is read from
    /// $CLAIMGRAPH_ENDPOINT_PASSWORD.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,

    /// Tries per request on connection errors and 5xx replies (waits double: 0.5 s, 1 s, 2 s, …).
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub retries: u32,

    /// Graphs sent at the same time (one HTTP request each).
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub connections: usize,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    #[command(flatten)]
    pub endpoint: EndpointArgs,

    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Document ids of the articles, as the `article` column of the queries shows them.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,

    #[command(flatten)]
    pub endpoint: EndpointArgs,

    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (loopback by default).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR:PORT")]
    pub bind: std::net::SocketAddr,

    /// Accept SPARQL Update requests (read-only otherwise).
    #[arg(long)]
    pub allow_update: bool,

    /// Seconds one query may run before it is cancelled.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,

    /// Rows (or triples) one response holds at most.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub max_results: usize,

    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ClustersFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ClustersArgs {
    /// Only clusters reported by at least N outlets.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_outlets: usize,

    #[arg(long, value_enum, default_value_t = ClustersFormat::Table)]
    pub format: ClustersFormat,

    /// Score the clusters against a fixture (data/gold/*.clusters.json):
    /// pairwise and B-cubed precision, recall and F1.
    #[arg(long, value_name = "FILE")]
    pub gold: Option<PathBuf>,

    /// Recompute the clusters in memory with this similarity threshold (0 to 1;
    /// nothing is written), e.g. to tune it against --gold.
    #[arg(long, value_name = "X")]
    pub threshold: Option<f64>,

    /// Recompute the clusters in memory with this date window in days.
    #[arg(long, value_name = "DAYS")]
    pub window_days: Option<i64>,

    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub store: StoreArgs,
}

/// Where articles come from and how they are read.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files (.txt, .jsonl, .ndjson) or directories (read recursively); `-` reads stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// A metadata file ({"file","date","outlet","title","url","lang"} per line) for all inputs.
    #[arg(long, value_name = "FILE")]
    pub meta: Option<PathBuf>,

    /// Publication date for articles whose metadata and text give none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Extra lexicon entries (cues, actors, roles); may be given several times.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,

    /// Fail (exit 1) when any input had to be skipped.
    #[arg(long)]
    pub strict: bool,

    /// Worker threads for extraction (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExtractFormat {
    /// One claim record a line (the stable format the scorers read).
    Jsonl,
    /// An aligned table for reading in a terminal.
    Table,
    /// N-Quads: each article's claims as RDF in its named graph.
    Nq,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,

    /// Write to FILE instead of stdout (`-` is stdout).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Leave out claims whose confidence is below this threshold (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    pub min_confidence: f32,
}

#[derive(Debug, Args)]
pub struct StoreArgs {
    /// The on-disk store directory.
    #[arg(
        long,
        env = "CLAIMGRAPH_STORE",
        default_value = "claimgraph-store",
        value_name = "DIR"
    )]
    pub store: PathBuf,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub store: StoreArgs,

    /// Leave out claims whose confidence is below this threshold (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    pub min_confidence: f32,

    /// Actor aliases (NAME<TAB>CANONICAL a line) applied after the articles are linked.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// After the local ingest, replace this run's article graphs and the
    /// store-level graphs on a remote store.
    #[command(flatten)]
    pub endpoint: EndpointArgs,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// SPARQL text, or the name of a ready query (see `claimgraph queries`).
    #[arg(value_name = "QUERY", required_unless_present = "file")]
    pub query: Option<String>,

    /// Read the query from a file (`-` for stdin).
    #[arg(short, long, value_name = "FILE.rq", conflicts_with = "query")]
    pub file: Option<PathBuf>,

    /// Bind a query parameter: `name=value` (see the query's header comment).
    #[arg(short, long, value_name = "NAME=VALUE")]
    pub param: Vec<String>,

    /// table, csv, tsv, json, xml (SELECT/ASK); ttl, nt, nq (CONSTRUCT/DESCRIBE).
    #[arg(long, default_value = "table")]
    pub format: String,

    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub store: StoreArgs,

    /// Query a remote store (SPARQL 1.1 Protocol) instead of the local one.
    #[command(flatten)]
    pub endpoint: EndpointArgs,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// ttl, nt, nq or trig.
    #[arg(long, default_value = "nq")]
    pub format: String,

    /// Write to FILE instead of stdout (`-` is stdout).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum StatsFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    pub format: StatsFormat,

    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// actors (who addressed whom), claims (actors, claims, articles) or timeline.
    #[arg(long, default_value = "actors")]
    pub view: String,

    /// dot, graphml, gexf, cytoscape or json.
    #[arg(long, default_value = "dot")]
    pub format: String,

    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Only claims said on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only claims said on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only claims by (or addressed to) this actor (a part of the name).
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,

    /// Only claims of this type (statement, demand, warn, …).
    #[arg(long = "type", value_name = "TYPE")]
    pub claim_type: Option<String>,

    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ActorsFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ActorsArgs {
    #[command(subcommand)]
    pub command: Option<ActorsCommand>,

    #[arg(long, value_enum, default_value_t = ActorsFormat::Table, global = true)]
    pub format: ActorsFormat,

    /// Actor aliases (NAME<TAB>CANONICAL a line) to apply to the store first.
    #[arg(long, value_name = "FILE", global = true)]
    pub aliases: Option<PathBuf>,

    /// The on-disk store directory.
    #[arg(
        long,
        env = "CLAIMGRAPH_STORE",
        default_value = "claimgraph-store",
        value_name = "DIR",
        global = true
    )]
    pub store: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ActorsCommand {
    /// Merge actor A into actor B (each a label, an alternative label or an IRI); survives re-ingest.
    Merge {
        #[arg(value_name = "A")]
        from: String,
        #[arg(value_name = "B")]
        into: String,
    },
    /// Undo merges of actor A (its IRI, or a name its mentions carry): the rules link it again.
    Unmerge {
        #[arg(value_name = "A")]
        name: String,
    },
    /// List the merges in effect (from `merge` and alias files): merged actor, actor merged into.
    Merges,
    /// Link every mention in the store again (after editing merges by hand, or to repair).
    Relink,
}
