// Loads a Cytoscape.js JSON export (claimgraph graph --format cytoscape) into
// cytoscape.js itself (headless) and prints its node and edge counts as JSON.
import cytoscape from "cytoscape";
import { readFileSync } from "node:fs";

const exported = JSON.parse(readFileSync(process.argv[2], "utf8"));
const cy = cytoscape({ headless: true, elements: exported.elements });
const labelled = cy.nodes().every((n) => typeof n.data("label") === "string" && n.data("label").length > 0);
console.log(JSON.stringify({ nodes: cy.nodes().length, edges: cy.edges().length, labelled }));
