"""The graph's vocabulary, written once: the classes, meeting kinds, base kinds and properties of
../shared/CONTRACT.md (declared in ontologies/kg.ttl, checked by ontologies/shapes.ttl).

graph, evaluate, stats, the page and the CLI read these names from here, so a class added to the
contract is one edit (tests/test_vocab.py checks the ontology and shapes declare each of them).
"""
from __future__ import annotations

from rdflib import Namespace

KG = Namespace("https://w3id.org/arabic-kg/ontology#")
KGR = Namespace("https://w3id.org/arabic-kg/resource/")
WD = Namespace("http://www.wikidata.org/entity/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

#: Actors: who meets, signs and operates.
ACTOR_CLASSES = ("Person", "State", "Organization")
#: Every class an entity of the graph has (the gazetteer's and the recognizers' types).
ENTITY_CLASSES = (*ACTOR_CLASSES, "Place", "MilitaryBase")
#: Subclasses of kg:Meeting: what kind of meeting a trigger word says it was.
MEETING_KINDS = ("Visit", "PhoneCall", "Talks", "Message", "Summit")
#: Subclasses of kg:MilitaryBase.
BASE_KINDS = ("AirBase", "NavalBase")
#: Classes of the facts and their sources.
FACT_CLASSES = ("Meeting", "Treaty", "Document")
#: Every class kg writes.
ALL_CLASSES = (*ENTITY_CLASSES, *FACT_CLASSES, *BASE_KINDS, *MEETING_KINDS)

#: Path segment of an entity's IRI under KGR, by class.
PATH_OF_TYPE = {"Person": "person", "State": "state", "Organization": "org", "Place": "place",
                "MilitaryBase": "base"}

#: kg: properties the graph uses.
PROPERTIES = ("sourceFile", "sha256", "published", "url", "mentionedIn", "affiliation", "role", "subtype",
              "participant", "date", "location", "party", "locatedIn", "operatedBy", "evidence", "title",
              "startDate", "endDate")

#: What `kg eval --details` lists, in order: each entity class, then the facts.
SCORED_KINDS = (*ENTITY_CLASSES, "meetings", "treaties")
