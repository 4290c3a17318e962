"""Where a body's name ends and a person's begins, read again from the
whole article (for :mod:`briefbook.register`).

A street's or a beach's name that the article gives as one ("các bãi biển
Phạm Văn Đồng, Mỹ Khê") is a place where it stands alone too ("từ Phạm Văn
Đồng đến T20"), not a person.

"Giám đốc BV Bạch Mai Đào Xuân Cơ" can be split after "Bạch" (a hospital
"BV Bạch", a person "Mai Đào Xuân Cơ": "Mai" is a surname) or after "Mai";
one sentence cannot tell. The article can: it names "BV Bạch Mai" by itself
and "PGS.TS Đào Xuân Cơ" elsewhere.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from briefbook.analyse.mentions import Named
from briefbook.core.records import EntityKind, Position

__all__ = ["split_again", "streets_again"]


def split_again(raw: Sequence[tuple[Position, Named]]) -> list[tuple[Position, Named]]:
    """``raw`` with each body followed at once by a person moved on by one
    word when the article names the body so and the person without it."""
    bodies = {n.surface for _, n in raw if n.kind is EntityKind.ORGANISATION}
    people = {n.surface for _, n in raw if n.kind is EntityKind.PERSON}
    out = list(raw)
    for k in range(len(out) - 1):
        (where, body), (there, person) = out[k], out[k + 1]
        if where != there or body.kind is not EntityKind.ORGANISATION or person.kind is not EntityKind.PERSON:
            continue
        first, _, rest = person.surface.partition(" ")
        whole = f"{body.surface} {first}"
        if " " in rest and whole in bodies and rest in people:
            role = f"{person.role} {first}" if person.role.endswith(body.surface) else person.role
            out[k] = (where, dataclasses.replace(body, surface=whole))
            out[k + 1] = (there, dataclasses.replace(person, surface=rest, role=role))
    return out


def streets_again(raw: Sequence[tuple[Position, Named]]) -> list[tuple[Position, Named]]:
    """``raw`` with a person's name, with no title or role, that the article
    also gives as a place's a place."""
    places = {n.surface for _, n in raw if n.kind is EntityKind.PLACE and " " in n.surface}
    return [
        (where, dataclasses.replace(n, kind=EntityKind.PLACE))
        if n.kind is EntityKind.PERSON and not n.role and n.surface in places
        else (where, n)
        for where, n in raw
    ]
