"""areas.yaml: geographic areas with localities, service areas with partners."""

from __future__ import annotations

from pydantic import Field

from dialogkit.models.base import Slug, StrictModel, Text


class Area(StrictModel):
    """One area: a part of the municipality (area rotation) or a service (service dialogue)."""

    id: Slug = Field(
        description="The area's id: its folder name under cycles/YEAR/ and how other files name it",
        examples=["hogvad"],
    )
    name: Text = Field(description="The area's name as documents print it", examples=["Träffpunkt Högvad"])
    in_text: Text | None = Field(
        default=None,
        description='The name as running text writes it, mid-sentence ("dialogmøte om barnehage"); defaults to name',
        examples=["barnehage"],
    )
    localities: list[Text] = Field(
        default=[],
        description="The villages or districts the area covers; the first is a new meeting's place, and survey answers and safety walks name them",
        examples=[["Mjöbäck", "Överlida", "Holsljunga"]],
    )
    partners: list[Text] = Field(
        default=[],
        description="The area's organisations (user councils, village associations); `dialog plan --write` invites them",
        examples=[["Högvads byalag", "Överlida företagarförening"]],
    )
    planned: bool = Field(
        default=True,
        description="`false` for a group met only in one-off meetings, never planned by `dialog plan`",
        examples=[False],
    )


class AreasFile(StrictModel):
    """areas.yaml"""

    areas: list[Area] = Field(min_length=1, description="Every area, in the order documents list them")
