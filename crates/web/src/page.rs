//! The page and its assets, compiled in. The same template serves the live
//! page (assets linked, data fetched from `/api/data`) and the report (assets
//! and data inlined).

use crate::http::Reply;

const INDEX_HTML: &str = include_str!("../assets/index.html");

/// Name, media type and text of every asset, in the order the page loads them.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../assets/app.css"),
    ),
    ("util.js", JS, include_str!("../assets/util.js")),
    ("graph.js", JS, include_str!("../assets/graph.js")),
    ("timeline.js", JS, include_str!("../assets/timeline.js")),
    ("sparql.js", JS, include_str!("../assets/sparql.js")),
    ("app.js", JS, include_str!("../assets/app.js")),
];

const JS: &str = "text/javascript; charset=utf-8";

/// The names of the assets served under `/assets/`.
pub const ASSET_NAMES: [&str; 6] = [
    "app.css",
    "util.js",
    "graph.js",
    "timeline.js",
    "sparql.js",
    "app.js",
];

/// An asset's media type and text, by name.
pub fn asset(name: &str) -> Option<(&'static str, &'static str)> {
    ASSETS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, media, text)| (*media, *text))
}

/// `GET /assets/NAME`.
pub fn asset_reply(name: &str) -> Reply {
    match asset(name) {
        Some((media, text)) => {
            Reply::new(200, media, text).with_header("Cache-Control", "no-cache")
        }
        None => Reply::text(404, format!("no asset {name:?}")),
    }
}

fn scripts() -> impl Iterator<Item = (&'static str, &'static str)> {
    ASSETS
        .iter()
        .filter(|(name, _, _)| name.ends_with(".js"))
        .map(|(name, _, text)| (*name, *text))
}

/// The live page: assets by relative URL (so it also works behind a path prefix).
pub fn live_page() -> String {
    let scripts: String = scripts()
        .map(|(name, _)| format!("<script src=\"assets/{name}\"></script>\n"))
        .collect();
    fill(
        "<link rel=\"stylesheet\" href=\"assets/app.css\">",
        "",
        &scripts,
    )
}

/// The report page: styles, data and scripts inline. `data_json` must be JSON.
pub fn report_page(data_json: &str) -> String {
    let css = asset("app.css").map(|(_, text)| text).unwrap_or_default();
    let scripts: String = scripts()
        .map(|(name, text)| format!("<script>/* {name} */\n{}</script>\n", inline_script(text)))
        .collect();
    let data = format!(
        "<script type=\"application/json\" id=\"cg-data\">{}</script>",
        inline_json(data_json)
    );
    fill(&format!("<style>\n{css}</style>"), &data, &scripts)
}

fn fill(styles: &str, data: &str, scripts: &str) -> String {
    INDEX_HTML
        .replace("<!--STYLES-->", styles)
        .replace("<!--DATA-->", data)
        .replace("<!--SCRIPTS-->", scripts)
}

/// JSON inside `<script>`: `<` only occurs in strings, where `\u003c` means the
/// same, so no `</script>` in the data can end the element early.
fn inline_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// Our scripts never contain `</script`; this guards against a future edit.
fn inline_script(js: &str) -> String {
    js.replace("</script", "<\\/script")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_is_named_and_found() {
        for name in ASSET_NAMES {
            assert!(asset(name).is_some(), "{name}");
        }
        assert_eq!(ASSET_NAMES.len(), ASSETS.len());
    }

    #[test]
    fn the_live_page_links_and_the_report_inlines() {
        let live = live_page();
        assert!(live.contains("href=\"assets/app.css\""));
        assert!(live.contains("src=\"assets/graph.js\""));
        let report = report_page("{\"x\":\"</script><b>\"}");
        assert!(!report.contains("src=\"assets/"));
        assert!(report.contains("\\u003c/script>\\u003cb>"));
        assert!(!report.contains("<!--DATA-->"));
    }
}
