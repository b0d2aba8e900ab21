// Small helpers shared by the explorer's scripts: DOM building, colours, dates.
// Every script adds to the one global `CG`, so the files work both linked
// (claimgraph serve) and inlined (claimgraph report) without a module loader.
"use strict";
window.CG = window.CG || {};

(function (CG) {
  const SVG_NS = "http://www.w3.org/2000/svg";

  // An HTML element: el("p", {class: "x"}, ["text", child]).
  CG.el = function (tag, attrs, children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  };

  // An SVG element, the same way.
  CG.svg = function (tag, attrs, children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  };

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
  }

  function append(node, children) {
    for (const child of [].concat(children || [])) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
  }

  CG.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  };

  // One colour per claim type, chosen to stay apart from each other.
  const TYPE_COLORS = {
    statement: "#6b7b8c", demand: "#d62728", appeal: "#e377c2", warn: "#ff7f0e",
    deny: "#8c564b", reject: "#9467bd", announce: "#1f77b4", promise: "#17becf",
    accuse: "#b5179e", confirm: "#2ca02c", agree: "#7fb800", expect: "#bcbd22",
  };
  CG.CLAIM_TYPES = Object.keys(TYPE_COLORS);
  CG.typeColor = function (type) {
    return TYPE_COLORS[type] || "#888888";
  };

  const KIND_COLORS = { person: "#4e79a7", organization: "#f28e2b", country: "#59a14f", actor: "#9aa5b1" };
  CG.KINDS = Object.keys(KIND_COLORS);
  CG.kindColor = function (kind) {
    return KIND_COLORS[kind] || KIND_COLORS.actor;
  };

  // Dates come as "YYYY", "YYYY-MM" or "YYYY-MM-DD". Days are counted from
  // 1970-01-01 in UTC so that no time zone shifts a claim to another day.
  CG.firstDay = function (date) {
    const p = parseDate(date);
    return p ? Date.UTC(p.y, (p.m || 1) - 1, p.d || 1) / 86400000 : null;
  };
  CG.lastDay = function (date) {
    const p = parseDate(date);
    if (!p) return null;
    if (p.d) return Date.UTC(p.y, p.m - 1, p.d) / 86400000;
    if (p.m) return Date.UTC(p.y, p.m, 1) / 86400000 - 1; // the day before the next month
    return Date.UTC(p.y + 1, 0, 1) / 86400000 - 1;
  };
  CG.dayToString = function (day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  };

  function parseDate(date) {
    const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date || "");
    return m ? { y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null } : null;
  }

  // Known namespaces, as the command line shortens them.
  const PREFIXES = [
    ["cgt:", "https://claimgraph.dev/id/claim-type/"],
    ["claim:", "https://claimgraph.dev/id/claim/"],
    ["actor:", "https://claimgraph.dev/id/actor/"],
    ["article:", "https://claimgraph.dev/id/article/"],
    ["outlet:", "https://claimgraph.dev/id/outlet/"],
    ["cgid:", "https://claimgraph.dev/id/"],
    ["cg:", "https://claimgraph.dev/ns#"],
    ["schema:", "http://schema.org/"],
    ["prov:", "http://www.w3.org/ns/prov#"],
    ["skos:", "http://www.w3.org/2004/02/skos/core#"],
    ["oa:", "http://www.w3.org/ns/oa#"],
    ["owl:", "http://www.w3.org/2002/07/owl#"],
    ["rdfs:", "http://www.w3.org/2000/01/rdf-schema#"],
    ["rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"],
    ["xsd:", "http://www.w3.org/2001/XMLSchema#"],
    ["wd:", "http://www.wikidata.org/entity/"],
  ];
  CG.shortIri = function (iri) {
    for (const [prefix, ns] of PREFIXES) {
      if (iri.startsWith(ns) && iri.length > ns.length) return prefix + iri.slice(ns.length);
    }
    return "<" + iri + ">";
  };

  // A claim as a card: who, when, type, cue; the content; the sentence; the article.
  CG.claimCard = function (claim, options) {
    const opts = options || {};
    const color = CG.typeColor(claim.claim_type);
    const article = [claim.article_title || claim.article_id, claim.outlet].filter(Boolean).join(" · ");
    const head = [
      opts.hideSpeaker ? null : CG.el("span", { class: "who", text: claim.speaker_label }),
      CG.el("span", { class: "badge", text: claim.claim_type }),
      CG.el("span", { text: "\u201e" + claim.cue + "\u201c" }),
      claim.addressee_label ? CG.el("span", { text: "\u2192 " + claim.addressee_label }) : null,
      CG.el("span", { class: "date", text: claim.date || "undated" }),
    ];
    return CG.el("li", { class: "claim", style: "--type-color:" + color, "data-claim": claim.claim_iri }, [
      CG.el("div", { class: "claim-head" }, head),
      CG.el("p", { class: "claim-content", text: claim.content }),
      claim.sentence ? CG.el("p", { class: "claim-sentence", text: claim.sentence }) : null,
      CG.el("div", { class: "claim-source", title: claim.article_iri, text: "Article: " + article }),
    ]);
  };
})(window.CG);
