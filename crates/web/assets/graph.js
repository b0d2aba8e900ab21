// The actor graph: a small force-directed layout drawn in SVG, with zoom
// (wheel), panning (drag the background), moving nodes (drag a node) and
// selection (click a node). No library: the layout is a plain spring model.
"use strict";
window.CG = window.CG || {};

(function (CG) {
  // Layout constants, in layout units (one unit is one pixel at zoom 1).
  const LINK_LENGTH = 140;
  const REPULSION = 9000;
  const SPRING = 0.04;
  const GRAVITY = 0.012;
  const DAMPING = 0.55;
  const MAX_STEP = 40;

  // graph: {nodes: [{id, label, kind, claim_count}], edges: [{source, target, claim_type, weight}]}
  CG.ForceGraph = function (svg, graph, options) {
    const onSelect = (options && options.onSelect) || function () {};
    const nodes = graph.nodes.map(function (n, i) {
      // Start on a spiral: deterministic, so the same data gives the same picture.
      const angle = i * 2.399963;
      const radius = 30 * Math.sqrt(i + 1);
      return Object.assign({}, n, { x: radius * Math.cos(angle), y: radius * Math.sin(angle), vx: 0, vy: 0, fixed: false });
    });
    const byId = new Map(nodes.map(function (n) { return [n.id, n]; }));
    const edges = graph.edges
      .filter(function (e) { return byId.has(e.source) && byId.has(e.target); })
      .map(function (e) { return Object.assign({}, e, { s: byId.get(e.source), t: byId.get(e.target) }); });
    spreadParallelEdges(edges);

    const view = { x: 0, y: 0, k: 1 };
    let selected = null;
    let frame = null;

    CG.clear(svg);
    const defs = CG.svg("defs");
    const viewport = CG.svg("g", { class: "viewport" });
    const edgeLayer = CG.svg("g", { class: "edges" });
    const nodeLayer = CG.svg("g", { class: "nodes" });
    viewport.append(edgeLayer, nodeLayer);
    svg.append(defs, viewport);
    addArrowMarkers(defs, edges);

    for (const e of edges) {
      const width = 1.2 + Math.min(5, Math.log2(1 + e.weight));
      e.path = CG.svg("path", {
        class: "edge",
        stroke: CG.typeColor(e.claim_type),
        "stroke-width": width,
        "marker-end": "url(#arrow-" + (e.claim_type || "other") + ")",
      }, [CG.svg("title", { text: e.claim_type + " \u00d7" + e.weight + (e.first ? " (" + e.first + (e.last && e.last !== e.first ? " \u2013 " + e.last : "") + ")" : "") })]);
      edgeLayer.append(e.path);
    }
    for (const n of nodes) {
      n.r = 6 + 4 * Math.sqrt(n.claim_count || 0);
      n.el = CG.svg("g", { class: "node", "data-id": n.id, "data-label": n.label, tabindex: 0 }, [
        CG.svg("circle", { r: n.r, fill: CG.kindColor(n.kind) }),
        CG.svg("text", { x: n.r + 4, y: 4, text: n.label }),
        CG.svg("title", { text: n.label + " (" + n.kind + ", " + (n.claim_count || 0) + " claims)" }),
      ]);
      nodeLayer.append(n.el);
      enableNodeDrag(n);
    }
    enablePanAndZoom();

    // Settle the layout before the first paint: the page shows a still picture
    // at once, and only a dragged node sets things moving again.
    const ticks = nodes.length <= 300 ? 400 : 150;
    for (let i = 0; i < ticks; i++) tick(1 - i / ticks);
    draw();
    fit();

    function tick(alpha) {
      for (let i = 0; i < nodes.length; i++) {
        const a = nodes[i];
        for (let j = i + 1; j < nodes.length; j++) {
          const b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          let d2 = dx * dx + dy * dy;
          if (d2 < 1) { dx = (i - j) * 0.5; dy = 0.5; d2 = dx * dx + dy * dy; }
          const f = (REPULSION * alpha) / d2;
          const d = Math.sqrt(d2);
          a.vx += (dx / d) * f; a.vy += (dy / d) * f;
          b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
        }
      }
      for (const e of edges) {
        const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y;
        const d = Math.sqrt(dx * dx + dy * dy) || 1;
        const f = (d - LINK_LENGTH) * SPRING * alpha;
        e.s.vx += (dx / d) * f; e.s.vy += (dy / d) * f;
        e.t.vx -= (dx / d) * f; e.t.vy -= (dy / d) * f;
      }
      for (const n of nodes) {
        n.vx -= n.x * GRAVITY * alpha;
        n.vy -= n.y * GRAVITY * alpha;
        if (n.fixed) { n.vx = 0; n.vy = 0; continue; }
        n.vx *= DAMPING; n.vy *= DAMPING;
        n.x += clamp(n.vx, MAX_STEP); n.y += clamp(n.vy, MAX_STEP);
      }
    }

    function draw() {
      for (const e of edges) e.path.setAttribute("d", edgePath(e));
      for (const n of nodes) n.el.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
      viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")");
    }

    // A curved edge that stops at the target's rim, so the arrow stays visible.
    function edgePath(e) {
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const bend = e.bend * Math.min(60, d / 3);
      const mx = (e.s.x + e.t.x) / 2 - (dy / d) * bend;
      const my = (e.s.y + e.t.y) / 2 + (dx / d) * bend;
      const ex = e.t.x - mx, ey = e.t.y - my;
      const el = Math.sqrt(ex * ex + ey * ey) || 1;
      const tx = e.t.x - (ex / el) * (e.t.r + 2), ty = e.t.y - (ey / el) * (e.t.r + 2);
      return "M" + e.s.x.toFixed(1) + "," + e.s.y.toFixed(1) + " Q" + mx.toFixed(1) + "," + my.toFixed(1) + " " + tx.toFixed(1) + "," + ty.toFixed(1);
    }

    // Shows every node: scale and move the viewport to the nodes' bounding box.
    function fit() {
      if (!nodes.length) return;
      const box = svg.getBoundingClientRect();
      const width = box.width || 800, height = box.height || 520;
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const n of nodes) {
        minX = Math.min(minX, n.x - n.r); maxX = Math.max(maxX, n.x + n.r + 8 + 7 * n.label.length);
        minY = Math.min(minY, n.y - n.r); maxY = Math.max(maxY, n.y + n.r);
      }
      const pad = 30;
      const k = Math.min(1.4, (width - 2 * pad) / Math.max(1, maxX - minX), (height - 2 * pad) / Math.max(1, maxY - minY));
      view.k = k;
      view.x = width / 2 - k * (minX + maxX) / 2;
      view.y = height / 2 - k * (minY + maxY) / 2;
      draw();
    }

    // Runs the simulation for a while after a drag, then stops.
    function reheat() {
      let alpha = 0.3;
      if (frame) cancelAnimationFrame(frame);
      const step = function () {
        tick(alpha);
        draw();
        alpha *= 0.93;
        frame = alpha > 0.01 ? requestAnimationFrame(step) : null;
      };
      frame = requestAnimationFrame(step);
    }

    function toLayout(event) {
      const box = svg.getBoundingClientRect();
      return { x: (event.clientX - box.left - view.x) / view.k, y: (event.clientY - box.top - view.y) / view.k };
    }

    function enableNodeDrag(n) {
      let start = null;
      n.el.addEventListener("pointerdown", function (event) {
        event.stopPropagation();
        start = { cx: event.clientX, cy: event.clientY, moved: false };
        n.el.setPointerCapture(event.pointerId);
      });
      n.el.addEventListener("pointermove", function (event) {
        if (!start) return;
        if (Math.abs(event.clientX - start.cx) + Math.abs(event.clientY - start.cy) > 3) start.moved = true;
        if (!start.moved) return;
        const p = toLayout(event);
        n.x = p.x; n.y = p.y; n.fixed = true;
        draw();
      });
      n.el.addEventListener("pointerup", function () {
        if (start && start.moved) reheat();
        else select(n.id);
        start = null;
      });
      n.el.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(n.id); }
      });
    }

    function enablePanAndZoom() {
      let pan = null;
      svg.addEventListener("pointerdown", function (event) {
        pan = { x: event.clientX - view.x, y: event.clientY - view.y };
        svg.classList.add("panning");
        svg.setPointerCapture(event.pointerId);
      });
      svg.addEventListener("pointermove", function (event) {
        if (!pan) return;
        view.x = event.clientX - pan.x; view.y = event.clientY - pan.y;
        draw();
      });
      svg.addEventListener("pointerup", function () { pan = null; svg.classList.remove("panning"); });
      svg.addEventListener("wheel", function (event) {
        event.preventDefault();
        const box = svg.getBoundingClientRect();
        const px = event.clientX - box.left, py = event.clientY - box.top;
        const k = Math.min(8, Math.max(0.1, view.k * Math.exp(-event.deltaY * 0.0015)));
        view.x = px - ((px - view.x) * k) / view.k;
        view.y = py - ((py - view.y) * k) / view.k;
        view.k = k;
        draw();
      }, { passive: false });
    }

    // Highlights a node and its neighbours, dims the rest, and tells the page.
    function select(id) {
      selected = id === selected ? null : id;
      const near = new Set(selected ? [selected] : []);
      for (const e of edges) {
        if (e.source === selected) near.add(e.target);
        if (e.target === selected) near.add(e.source);
      }
      for (const n of nodes) {
        n.el.classList.toggle("selected", n.id === selected);
        n.el.classList.toggle("dimmed", selected !== null && !near.has(n.id));
      }
      for (const e of edges) {
        e.path.classList.toggle("dimmed", selected !== null && e.source !== selected && e.target !== selected);
      }
      onSelect(selected ? byId.get(selected) : null);
    }

    return { fit: fit, select: select, nodeCount: nodes.length };
  };

  // Two actors with claims of several types (or in both directions) get
  // several edges: bend them to alternate sides so none hides another. Bends
  // are chosen in one orientation of the pair and turned for reversed edges.
  function spreadParallelEdges(edges) {
    const groups = new Map();
    for (const e of edges) {
      const key = [e.source, e.target].sort().join("\u0000");
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    for (const group of groups.values()) {
      group.forEach(function (e, i) {
        const side = i % 2 === 0 ? 1 : -1;
        const offset = group.length === 1 ? 0.15 : side * (0.3 + 0.35 * Math.floor(i / 2));
        e.bend = e.source < e.target ? offset : -offset;
      });
    }
  }

  function addArrowMarkers(defs, edges) {
    const types = new Set(edges.map(function (e) { return e.claim_type || "other"; }));
    for (const type of types) {
      defs.append(CG.svg("marker", {
        id: "arrow-" + type, viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: 10, markerHeight: 10, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse",
      }, [CG.svg("path", { d: "M0,0 L10,5 L0,10 z", fill: CG.typeColor(type) })]));
    }
  }

  function clamp(v, max) {
    return Math.max(-max, Math.min(max, v));
  }
})(window.CG);
