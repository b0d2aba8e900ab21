// Drives the claimgraph explorer in headless Chromium.
//
// Usage: node run.mjs http://127.0.0.1:PORT/ [screenshot.png]
// The server must hold the sample store of ../common/mod.rs. Prints
// "browser test passed" at the end; any failed check exits non-zero.

import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, screenshot] = process.argv.slice(2);
if (!url) {
  console.error("usage: node run.mjs URL [screenshot.png]");
  process.exit(2);
}

function check(condition, message) {
  if (!condition) throw new Error("check failed: " + message);
  console.log("ok: " + message);
}

// A fresh profile each run; the flags keep Chromium off the network, which
// this machine closes (it would otherwise try to reach update and sync hosts).
const profile = mkdtempSync(join(tmpdir(), "claimgraph-chromium-"));
// Playwright passes the profile as --user-data-dir itself (a persistent context).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1360, height: 1000 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

try {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push("page error: " + error.message));
  page.on("console", (message) => {
    // The syntax-error check below makes the browser log its expected 400.
    if (message.type() === "error" && !message.text().includes("status of 400")) {
      problems.push("console error: " + message.text());
    }
  });
  page.on("requestfailed", (request) => problems.push("request failed: " + request.url()));
  page.setDefaultTimeout(30000);
  // Requests not yet answered, printed if a step times out.
  const pending = new Set();
  page.on("request", (request) => pending.add(request.url()));
  page.on("requestfinished", (request) => pending.delete(request.url()));
  page.on("requestfailed", (request) => pending.delete(request.url()));
  process.on("exit", (code) => {
    if (code !== 0 && pending.size) console.log("requests still pending: " + [...pending].join(", "));
  });

  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  check((await page.textContent("#stats")).includes("5 claims"), "the header counts the claims");

  // The ready queries, the editor and the results table.
  const readyQueries = await page.locator("#query-list button").count();
  check(readyQueries > 0, readyQueries + " ready queries listed");
  await page.fill("#query-text", [
    "PREFIX cg: <https://claimgraph.dev/ns#>",
    "PREFIX prov: <http://www.w3.org/ns/prov#>",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
    "PREFIX schema: <http://schema.org/>",
    "SELECT DISTINCT ?speaker ?type ?content WHERE {",
    "  ?c a cg:Claim ; prov:wasAttributedTo/rdfs:label ?speaker ; schema:text ?content ; cg:claimType ?type .",
    "} ORDER BY ?speaker ?content",
  ].join("\n"));
  await page.click("#run-query");
  await page.waitForSelector("#results table tbody tr");
  const rows = await page.locator("#results tbody tr").count();
  check(rows === 5, "the query shows 5 rows (saw " + rows + ")");
  check((await page.textContent("#results")).includes("die Öffnung der Häfen"), "the rows hold the claims' content");
  check((await page.textContent("#query-status")).includes("5 rows"), "the status says how many rows");

  // A syntax error is shown, not thrown.
  await page.fill("#query-text", "SELECT ?x WHERE { ?x");
  await page.click("#run-query");
  await page.waitForSelector("#query-status.bad");
  check((await page.textContent("#query-status")).startsWith("400"), "a syntax error shows the 400 message");

  // The actor graph: click Anna Berger and read her claims.
  const nodes = await page.locator("#graph-svg g.node").count();
  check(nodes === 3, "the graph has 3 actors (saw " + nodes + ")");
  await page.click('#graph-svg g.node[data-label="Anna Berger"] circle');
  await page.waitForSelector("#actor-claims li");
  const panel = await page.textContent("#actor-panel");
  check(panel.includes("Anna Berger"), "the panel names the actor");
  check(panel.includes("die Öffnung der Häfen") && panel.includes("neue Gespräche"), "the panel lists her claims");
  check(panel.includes("Ministerin Anna Berger forderte von Südland die Öffnung der Häfen."), "the panel shows the sentence");
  check(panel.includes("Streit um die Häfen"), "the panel names the article");
  check(await page.locator('#graph-svg g.node.selected[data-label="Anna Berger"]').count() === 1, "the node is marked selected");

  // Clicking an actor also filters the timeline to that actor.
  const timelineItems = await page.locator("#timeline-list li.claim").count();
  check(timelineItems === 3, "the timeline shows her 3 claims (saw " + timelineItems + ")");
  await page.selectOption("#tl-actor", "");
  await page.selectOption("#tl-type", "deny");
  check(await page.locator("#timeline-list li.claim").count() === 1, "the type filter leaves the one denial");
  await page.selectOption("#tl-type", "");
  await page.fill("#tl-from", "2023-04-01");
  check(await page.locator("#timeline-list li.claim").count() === 3, "the date filter leaves the claims from April on");
  check(await page.locator("#timeline-svg circle.dot").count() === 3, "the timeline draws a dot per claim shown");
  await page.fill("#tl-from", "");

  // Zoom with the wheel changes the viewport's transform.
  const before = await page.getAttribute("#graph-svg g.viewport", "transform");
  await page.mouse.move(300, 300);
  await page.locator("#graph-svg").hover({ position: { x: 60, y: 60 } });
  await page.mouse.wheel(0, -300);
  const after = await page.getAttribute("#graph-svg g.viewport", "transform");
  check(before !== after, "the wheel zooms the graph");
  await page.click("#graph-fit");

  // Show the populated query again for the picture.
  await page.click('#query-list button[data-query="who-said-what"]');
  await page.fill("#query-text", [
    "PREFIX cg: <https://claimgraph.dev/ns#>",
    "PREFIX prov: <http://www.w3.org/ns/prov#>",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
    "PREFIX schema: <http://schema.org/>",
    "SELECT DISTINCT ?speaker ?type ?content ?date WHERE {",
    "  ?c a cg:Claim ; prov:wasAttributedTo/rdfs:label ?speaker ; schema:text ?content ; cg:claimType ?type .",
    "  OPTIONAL { ?c schema:dateCreated ?date }",
    "} ORDER BY ?date",
  ].join("\n"));
  await page.click("#run-query");
  await page.waitForSelector("#results table tbody tr");

  check(problems.length === 0, "no page errors or failed requests" + (problems.length ? ": " + problems.join("; ") : ""));
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log("screenshot: " + screenshot);
  }
  console.log("browser test passed");
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
