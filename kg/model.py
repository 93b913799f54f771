"""Plain dataclasses the pipeline stages pass to one another."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from enum import Enum

from kg.text import Sentence


@dataclass
class Document:
    """One article as read: its text, where it came from and what the text says of its date."""
    doc_id: str            # stable id from the file name, e.g. "000-b2e2f448fcc49fe2"
    source_file: str       # file name as found in the corpus
    text: str
    sha256: str
    published: str | None = None   # ISO date when the text or the input gives one
    url: str | None = None
    title: str | None = None       # the headline: a .jsonl record's title, an HTML page's <title> or <h1>


class MentionSource(Enum):
    """What read a mention: the stages after recognition branch on it (a pair to resolve, a
    role to link at its date, a delegation that is not a participant …), so it is a closed set."""
    GAZETTEER = "gazetteer"      # a name the knowledge base knows
    PATTERN = "pattern"          # a rule around a known word: titled person, body, base, place
    STANZA = "stanza"            # a span the NER model tagged and nothing else read
    ALIAS = "alias"              # a body's whole name around a shorter one the rules read
    ACRONYM = "acronym"          # '(واس)' after the name it abbreviates
    DELEGATION = "delegation"    # 'وفد روسي': the state of a delegation, not a participant
    DESCRIBED = "described"      # 'قاعدة عسكرية في كينيا': a base described, not named
    SHORT = "short"              # a later short form of a name given in full before
    ROLE = "role"                # a role without a name ('وزير الخارجية الروسي')
    COUNTERPART = "counterpart"  # 'نظيره الروسي': the counterpart of the person before
    PAIR = "pair"                # 'الزعيمان': the two leaders named before, still to resolve
    PAIR_OF = "pair-of"          # one of the two leaders a pair stood for

    def __repr__(self) -> str:
        return f"MentionSource.{self.name}"


@dataclass(frozen=True, init=False)
class Mention:
    """A span of a document that names or describes an entity."""
    start: int             # first token index
    end: int               # token index after the span
    char_start: int
    char_end: int
    surface: str           # the name as written, without attached clitics
    type: str              # Person | State | Organization | Place | MilitaryBase | GPE
    source: MentionSource  # what read it
    entity_id: str | None = None     # gazetteer id when known
    role: str | None = None          # title given with the name ("وزير الدفاع")
    affiliation: str | None = None   # state the title or adjective ties the person to
    sentence: int = -1
    subtype: str | None = None       # an organization's kind when the text says it ("وكالة")

    def __init__(self, start: int, end: int, char_start: int, char_end: int, surface: str, type: str,
                 source: MentionSource, entity_id: str | None = None, role: str | None = None,
                 affiliation: str | None = None, sentence: int = -1, subtype: str | None = None) -> None:
        # a frozen dataclass's own __init__ sets each field through object.__setattr__: 2 µs a
        # mention, made by the hundred thousand; filling __dict__ at once takes under half of that
        self.__dict__.update(start=start, end=end, char_start=char_start, char_end=char_end, surface=surface,
                             type=type, source=source, entity_id=entity_id, role=role,
                             affiliation=affiliation, sentence=sentence, subtype=subtype)


def evolve(m: Mention, **changes) -> Mention:
    """A copy of a mention with some fields changed: dataclasses.replace without re-running
    __init__ (mentions are copied once per link, by the hundred thousand)."""
    new = object.__new__(Mention)
    new.__dict__.update(m.__dict__, **changes)
    return new


def evidence_lines(evidence: str) -> list[str]:
    """The sentences of a fact's evidence (one per line), stripped, blank lines left out."""
    return [line.strip() for line in evidence.split("\n") if line.strip()]


def sources_of(fact) -> list[tuple[str, list[str]]]:
    """(document id, the evidence sentences read from it) per source of a meeting, treaty or base.

    A fact read from one document has all its evidence from it; a merged fact says which
    sentence came from which document (`sources`, filled by the merge)."""
    if fact.sources is not None:
        return list(fact.sources)
    lines = list(dict.fromkeys(evidence_lines(fact.evidence)))
    return [(d, lines) for d in fact.documents]


@dataclass
class Entity:
    """A real-world thing found in one or more documents."""
    id: str                # gazetteer id or a slug of the normalized name
    type: str
    label_ar: str
    label_en: str | None = None
    alt_labels: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    affiliation: str | None = None
    wikidata: str | None = None
    subtype: str | None = None
    documents: set[str] = field(default_factory=set)
    mentions: int = 0
    located_in: str | None = None   # places and bases: the place or state they lie in
    lat: float | None = None        # places and bases: WGS84 coordinates when the knowledge base has them
    long: float | None = None


@dataclass(frozen=True)
class Date:
    """A date to the precision the text gives: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""
    value: str
    end: str | None = None      # last day of a range ("from 19 to 22 February")

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]

    def days(self) -> tuple[str, str]:
        """The first and last day (ISO) the date covers: a year, a month, a day, or up to a range's
        end; what kg:startDate/kg:endDate and the exports' start/end columns say."""
        last = self.end if self.end and self.end > self.value else self.value
        if len(last) == 4:
            last += "-12-31"
        elif len(last) == 7:
            last += f"-{calendar.monthrange(int(last[:4]), int(last[5:7]))[1]:02d}"
        return self.value + {"year": "-01-01", "month": "-01", "day": ""}[self.precision], last

    def compatible(self, other: "Date") -> bool:
        """Same date at the coarser precision, or one falls inside the other's range."""
        a, b = self.value, other.value
        if a.startswith(b) or b.startswith(a):
            return True
        return any(r.end and r.value <= d.value[:10] <= r.end for r, d in ((self, other), (other, self)))


@dataclass
class Meeting:
    kind: str                       # Meeting | Visit | PhoneCall | Talks | Message | Summit
    participants: list[str]         # entity ids
    date: Date | None
    location: str | None            # entity id of a place, state or base
    evidence: str
    documents: list[str]
    sentence: int = -1
    paragraph: int = -1
    date_unresolved: bool = False   # the text gives a date kg could not resolve ("أيلول الماضي")
    sources: object = None           # (document id, sentences) pairs: kg.merge.Sources


@dataclass
class Treaty:
    label: str
    parties: list[str]
    date: Date | None
    evidence: str
    documents: list[str]
    alt_labels: set[str] = field(default_factory=set)
    sources: object = None           # (document id, sentences) pairs: kg.merge.Sources


@dataclass
class BaseFact:
    base: str                       # entity id of the base
    kind: str                       # AirBase | NavalBase | MilitaryBase
    located_in: list[str]
    operated_by: list[str]
    evidence: str
    documents: list[str]
    sources: object = None           # (document id, sentences) pairs: kg.merge.Sources


@dataclass
class DocResult:
    """Everything read from one document: a pure function of the document and the knowledge base."""
    document: Document
    entities: dict[str, Entity]
    meetings: list[Meeting]
    treaties: list[Treaty]
    bases: list[BaseFact]
    notices: list[str] = field(default_factory=list)


@dataclass
class Corpus:
    """The merged result of all documents."""
    documents: list[Document]
    entities: dict[str, Entity]
    meetings: list[Meeting]
    treaties: list[Treaty]
    bases: list[BaseFact]


SentenceList = list[Sentence]
