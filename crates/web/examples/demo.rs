//! Serves the tests' small sample store, to try the page by hand:
//! `cargo run -p claimgraph-web --example demo [ADDR]` (default 127.0.0.1:7878).

#[path = "../tests/common/mod.rs"]
mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bind = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:7878".into())
        .parse()?;
    let config = claimgraph_web::ServeConfig {
        bind,
        ..claimgraph_web::ServeConfig::default()
    };
    let server = claimgraph_web::start(common::sample_store(), config)?;
    println!("serving the sample store at {}", server.url());
    server.wait()?;
    Ok(())
}
