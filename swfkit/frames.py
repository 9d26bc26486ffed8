"""SWF models as pandas data frames, for analysts.

One row per item, one flat snake_case column per field: HAL links are
dropped, nested values (a notificatie's ``properties``) become
``properties_<name>`` columns, datetimes are ``datetime64[ns, UTC]``, code
lists are categoricals that know every value of their enum. Frames hold
metadata only, never document contents. Needs the ``frames`` extra
(``pip install 'swfkit[frames]'``).
"""

from __future__ import annotations

import datetime as dt
import logging
import types
import typing
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any

from swfkit.client.models import SwfModel
from swfkit.client.wire import to_snake

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

_DROPPED = frozenset({"links"})


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "data frames need pandas: pip install 'swfkit[frames]'"
        ) from exc
    return pandas


def to_frame(
    items: Iterable[SwfModel], *, model: type[SwfModel] | None = None
) -> pd.DataFrame:
    """A data frame with one row per model.

    Args:
        items: models of one kind (a list or a lazy collection).
        model: the model class; needed only to give an empty result its
            columns.

    Raises:
        ImportError: pandas is not installed.
        TypeError: the items are not all of one model class.
    """
    pandas = _pandas()
    rows = list(items)
    kind = model or (type(rows[0]) if rows else None)
    if kind is None:
        return pandas.DataFrame()
    if any(type(row) is not kind for row in rows):
        raise TypeError(f"to_frame takes models of one kind ({kind.__name__})")

    records = [_flatten(row) for row in rows]
    columns = _columns(kind, records)
    frame = pandas.DataFrame.from_records(records, columns=columns)
    for name, annotation in _fields(kind).items():
        _convert(frame, name, annotation, pandas)
    return frame


def _fields(kind: type[SwfModel]) -> dict[str, Any]:
    return {
        name: info.annotation
        for name, info in kind.model_fields.items()
        if name not in _DROPPED
    }


def _flatten(item: SwfModel) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for name in _fields(type(item)):
        value = getattr(item, name)
        if isinstance(value, dict):
            for key, nested in value.items():
                record[f"{name}_{to_snake(str(key))}"] = nested
        else:
            record[name] = value
    return record


def _columns(kind: type[SwfModel], records: list[dict[str, Any]]) -> list[str]:
    # Model order first; keys of nested dicts where their field was.
    columns: list[str] = []
    for name in _fields(kind):
        nested = sorted({k for r in records for k in r if k.startswith(f"{name}_")})
        if _is_dict_field(kind, name):
            columns.extend(nested)
        else:
            columns.append(name)
    return columns


def _is_dict_field(kind: type[SwfModel], name: str) -> bool:
    return dict in _members(kind.model_fields[name].annotation)


def _members(annotation: Any) -> set[Any]:
    """The plain types inside an annotation (``X | None`` -> {X, NoneType})."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_members(arg) for arg in typing.get_args(annotation)))
    return {origin or annotation}


def _convert(frame: Any, name: str, annotation: Any, pandas: Any) -> None:
    if name not in frame.columns:
        return
    members = _members(annotation)
    if dt.datetime in members:
        frame[name] = pandas.to_datetime(frame[name], utc=True).astype(
            "datetime64[ns, UTC]"
        )
    elif dt.date in members:
        frame[name] = pandas.to_datetime(frame[name]).astype("datetime64[ns]")
    elif int in members:
        frame[name] = frame[name].astype("Int64")
    else:
        enum = next((m for m in members if _is_enum(m)), None)
        if enum is not None:
            values = [str(v) if v is not None else None for v in frame[name]]
            known = [member.value for member in enum]
            extra = sorted({v for v in values if v is not None and v not in known})
            frame[name] = pandas.Categorical(values, categories=known + extra)


def _is_enum(member: Any) -> bool:
    return isinstance(member, type) and issubclass(member, Enum)
