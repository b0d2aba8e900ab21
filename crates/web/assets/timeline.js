// The timeline of who said what when: one lane per speaker, one dot per
// claim at its date, coloured by type; below it the same claims as a list.
// Filters by actor (speaker or addressee), claim type and date range.
"use strict";
window.CG = window.CG || {};

(function (CG) {
  const LANE_HEIGHT = 26;
  const LABEL_WIDTH = 170;
  const AXIS_HEIGHT = 28;
  const MAX_LISTED = 500;

  // claims: the rows of /api/data (one per claim and article); elements: the form's parts.
  CG.Timeline = function (claims, elements) {
    const unique = uniqueClaims(claims);
    fillChoices(elements.actor, actorChoices(unique));
    fillChoices(elements.type, CG.CLAIM_TYPES.filter(function (t) {
      return unique.some(function (c) { return c.claim_type === t; });
    }).map(function (t) { return [t, t]; }));
    elements.form.addEventListener("input", render);
    elements.form.addEventListener("reset", function () { setTimeout(render, 0); });
    render();

    function currentFilter() {
      return {
        actor: elements.actor.value,
        type: elements.type.value,
        from: elements.from.value ? CG.firstDay(elements.from.value) : null,
        to: elements.to.value ? CG.lastDay(elements.to.value) : null,
      };
    }

    function render() {
      const shown = unique.filter(passes(currentFilter()));
      elements.count.textContent = shown.length + " of " + unique.length + " claims";
      drawLanes(elements.svg, shown, showInList);
      CG.clear(elements.list);
      for (const claim of shown.slice(0, MAX_LISTED)) elements.list.append(CG.claimCard(claim));
      if (shown.length > MAX_LISTED) {
        elements.list.append(CG.el("li", { class: "muted", text: "\u2026 and " + (shown.length - MAX_LISTED) + " more; narrow the filter to see them." }));
      }
    }

    function showInList(claim) {
      const card = elements.list.querySelector('[data-claim="' + CSS.escape(claim.claim_iri) + '"]');
      if (!card) return;
      card.scrollIntoView({ block: "nearest", behavior: "smooth" });
      card.classList.add("flash");
      setTimeout(function () { card.classList.remove("flash"); }, 1500);
    }

    // Lets the graph set the actor filter when a node is clicked.
    return {
      showActor: function (iri) {
        if ([...elements.actor.options].some(function (o) { return o.value === iri; })) {
          elements.actor.value = iri;
          render();
        }
      },
    };
  };

  // A claim reported by several articles is one dot, shown with its first article.
  function uniqueClaims(claims) {
    const seen = new Set();
    return claims.filter(function (c) {
      if (seen.has(c.claim_iri)) return false;
      seen.add(c.claim_iri);
      return true;
    });
  }

  function actorChoices(claims) {
    const labels = new Map();
    for (const c of claims) {
      labels.set(c.speaker_iri, c.speaker_label);
      if (c.addressee_iri) labels.set(c.addressee_iri, c.addressee_label || c.addressee_iri);
    }
    return [...labels.entries()].sort(function (a, b) { return a[1].localeCompare(b[1]); });
  }

  function fillChoices(select, choices) {
    for (const [value, label] of choices) select.append(CG.el("option", { value: value, text: label }));
  }

  // The same rule as the graph crate: a date passes when the days it covers
  // overlap the range; an undated claim fails any date bound.
  function passes(filter) {
    return function (c) {
      if (filter.type && c.claim_type !== filter.type) return false;
      if (filter.actor && c.speaker_iri !== filter.actor && c.addressee_iri !== filter.actor) return false;
      if (filter.from === null && filter.to === null) return true;
      if (!c.date) return false;
      if (filter.from !== null && CG.lastDay(c.date) < filter.from) return false;
      if (filter.to !== null && CG.firstDay(c.date) > filter.to) return false;
      return true;
    };
  }

  function drawLanes(svg, claims, onPick) {
    CG.clear(svg);
    const dated = claims.filter(function (c) { return c.date; });
    const width = Math.max(600, svg.getBoundingClientRect().width || 900);
    if (!dated.length) {
      svg.setAttribute("height", 40);
      svg.setAttribute("viewBox", "0 0 " + width + " 40");
      svg.append(CG.svg("text", { x: 10, y: 24, class: "lane-label", text: "No dated claims match the filter." }));
      return;
    }
    const speakers = lanes(dated);
    const height = AXIS_HEIGHT + speakers.length * LANE_HEIGHT + 10;
    svg.setAttribute("height", height);
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);

    let first = Infinity, last = -Infinity;
    for (const c of dated) { first = Math.min(first, CG.firstDay(c.date)); last = Math.max(last, CG.lastDay(c.date)); }
    const pad = Math.max(1, Math.round((last - first) * 0.03));
    first -= pad; last += pad;
    const plotWidth = width - LABEL_WIDTH - 20;
    const x = function (day) { return LABEL_WIDTH + ((day - first) / Math.max(1, last - first)) * plotWidth; };

    svg.append(axis(first, last, x, height));
    speakers.forEach(function (speaker, i) {
      const y = AXIS_HEIGHT + i * LANE_HEIGHT + LANE_HEIGHT / 2;
      svg.append(CG.svg("line", { class: "lane-rule", x1: LABEL_WIDTH, x2: width - 10, y1: y, y2: y }));
      svg.append(CG.svg("text", { class: "lane-label", x: 6, y: y + 4, text: truncate(speaker.label, 24) }, [CG.svg("title", { text: speaker.label })]));
      for (const c of speaker.claims) {
        // A month or a year is drawn at its middle, a day at itself.
        const day = (CG.firstDay(c.date) + CG.lastDay(c.date)) / 2;
        svg.append(CG.svg("circle", {
          class: "dot", cx: x(day).toFixed(1), cy: y, r: 6, fill: CG.typeColor(c.claim_type),
          onclick: function () { onPick(c); },
        }, [CG.svg("title", { text: c.date + " \u2014 " + c.speaker_label + " (" + c.claim_type + "): " + c.content })]));
      }
    });
  }

  // Speakers in the order of their first claim.
  function lanes(claims) {
    const bySpeaker = new Map();
    const sorted = claims.slice().sort(function (a, b) { return CG.firstDay(a.date) - CG.firstDay(b.date); });
    for (const c of sorted) {
      if (!bySpeaker.has(c.speaker_iri)) bySpeaker.set(c.speaker_iri, { label: c.speaker_label, claims: [] });
      bySpeaker.get(c.speaker_iri).claims.push(c);
    }
    return [...bySpeaker.values()];
  }

  function axis(first, last, x, height) {
    const g = CG.svg("g", { class: "axis" });
    const count = 6;
    for (let i = 0; i <= count; i++) {
      const day = Math.round(first + ((last - first) * i) / count);
      const px = x(day);
      g.append(CG.svg("line", { x1: px, x2: px, y1: AXIS_HEIGHT - 6, y2: height - 6 }));
      const anchor = i === 0 ? "start" : i === count ? "end" : "middle";
      g.append(CG.svg("text", { x: px, y: 14, "text-anchor": anchor, text: CG.dayToString(day) }));
    }
    return g;
  }

  function truncate(s, n) {
    return s.length > n ? s.slice(0, n - 1) + "\u2026" : s;
  }
})(window.CG);
