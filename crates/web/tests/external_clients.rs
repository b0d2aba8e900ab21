//! Standard clients against a live server: Python's SPARQLWrapper, and the
//! page itself in headless Chromium driven by Playwright.
//!
//! Both need software outside Cargo. A missing piece fails the test with the
//! command that installs it, unless `CLAIMGRAPH_SKIP_EXTERNAL=1` is set.

mod common;

use common::server;
use std::path::{Path, PathBuf};
use std::process::Command;

fn skip_external() -> bool {
    std::env::var("CLAIMGRAPH_SKIP_EXTERNAL").is_ok_and(|v| v == "1")
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `program args`, failing the test with its output when it fails.
fn run(program: &str, args: &[&str], cwd: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{program} {args:?} failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
    stdout
}

#[test]
fn sparqlwrapper_queries_the_endpoint() {
    if skip_external() {
        eprintln!("skipped: CLAIMGRAPH_SKIP_EXTERNAL=1");
        return;
    }
    let has_client = Command::new("python3")
        .args(["-c", "import SPARQLWrapper"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        has_client,
        "this test needs Python 3 with SPARQLWrapper: run `pip install SPARQLWrapper` \
         (or set CLAIMGRAPH_SKIP_EXTERNAL=1 to skip it)"
    );
    let s = server(|_| {});
    let endpoint = format!("{}sparql", s.url());
    let script = crate_dir().join("tests/python/sparqlwrapper_client.py");
    let out = run(
        "python3",
        &[&script.to_string_lossy(), &endpoint],
        &crate_dir(),
    );
    assert!(out.contains("ok: CONSTRUCT as Turtle"), "{out}");
    s.shutdown().expect("shutdown");
}

/// Where the browser test saves its screenshot: `CLAIMGRAPH_SCREENSHOT`
/// (relative to the workspace root), else a scratch file, so that a test run
/// does not change the committed `docs/screenshot.png`.
fn screenshot_path() -> PathBuf {
    match std::env::var("CLAIMGRAPH_SCREENSHOT") {
        Ok(path) if !path.is_empty() => crate_dir().join("../..").join(path),
        _ => PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("claimgraph-screenshot.png"),
    }
}

#[test]
fn the_page_works_in_headless_chromium() {
    if skip_external() {
        eprintln!("skipped: CLAIMGRAPH_SKIP_EXTERNAL=1");
        return;
    }
    let browser_dir = crate_dir().join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "this test needs Chromium at {chromium}: run `apt-get install chromium` \
         (or set CHROMIUM, or CLAIMGRAPH_SKIP_EXTERNAL=1 to skip it)"
    );
    assert!(
        browser_dir.join("node_modules/playwright-core").exists(),
        "this test needs playwright-core: run `npm ci` in {} \
         (or set CLAIMGRAPH_SKIP_EXTERNAL=1 to skip it)",
        browser_dir.display()
    );
    let s = server(|_| {});
    let screenshot = screenshot_path();
    let out = run(
        "node",
        &["run.mjs", &s.url(), &screenshot.to_string_lossy()],
        &browser_dir,
    );
    assert!(out.contains("browser test passed"), "{out}");
    s.shutdown().expect("shutdown");
}
