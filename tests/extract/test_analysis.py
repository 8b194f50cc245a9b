from __future__ import annotations

import ast
import dataclasses
import pickle
from pathlib import Path

import pytest

import kg.extract
from kg.extract import DocExtraction, extract_document, parse_text
from kg.extract.analysis import TokenTable, analyze
from kg.extract.lexicon import default_lexicon
from kg.model import Article

ANALYSIS_DIR = Path(kg.extract.__file__).parent / "analysis"


def _analysis(nlp, text: str):
    article = Article("a", text)
    return analyze(article, nlp(parse_text(article)), default_lexicon())


def test_first_person_speakers_resolve_without_recursion(nlp):
    text = (
        "Governor Ruth Oyelaran spoke to reporters on Friday.\n\n"
        "“We will veto the ferry levy,” she said. “I said it before and I say it again.”"
    )
    analysis = _analysis(nlp, text)
    doc = analysis.doc
    first_person = [t for t in doc if t.lower_ in ("we", "i")]
    assert first_person
    assert {analysis.actor(t).entity.label for t in first_person} == {"Ruth Oyelaran"}


def test_the_analysis_cannot_be_changed_by_a_rule(nlp):
    analysis = _analysis(nlp, "Senator Ann Lee opposes the tariff bill.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        analysis.speakers = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        analysis.referents[0] = None  # type: ignore[index]


def test_a_token_table_answers_each_token_once_and_only_when_asked():
    asked = []

    def answer(i: int) -> str | None:
        asked.append(i)
        return f"t{i}" if i % 2 == 0 else None

    table = TokenTable(6, answer)
    assert table.get(2) == "t2" and table.get(2) == "t2" and table[4] == "t4"
    assert table.get(3) is None and table.get(3, "none") == "none" and 3 not in table
    assert table.get(99) is None and table.get(-1) is None
    assert asked == [2, 4, 3]
    assert dict(table) == {0: "t0", 2: "t2", 4: "t4"} and len(table) == 3
    with pytest.raises(KeyError):
        table[1]
    with pytest.raises(TypeError):
        table[0] = "x"  # type: ignore[index]


def test_the_lazy_tables_hold_what_asking_every_token_gives(nlp):
    analysis = _analysis(
        nlp,
        "Mayor Ines Varga backs the Harbor Renewal Act. The council passed it, "
        "and she said she would sign the bill.",
    )
    referents = {t.i: r for t in analysis.doc if (r := analysis.actor(t)) is not None}
    laws = {t.i: law for t in analysis.doc if (law := analysis.issue_antecedent(t)) is not None}
    assert referents and laws
    assert dict(analysis.referents) == referents and dict(analysis.laws) == laws


@pytest.mark.parametrize(
    "text",
    [
        "Brightwell Foods and Pellicott Logistics signed the pact. The two companies said "
        "they would back the Dockside Freight Act.",
        "Opponents, led by the Harbor Alliance and the Tenants Union of Dunmore, rallied. "
        "Groups such as Clearwater Watch and River Friends, which oppose the levy, spoke.",
    ],
)
def test_the_groups_are_those_of_every_token(nlp, text):
    analysis = _analysis(nlp, text)
    every = [analysis.actor(t) for t in analysis.doc]
    groups = {r.entity.key: r.members for r in every if r is not None and r.members}
    assert groups and dict(analysis.groups) == groups


def test_extract_document_is_the_unit_of_work(nlp):
    article = Article("a1", "Senator Ann Lee opposes the tariff bill.")
    found = extract_document(article, nlp(parse_text(article)), lexicon=default_lexicon())
    assert isinstance(found, DocExtraction) and found.article == "a1"
    assert pickle.loads(pickle.dumps(found)) == found
    assert {(c.subject.label, c.predicate) for c in found.claims} >= {("Ann Lee", "opposes")}
    assert [e.label for e in found.entities] == ["Ann Lee"]
    assert [m.entity for m in found.mentions] == [found.entities[0].key]


def test_pronouns_are_resolved_by_offset_not_by_scanning(nlp):
    # many mentions and quotes before the pronoun: the nearest subject still wins
    filler = " ".join(f"“Fine,” said Ann Lee{n}." for n in range(30))
    text = f"{filler} The Harbor Council met. It rejected the dredging plan."
    analysis = _analysis(nlp, text)
    it = next(t for t in analysis.doc if t.text == "It")
    assert analysis.actor(it).entity.label == "Harbor Council"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_the_analysis_imports_nothing_above_it():
    allowed = (
        "kg.extract.analysis",
        "kg.extract.doctext",
        "kg.extract.labels",
        "kg.extract.lexicon",
    )
    for path in ANALYSIS_DIR.glob("*.py"):
        upward = {
            m for m in _imports(path) if m.startswith("kg.extract") and not m.startswith(allowed)
        }
        assert not upward, f"{path.name} imports {upward}"


def test_a_new_bill_takes_the_name_given_to_it_next(extract):
    claims = extract(
        "Senator Ann Lee introduced legislation to cap ferry fares. It would take effect in "
        "May.\n\nThe Island Fare Relief Act would also fund new boats."
    )
    assert ("Ann Lee", "proposes", "Island Fare Relief Act") in {
        (c.subject.label, c.predicate, c.object.label) for c in claims
    }


def test_a_law_named_before_is_not_taken_for_a_new_one(extract):
    claims = extract(
        "The Island Fare Relief Act passed in May. Senator Ann Lee praised the bill on Monday."
    )
    assert ("Ann Lee", "praises", "Island Fare Relief Act") in {
        (c.subject.label, c.predicate, c.object.label) for c in claims
    }


def test_that_joining_a_clause_does_not_hide_the_antecedent(nlp):
    analysis = _analysis(
        nlp, "I thank Governor Rosa Pike, who has said from the start that she would help."
    )
    she = next(t for t in analysis.doc if t.lower_ == "she")
    assert analysis.actor(she).entity.label == "Rosa Pike"


def test_what_is_signed_is_never_an_organisation(nlp):
    analysis = _analysis(
        nlp, "The Harbor Council passed the levy bill. Governor Rosa Pike said she would sign it."
    )
    it = next(t for t in analysis.doc if t.lower_ == "it")
    assert analysis.actor(it) is None


def test_a_party_noun_in_apposition_stands_for_the_named_person(extract):
    found = {
        (c.subject.label, c.predicate, c.object.label)
        for c in extract("One Democrat, Rep. Ann Lee of Ohio, voted against the levy bill.")
    }
    assert ("Ann Lee", "opposes", "levy bill") in found
    assert not any(s == "Democrat" for s, _, _ in found)
