"""The summary as FHIR R4 for the clinic's system: a Composition-based document Bundle with the
QuestionnaireResponse of the self-check, validated with fhir.resources (R4B models: the same structure as R4
for Bundle, Composition, QuestionnaireResponse, Questionnaire and Device)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi import FastAPI
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.composition import Composition
from fhir.resources.R4B.device import Device
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from haelguiden.engine.model import KnowledgeBase
from haelguiden.web import fhir

from .conftest import ACHILLES, LADDER, RUNNER, CheckedClient, complete_answers

EMERGENCY = {**LADDER, "back_pain": "back_only"}


def download(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase, facts: dict[str, Any], lang: str
) -> dict[str, Any]:
    client.set_answers(app, complete_answers(kb, facts))
    path = (
        "/tjek/resultat/til-laegen.fhir.json"
        if lang == "da"
        else "/en/check/result/for-your-clinician.fhir.json"
    )
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/fhir+json"
    name = "haelguiden-resume.fhir.json" if lang == "da" else "haelguiden-summary.fhir.json"
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    data: dict[str, Any] = json.loads(response.content)
    return data


@pytest.mark.parametrize(("facts", "lang"), [(ACHILLES, "da"), (RUNNER, "en"), (EMERGENCY, "da")])
def test_the_summary_downloads_as_a_valid_fhir_document(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase, facts: dict[str, Any], lang: str
) -> None:
    data = download(client, app, kb, facts, lang)
    Bundle.model_validate(data)
    assert data["type"] == "document"
    assert data["identifier"]["system"] == "urn:ietf:rfc:3986"
    assert data["timestamp"]
    kinds = [e["resource"]["resourceType"] for e in data["entry"]]
    assert kinds == ["Composition", "QuestionnaireResponse", "Device"]
    assert all(e["fullUrl"].startswith("urn:uuid:") for e in data["entry"])
    composition, response, device = (e["resource"] for e in data["entry"])
    Composition.model_validate(composition)
    QuestionnaireResponse.model_validate(response)
    Questionnaire.model_validate(response["contained"][0])
    Device.model_validate(device)
    assert composition["status"] == "final"
    assert composition["type"]["coding"] == [
        {"system": "http://loinc.org", "code": "51855-5", "display": "Patient Note"}
    ]
    assert composition["author"] == [{"reference": data["entry"][2]["fullUrl"], "display": "Hælguiden"}]
    assert response["status"] == "completed"
    # the answers section points at the QuestionnaireResponse, whose answers read back unchanged
    answers_section = composition["section"][-1]
    assert answers_section["entry"] == [{"reference": data["entry"][1]["fullUrl"]}]
    assert fhir.read_answers(kb, response) == complete_answers(kb, facts)


def test_the_sections_follow_the_summary(client: CheckedClient, app: FastAPI, kb: KnowledgeBase) -> None:
    data = download(client, app, kb, ACHILLES, "da")
    composition = data["entry"][0]["resource"]
    assert composition["title"] == "Til din læge eller fysioterapeut"
    assert [s["title"] for s in composition["section"]] == [
        "Hastegrad",
        "Spørgsmål om advarselstegn",
        "Mulige årsager",
        "Øvrige svar",
    ]
    triage = composition["section"][0]["text"]
    assert triage["status"] == "generated"
    assert triage["div"].startswith(
        '<div xmlns="http://www.w3.org/1999/xhtml"><p><i>Mulige årsager – ikke en diagnose.'
    )
    assert "<p><b>Kontakt en læge i dag</b></p>" in triage["div"]
    red_flags = composition["section"][1]["text"]["div"]
    assert "<td>Jeg kan ikke stå på tæer på det ben alene</td><td>Ja <b>(advarselstegn)</b></td>" in red_flags


def test_the_result_group_carries_the_triage_level(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    data = download(client, app, kb, EMERGENCY, "en")
    response = data["entry"][1]["resource"]
    result = next(item for item in response["item"] if item["linkId"] == "result")
    triage = next(item for item in result["item"] if item["linkId"] == "result.triage")
    assert triage["answer"][0]["valueCoding"]["code"] == "emergency"
