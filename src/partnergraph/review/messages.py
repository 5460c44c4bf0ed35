"""The review's strings by key: labels, help and error messages, as English msgids of the portal's message
catalogs (src/partnergraph/web/locale: their Polish is in locale/pl with every other interface string)."""

from __future__ import annotations

from ..web.templating import N_, translate

LANGS = ("pl", "en")

MESSAGES = {
    "app_title": N_("partnergraph review"),
    "queue": N_("Queue"),
    "error": N_("Error"),
    "back_to_queue": N_("Back to the queue"),
    "pages": N_("Pages"),
    "page": N_("Page"),
    "events": N_("events"),
    "n_values": N_("Values"),
    "open": N_("open"),
    "reviewed": N_("reviewed"),
    "corrected": N_("corrected"),
    "all": N_("all"),
    "all_reviewed": N_("all reviewed"),
    "field": N_("Field"),
    "state": N_("State"),
    "value": N_("Value"),
    "confidence": N_("Confidence"),
    "evidence": N_("Evidence"),
    "filter": N_("Filter"),
    "no_values": N_("No values match."),
    "doubtful_first": N_("Doubtful values first (lowest confidence at the top)."),
    "accept": N_("Accept"),
    "accept_card": N_("Accept all"),
    "change": N_("Change"),
    "remove": N_("Remove"),
    "save": N_("Save"),
    "cancel": N_("Cancel"),
    "delete_event": N_("Delete event (invented)"),
    "restore_event": N_("Restore"),
    "deleted": N_("deleted"),
    "created": N_("added by a person"),
    "removed": N_("removed"),
    "no_evidence": N_("no evidence in the text"),
    "add_as": N_("Add the selection as"),
    "new_event": N_("new event"),
    "split": N_("split off as an event"),
    "merge_into": N_("Same event as…"),
    "same_as": N_("Same organisation as…"),
    "new_org": N_("New organisation…"),
    "kind": N_("Kind"),
    "country": N_("Country (ISO code)"),
    "pick_city": N_("Pick a city…"),
    "people": N_("{n} people"),
    "search": N_("Search"),
    "graph_current": N_("graph up to date"),
    "graph_updating": N_("updating the graph…"),
    "graph_failed": N_("graph not updated for: {pages} (tried again at the next save)"),
    "graph_refused": N_(
        "corrections the graph refuses, left out of it (those events stay as extracted): {events}"
    ),
    "refused": N_(
        "The graph refuses this event's corrections: the event stays in it as extracted, with every other correction applied, until a correction of it is saved that the graph takes. Broken rules:"
    ),
    "forget_refused": N_("Forget this event's corrections"),
    "forget_refused_confirm": N_(
        "Forget every correction of {event} in curation.yaml? The event stays as extracted, as the graph holds it now."
    ),
    "stale": N_("Corrections that no longer match"),
    "n_stale": N_("corrections that no longer match: {n}"),
    "lost_event": N_("the corrections of {event} apply to nothing: the event is no longer extracted"),
    "lost_successor": N_("(renamed? now perhaps {event})"),
    "carry_over": N_("Carry the corrections over"),
    "carry_to": N_("to the event"),
    "pick_event": N_("— choose the event —"),
    "choose_target": N_("Choose the event the corrections belong to."),
    "stale_help": N_(
        "The page or the extractor changed since these corrections were made. Correct the event again if needed, then forget the old correction."
    ),
    "forget": N_("Forget"),
    "stale_kinds": {
        "no_event": N_(
            "Event {event} is no longer extracted from this page (its title may have changed): its corrections apply to nothing."
        ),
        "created_extracted": N_("Event {event}, added by a person, is now found by extraction itself."),
        "accept": N_("Accepted {field} “{value}” is no longer extracted ({event})."),
        "remove": N_("Removed {field} “{value}” is no longer extracted: nothing to remove ({event})."),
        "add": N_("Added {field} “{value}” is now found by extraction itself ({event})."),
        "unlocated": N_(
            "The text that {field} “{value}” was added from is no longer on the page: the value is kept without it ({event})."
        ),
        "created_unlocated": N_(
            "The text event {event} was added from is no longer on the page: the event is kept without it."
        ),
        "shared_name": N_(
            "The corrections of {event} name the city “{value}” without saying which: several towns of that country have this name, so the correction is not applied. Pick the town again (Change), or forget the correction."
        ),
    },
    "keys_help": N_(
        "Keys: j / k next / previous value, a accept value, A accept the event, Enter show its text."
    ),
    "lang_other": N_("Polski"),
    "target_event": N_("Adds to the event"),
    "choose_event": N_("Select an event card first (click it), then the text."),
    "fields": {
        "title": N_("title"),
        "start": N_("start"),
        "end": N_("end"),
        "type": N_("type"),
        "direction": N_("direction"),
        "participants": N_("participants"),
        "location": N_("location"),
        "cities": N_("city"),
        "countries": N_("country"),
        "organisations": N_("organisation"),
        "persons": N_("person"),
        "projects": N_("project"),
        "programmes": N_("programme"),
        "units": N_("unit"),
        "topics": N_("topic"),
    },
    "errors": {
        "no_token": N_(
            "Refused: this request does not carry the review's token (open the review from the link it printed)."
        ),
        "bad_host": N_("Refused: the review answers only on this computer's own address."),
        "conflict": N_(
            "Not saved: event {event} was changed in another tab or window meanwhile. Reload the page to see that change, then correct again."
        ),
        "registry_conflict": N_(
            "Not saved: the registry of organisations or places was changed in another tab meanwhile. Reload the page."
        ),
        "bad_curation": N_("{path} cannot be read ({detail}); fix it by hand, then reload."),
        "bad_field": N_("Unknown field {field}."),
        "bad_request": N_("Bad request: {detail}."),
        "no_event": N_("No event {event} on this page."),
        "no_page": N_("No page {page}."),
        "not_refused": N_("The graph does not refuse the corrections of {event}; reload the page."),
        "not_stale": N_("Event {event} has no such correction that no longer matches; reload the page."),
        "not_found": N_("Nothing at {path}."),
        "no_city": N_("No city named {name} in the gazetteer."),
        "which_city": N_("Several towns are named {name}: {towns}. Pick one from the list."),
        "same_name": N_("{name} is the same name."),
        "both_registered": N_("{name} and {into} are both in the registry already; merge them by hand."),
        "already_registered": N_("{name} is already in the registry."),
        "bad_kind": N_("Kind {kind} should be one word such as ngo or university."),
        "bad_country": N_("Unknown country code {country}."),
        "bad_value": N_("{value} is not a valid {field}."),
        "dates_order": N_("Not saved: the end ({end}) would come before the start ({start})."),
    },
}


def messages(lang: str) -> dict:
    """The review's strings in `lang`, by key (errors under 'errors', field names under 'fields')."""
    return translate(lang, MESSAGES)


def pick_language(requested: str | None, accept_language: str | None) -> str:
    if requested in LANGS:
        return requested
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "pl"


def error_message(lang: str, key: str, params: dict) -> str:
    template = MESSAGES["errors"].get(key)
    template = translate(lang, template) if template else key
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
