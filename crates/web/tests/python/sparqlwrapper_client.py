"""Queries a running claimgraph endpoint with SPARQLWrapper, a standard client.

Usage: python3 sparqlwrapper_client.py http://127.0.0.1:PORT/sparql
Prints one line per check and exits non-zero on the first failure.
"""

import sys

from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper

PREFIXES = """
PREFIX cg: <https://claimgraph.dev/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def check(condition, message):
    if not condition:
        print("FAILED: " + message)
        sys.exit(1)
    print("ok: " + message)


def main(endpoint):
    client = SPARQLWrapper(endpoint)

    client.setQuery(PREFIXES + "SELECT DISTINCT ?label WHERE { ?c a cg:Claim ; prov:wasAttributedTo/rdfs:label ?label } ORDER BY ?label")
    client.setReturnFormat(JSON)
    labels = [b["label"]["value"] for b in client.query().convert()["results"]["bindings"]]
    check(labels == ["Anna Berger", "Fischereiverband", "Südland"], "SELECT as JSON over GET: %r" % labels)

    client.setMethod(POST)
    client.setReturnFormat(XML)
    xml = client.query().convert()
    check(len(xml.getElementsByTagName("result")) == 3, "SELECT as XML over POST")

    client.setQuery(PREFIXES + "ASK { ?c a cg:Claim }")
    client.setReturnFormat(JSON)
    check(client.query().convert()["boolean"] is True, "ASK")

    client.setQuery(PREFIXES + "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a cg:Actor ; rdfs:label ?l }")
    client.setReturnFormat(TURTLE)
    turtle = client.query().convert()
    if isinstance(turtle, bytes):
        turtle = turtle.decode("utf-8")
    check("Fischereiverband" in turtle, "CONSTRUCT as Turtle")


if __name__ == "__main__":
    main(sys.argv[1])
