// The SPARQL panel: the ready queries, an editor, and a results table.
// Live, queries go to the endpoint next to the page; in a report, the ready
// queries' results were computed when the file was written.
"use strict";
window.CG = window.CG || {};

(function (CG) {
  // Asks for SPARQL JSON (SELECT/ASK) or Turtle (CONSTRUCT/DESCRIBE): the
  // endpoint negotiates each query form separately.
  const ACCEPT = "application/sparql-results+json, text/turtle;q=0.9";

  // options: {endpoint: URL or null, queries: [{name, description, text}], precomputed: {name: results}}
  CG.Sparql = function (elements, options) {
    const live = Boolean(options.endpoint);
    let current = null;

    elements.hint.textContent = live
      ? "Endpoint: " + new URL(options.endpoint, document.baseURI).href + " (SPARQL 1.1 Protocol; the default graph is the union of all articles)"
      : "A static report: the ready queries' results were computed when it was written. Run \u201cclaimgraph serve\u201d to query freely.";
    elements.run.disabled = !live;
    elements.run.addEventListener("click", run);
    elements.text.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
    });

    for (const q of options.queries) {
      const button = CG.el("button", { type: "button", "data-query": q.name, title: q.description, onclick: function () { choose(q, button); } }, [
        q.name,
        CG.el("span", { class: "desc", text: firstSentence(q.description) }),
      ]);
      elements.list.append(CG.el("li", {}, [button]));
    }
    if (options.queries.length) choose(options.queries[0], elements.list.querySelector("button"));

    function choose(query, button) {
      current = query;
      for (const b of elements.list.querySelectorAll("button")) b.classList.toggle("active", b === button);
      elements.text.value = query.text;
      CG.clear(elements.results);
      status("");
      if (!live) showPrecomputed(query.name);
    }

    function showPrecomputed(name) {
      const results = (options.precomputed || {})[name];
      if (results === undefined) return status("no results stored for this query");
      if (typeof results === "string") return status(results.trim(), true);
      renderJsonResults(results, false);
    }

    async function run() {
      if (!live) return;
      status("running\u2026");
      CG.clear(elements.results);
      const started = performance.now();
      try {
        const response = await fetch(options.endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: ACCEPT },
          body: new URLSearchParams({ query: elements.text.value }),
        });
        const type = response.headers.get("Content-Type") || "";
        const truncated = response.headers.get("X-Claimgraph-Truncated") === "true";
        const limit = response.headers.get("X-Claimgraph-Result-Limit");
        const seconds = ((performance.now() - started) / 1000).toFixed(2) + " s";
        if (!response.ok) return status(response.status + ": " + (await response.text()).trim(), true);
        if (type.includes("json")) {
          const n = renderJsonResults(await response.json(), truncated, limit);
          status(describeCount(n, truncated, limit) + " in " + seconds);
        } else {
          const text = await response.text();
          elements.results.append(CG.el("pre", { class: "rdf", text: text }));
          status((truncated ? "first " + limit + " triples" : "graph") + " in " + seconds);
        }
      } catch (error) {
        status("the endpoint did not answer: " + error.message, true);
      }
    }

    // Draws SPARQL JSON results; returns the number of rows (or null for ASK).
    function renderJsonResults(results, truncated, limit) {
      CG.clear(elements.results);
      if (typeof results.boolean === "boolean") {
        elements.results.append(CG.el("p", { class: "boolean", text: "ASK: " + results.boolean }));
        if (!live) status("answer stored in the report");
        return null;
      }
      const vars = results.head.vars;
      const rows = results.results.bindings;
      const head = CG.el("tr", {}, vars.map(function (v) { return CG.el("th", { text: "?" + v }); }));
      const body = rows.map(function (row) {
        return CG.el("tr", {}, vars.map(function (v) { return CG.el("td", {}, [term(row[v])]); }));
      });
      elements.results.append(CG.el("table", { class: "results-table" }, [CG.el("thead", {}, [head]), CG.el("tbody", {}, body)]));
      if (!live) status(describeCount(rows.length, truncated, limit) + " (stored in the report)");
      return rows.length;
    }

    function status(text, bad) {
      elements.status.textContent = text;
      elements.status.classList.toggle("bad", Boolean(bad));
    }

    return { current: function () { return current; }, run: run };
  };

  function describeCount(n, truncated, limit) {
    if (n === null) return "answer";
    if (truncated) return n + " rows (cut at the server's limit of " + limit + ")";
    return n + (n === 1 ? " row" : " rows");
  }

  function term(value) {
    if (!value) return "";
    if (value.type === "uri") return CG.el("span", { class: "term-iri", title: value.value, text: CG.shortIri(value.value) });
    if (value.type === "bnode") return "_:" + value.value;
    if (value.type === "triple") return "<< \u2026 >>";
    const lang = value["xml:lang"];
    return CG.el("span", {}, [value.value, lang ? CG.el("span", { class: "term-lang", text: "@" + lang }) : null]);
  }

  // The description's first sentence: comments wrap lines mid-sentence.
  function firstSentence(text) {
    const flat = (text || "").split("\n").join(" ");
    const end = flat.search(/[.?!](\s|$)/);
    return end >= 0 ? flat.slice(0, end + 1) : flat;
  }
})(window.CG);
