"""Edits of data/curation.yaml from the review: round trip (comments, order and style kept), written
atomically (a temporary file renamed over the old one), each event's entry versioned so that a stale
browser tab cannot overwrite a newer correction.

Every function takes the loaded document and changes it in place; `save` writes it.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .._atomic import write_atomic
from .._slug import slug
from ..model import LIST_FIELDS
from .errors import ReviewError


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096  # a long title stays on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(path: Path) -> CommentedMap:
    if not path.is_file():
        return CommentedMap()
    try:
        data = _yaml().load(path.read_text(encoding="utf-8"))
    except Exception as e:  # ruamel raises several unrelated classes for bad YAML
        raise ReviewError("bad_curation", path=str(path), detail=str(e).splitlines()[0]) from None
    if data is None:
        return CommentedMap()
    if not isinstance(data, CommentedMap):
        raise ReviewError("bad_curation", path=str(path), detail="not a mapping")
    data.fa.set_block_style()  # an empty file's `{}` would keep every new entry on one line
    return data


def dump(data: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def save(path: Path, data: CommentedMap) -> None:
    write_atomic(path, dump(data))


def _plain(node):
    """A plain, ordered copy of a ruamel node (for hashing)."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def version(data: CommentedMap, event_id: str) -> str:
    """A short fingerprint of one event's corrections: what a browser tab saw when it rendered them."""
    entry = json.dumps(_plain(data.get(event_id)), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(entry.encode()).hexdigest()[:12]


def check_version(data: CommentedMap, event_id: str, seen: str | None) -> None:
    if seen != version(data, event_id):
        raise ReviewError("conflict", status=409, event=event_id)


def _entry(data: CommentedMap, event_id: str) -> CommentedMap:
    if event_id not in data:
        data[event_id] = CommentedMap()
    return data[event_id]


def _section(entry: CommentedMap, action: str) -> CommentedMap:
    if action not in entry:
        entry[action] = CommentedMap()
    return entry[action]


def _key(item) -> str:
    if isinstance(item, dict):
        return str(item.get("name") or item.get("city") or item.get("country") or "")
    return str(item)


def _drop(entry: CommentedMap, action: str, field: str, key: str | None = None) -> bool:
    """Remove `field` (or only the value `key` of a list field) from an action; True if found."""
    section = entry.get(action)
    if not section or field not in section:
        return False
    found = True
    if key is not None and isinstance(section[field], list):
        kept = [v for v in section[field] if _key(v) != key]
        found = len(kept) < len(section[field])
        section[field][:] = kept
        if kept:
            return found
    elif key is not None and _key(section[field]) != key:
        return False
    del section[field]
    if not section:
        del entry[action]
    return found


def _append(entry: CommentedMap, action: str, field: str, value) -> None:
    section = _section(entry, action)
    if field not in section:
        section[field] = CommentedSeq()
        section[field].fa.set_flow_style()
    if _key(value) not in [_key(v) for v in section[field]]:
        section[field].append(value)


def _tidy(data: CommentedMap, event_id: str) -> None:
    if event_id in data and not data[event_id]:
        del data[event_id]


def accept(data: CommentedMap, event_id: str, values: dict) -> None:
    """Record values a person found right: {field: value} for one field, or for a whole event card."""
    entry = _entry(data, event_id)
    for field, value in values.items():
        if field in LIST_FIELDS:
            for v in value if isinstance(value, list) else [value]:
                _append(entry, "accept", field, _key(v))
        else:
            _section(entry, "accept")[field] = _key(value)


def set_value(data: CommentedMap, event_id: str, field: str, value) -> None:
    """A new value for a one-valued field (title, dates, type, direction, participants, location)."""
    entry = _entry(data, event_id)
    _drop(entry, "accept", field)
    created = entry.get("create")
    if field == "title" and created is not None:
        created["title"] = value
        return
    if isinstance(value, dict):
        value = CommentedMap(value)
        value.fa.set_flow_style()
    _section(entry, "set")[field] = value
    _tidy(data, event_id)


def remove_value(data: CommentedMap, event_id: str, field: str, key: str) -> None:
    """Remove a value: undo a person's addition, or record the removal of an extracted value."""
    entry = _entry(data, event_id)
    _drop(entry, "accept", field, key)
    if not _drop(entry, "add", field, key):
        _append(entry, "remove", field, key)
    _tidy(data, event_id)


def add_value(
    data: CommentedMap, event_id: str, field: str, value, at: tuple[int, int] | None, quote: str | None = None
) -> None:
    """Add a value to a list field, with the page span it comes from (`at`) and the text there (`quote`),
    by which the span is found again when the page changes (curate.locate)."""
    if field not in LIST_FIELDS:
        raise ReviewError("bad_field", field=field)
    entry = _entry(data, event_id)
    item = CommentedMap(value if isinstance(value, dict) else {"name": value})
    if at:
        item["at"] = CommentedSeq(at)
        item["at"].fa.set_flow_style()
        if quote:
            item["quote"] = quote
    item.fa.set_flow_style()
    if _drop(entry, "remove", field, _key(item)):
        return  # it had been removed: undoing that is enough
    if not at and not isinstance(value, dict):
        item = value
    _append(entry, "add", field, item)


def replace_value(data: CommentedMap, event_id: str, field: str, old: str, new, at=None, quote=None) -> None:
    remove_value(data, event_id, field, old)
    add_value(data, event_id, field, new, at, quote)


def delete_event(data: CommentedMap, event_id: str) -> None:
    """An invented event: deleted (one a person created is simply forgotten)."""
    if event_id in data and data[event_id].get("create") is not None:
        del data[event_id]
        return
    data[event_id] = CommentedMap(delete=True)


def restore_event(data: CommentedMap, event_id: str) -> None:
    if event_id in data:
        del data[event_id]


# a stale correction's kind -> the actions its value is dropped from (a city named without saying which town
# was set or added)
DROPPED_FROM = {"accept": ("accept",), "add": ("add",), "remove": ("remove",), "shared_name": ("set", "add")}


def forget(data: CommentedMap, event_id: str, kind: str, field: str = "", key: str = "") -> None:
    """Drop a correction that no longer matches the page (values.Stale): an event's whole entry when
    the event is no longer extracted, its `create` when extraction now finds it by itself, else the one
    value of the action `kind` (DROPPED_FROM). Raises ReviewError if there is no such correction."""
    entry = data.get(event_id)
    if kind == "no_event" and entry is not None:
        del data[event_id]
        return
    if kind == "created_extracted" and entry is not None and "create" in entry:
        del entry["create"]
    elif kind == "created_unlocated" and entry is not None and "create" in entry:
        for key in ("at", "quote"):  # the event stays, without a span on the page
            entry["create"].pop(key, None)
    elif kind == "unlocated" and entry is not None and _unquote(entry, field, key):
        return
    elif not (
        kind in DROPPED_FROM
        and entry is not None
        and any(_drop(entry, action, field, key) for action in DROPPED_FROM[kind])
    ):
        raise ReviewError("not_stale", event=event_id)
    _tidy(data, event_id)


def carry_over(data: CommentedMap, old_id: str, new_id: str) -> None:
    """The corrections of an event no longer extracted go to the event that took its place (a title
    changed on the page gives a new id): the entry moves to the new id where it stood, with its comments.
    An accepted title is dropped: the new title is what the person has to check now."""
    if old_id not in data or new_id in data:
        raise ReviewError("not_stale", event=old_id)
    position = list(data).index(old_id)
    comment = data.ca.items.pop(old_id, None)  # a comment on the event's own line
    entry = data.pop(old_id)
    _drop(entry, "accept", "title")
    data.insert(position, new_id, entry)
    if comment is not None:
        data.ca.items[new_id] = comment
    _tidy(data, new_id)


def _unquote(entry: CommentedMap, field: str, key: str) -> bool:
    """The added value `key` of `field` keeps no span (its quoted text left the page); True if found."""
    for item in (entry.get("add") or {}).get(field) or []:
        if isinstance(item, dict) and _key(item) == key and "quote" in item:
            item.pop("at", None)
            item.pop("quote", None)
            return True
    return False


def create_event(
    data: CommentedMap, page: str, title: str, at: tuple[int, int], quote: str, taken, guesses: dict
) -> str:
    """A missed event, from the span of the page a person selected, with first guesses of the fields
    an event must have (type, direction) for the person to check; returns its new id."""
    base = f"{page}/{slug(title, max_words=8)}"
    event_id, n = base, 2
    while event_id in data or event_id in taken:
        event_id, n = f"{base}-{n}", n + 1
    span = CommentedSeq(at)
    span.fa.set_flow_style()
    create = CommentedMap(title=title, at=span, quote=quote, **guesses)
    create.fa.set_flow_style()
    data[event_id] = CommentedMap(create=create)
    return event_id


def rename_value(data: CommentedMap, field: str, old: str, new: str) -> None:
    """After two names were merged into one: every correction naming `old` names `new`."""
    for entry in data.values():
        for action in ("accept", "add", "remove"):
            values = (entry.get(action) or {}).get(field)
            if not isinstance(values, list):
                continue
            for i, value in enumerate(values):
                if isinstance(value, dict) and value.get("name") == old:
                    value["name"] = new
                elif value == old:
                    values[i] = new
