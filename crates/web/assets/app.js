// The explorer's entry point: loads the data (inlined in a report, or from
// /api/data when served), then builds the header, the actor graph with its
// claims panel, the timeline and the SPARQL panel.
"use strict";
window.CG = window.CG || {};

(function (CG) {
  async function loadData() {
    const inline = document.getElementById("cg-data");
    if (inline) return Object.assign({ live: false }, JSON.parse(inline.textContent));
    const response = await fetch("api/data");
    if (!response.ok) throw new Error(response.status + " " + (await response.text()));
    return Object.assign({ live: true }, await response.json());
  }

  function showStats(stats) {
    const parts = [
      stats.articles + " articles",
      stats.claims + " claims",
      stats.actors + " actors",
    ];
    document.getElementById("stats").textContent = parts.join(" \u00b7 ");
  }

  function showLegend(graph) {
    const legend = CG.clear(document.getElementById("graph-legend"));
    const kinds = new Set(graph.nodes.map(function (n) { return n.kind; }));
    const types = new Set(graph.edges.map(function (e) { return e.claim_type; }));
    for (const kind of CG.KINDS.filter(function (k) { return kinds.has(k); })) {
      legend.append(CG.el("span", {}, [CG.el("span", { class: "swatch", style: "background:" + CG.kindColor(kind) }), kind]));
    }
    for (const type of CG.CLAIM_TYPES.filter(function (t) { return types.has(t); })) {
      legend.append(CG.el("span", {}, [CG.el("span", { class: "line", style: "background:" + CG.typeColor(type) }), type]));
    }
  }

  // The panel beside the graph: what the chosen actor said, and what was said to it.
  function showActor(panel, node, claims) {
    CG.clear(panel);
    if (!node) {
      panel.append(CG.el("p", { class: "muted", text: "Click an actor in the graph to list its claims." }));
      return;
    }
    const said = unique(claims.filter(function (c) { return c.speaker_iri === node.id; }));
    const heard = unique(claims.filter(function (c) { return c.addressee_iri === node.id; }));
    panel.append(
      CG.el("h3", { text: node.label }),
      CG.el("p", { class: "sub", text: node.kind + (node.wikidata ? " \u00b7 Wikidata " + node.wikidata : "") + " \u00b7 " + said.length + " claims made, " + heard.length + " addressed to it" })
    );
    if (said.length) {
      panel.append(CG.el("h4", { text: "Claims made" }));
      panel.append(CG.el("ol", { class: "claim-list", id: "actor-claims" }, said.map(function (c) { return CG.claimCard(c, { hideSpeaker: true }); })));
    }
    if (heard.length) {
      panel.append(CG.el("h4", { text: "Claims addressed to " + node.label }));
      panel.append(CG.el("ol", { class: "claim-list" }, heard.map(function (c) { return CG.claimCard(c); })));
    }
  }

  function unique(claims) {
    const seen = new Set();
    return claims.filter(function (c) {
      if (seen.has(c.claim_iri)) return false;
      seen.add(c.claim_iri);
      return true;
    });
  }

  async function main() {
    let data;
    try {
      data = await loadData();
    } catch (error) {
      const box = document.getElementById("load-error");
      box.textContent = "Cannot load the data: " + error.message;
      box.hidden = false;
      return;
    }
    showStats(data.stats);
    showLegend(data.actors);

    const timeline = CG.Timeline(data.claims, {
      form: document.getElementById("timeline-filter"),
      actor: document.getElementById("tl-actor"),
      type: document.getElementById("tl-type"),
      from: document.getElementById("tl-from"),
      to: document.getElementById("tl-to"),
      count: document.getElementById("tl-count"),
      svg: document.getElementById("timeline-svg"),
      list: document.getElementById("timeline-list"),
    });

    const panel = document.getElementById("actor-panel");
    const graph = CG.ForceGraph(document.getElementById("graph-svg"), data.actors, {
      onSelect: function (node) {
        showActor(panel, node, data.claims);
        if (node) timeline.showActor(node.id);
      },
    });
    document.getElementById("graph-fit").addEventListener("click", graph.fit);

    CG.Sparql({
      hint: document.getElementById("sparql-hint"),
      list: document.getElementById("query-list"),
      text: document.getElementById("query-text"),
      run: document.getElementById("run-query"),
      status: document.getElementById("query-status"),
      results: document.getElementById("results"),
    }, {
      endpoint: data.live ? "sparql" : null,
      queries: data.queries,
      precomputed: data.query_results,
    });

    // Tests wait for this before they click.
    document.body.dataset.ready = "true";
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
  else main();
})(window.CG);
