"""Every value a built-in template reads is a key of its typed view, down to ``meeting.date``.

mypy checks that each view has the keys and types its TypedDict names; this test checks
the other half, that the templates read only those keys. It follows loops, ``with``
and includes, so ``{% for item in items %}{{ item.title }}`` is checked against the
items' own TypedDict.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator

import jinja2
import pytest
from jinja2 import nodes

from dialogkit.followup.view import FollowupView
from dialogkit.layout import builtin_templates
from dialogkit.minutes.case import CaseView
from dialogkit.minutes.views import CompilationView, ReferatView
from dialogkit.render.invitation import InvitationView
from dialogkit.render.plan import PlanView
from dialogkit.render.poster import PosterView
from dialogkit.render.views import AgendaView
from dialogkit.site.views import AreaPageView, IndexView
from dialogkit.survey.view import SurveyReportView

VIEWS: dict[str, type] = {
    "invitation.md.j2": InvitationView,
    "agenda.md.j2": AgendaView,
    "poster.md.j2": PosterView,
    "plan.md.j2": PlanView,
    "survey-report.md.j2": SurveyReportView,
    "referat.md.j2": ReferatView,
    "referat-compilation.md.j2": CompilationView,
    "case-document.md.j2": CaseView,
    "followup.md.j2": FollowupView,
    "site/index.html.j2": IndexView,
    "site/area.html.j2": AreaPageView,
}
# Templates only ever included or extended by those above, and checked through them.
PARTS = {
    "_intro.md.j2",
    "referat-meeting.md.j2",
    "case-meetings.md.j2",
    "site/base.html.j2",
    "site/_progress.html.j2",
    "site/_said.html.j2",
}
UNKNOWN = object()  # a value whose keys are not checked: a label, a loop's own variable


def _keys(view: object) -> dict[str, object] | None:
    """The keys of a TypedDict with their types; None for anything else."""
    if isinstance(view, type) and typing.is_typeddict(view):
        return typing.get_type_hints(view)
    return None


def _element(kind: object) -> object:
    """What a loop over a value of type ``kind`` gives."""
    kind = _unwrap(kind)
    if typing.get_origin(kind) is list:
        return typing.get_args(kind)[0]
    return UNKNOWN


def _unwrap(kind: object) -> object:
    """``X | None`` as ``X``: a template tests for None before it reads the keys."""
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        rest = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return rest[0] if len(rest) == 1 else UNKNOWN
    return kind


class _Reader:
    """Walks a template, knowing the type of each name, and notes every key no view has."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.problems: list[str] = []

    def template(self, name: str, scope: dict[str, object]) -> None:
        assert self.env.loader is not None
        source = self.env.loader.get_source(self.env, name)[0]
        self.walk(self.env.parse(source), scope, name)

    def walk(self, node: nodes.Node, scope: dict[str, object], where: str) -> None:
        if isinstance(node, nodes.For):
            self.walk(node.iter, scope, where)
            inner = {**scope, "loop": UNKNOWN, **self.bind(node.target, _element(self.type_of(node.iter, scope)))}
            for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
                self.walk(child, inner, where)
            return
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=True):
                self.walk(value, scope, where)
                inner.update(self.bind(target, self.type_of(value, scope)))
            for child in node.body:
                self.walk(child, inner, where)
            return
        if isinstance(node, nodes.Assign):
            self.walk(node.node, scope, where)
            scope.update(self.bind(node.target, UNKNOWN))
            return
        if isinstance(node, nodes.Include | nodes.Extends) and isinstance(node.template, nodes.Const):
            self.template(node.template.value, dict(scope))
            return
        if isinstance(node, nodes.Getattr | nodes.Name):
            self.type_of(node, scope, where)
            return
        for child in node.iter_child_nodes():
            self.walk(child, scope, where)

    def bind(self, target: nodes.Node, kind: object) -> dict[str, object]:
        if isinstance(target, nodes.Name):
            return {target.name: kind}
        return {n.name: UNKNOWN for n in target.find_all(nodes.Name)}

    def type_of(self, node: nodes.Node, scope: dict[str, object], where: str = "") -> object:
        """The type of a name or of a chain of attributes; a key no view has is noted."""
        if isinstance(node, nodes.Name):
            if node.name not in scope:
                self.problems.append(f"{where}: '{node.name}' is not a key of the view")
                return UNKNOWN
            return scope[node.name]
        if isinstance(node, nodes.Getattr):
            keys = _keys(_unwrap(self.type_of(node.node, scope, where)))
            if keys is None:
                return UNKNOWN
            if node.attr not in keys:
                self.problems.append(f"{where}: '.{node.attr}' is not a key of the value it is read from")
                return UNKNOWN
            return keys[node.attr]
        self.walk(node, scope, where)
        return UNKNOWN


def _scope(view: type) -> dict[str, object]:
    keys = _keys(view)
    assert keys is not None
    return {**keys, "level": UNKNOWN}  # referat-meeting.md.j2 takes its heading level from a `with`


def _jinja_templates() -> Iterator[str]:
    base = builtin_templates()
    for path in sorted(base.rglob("*.j2")):
        yield path.relative_to(base).as_posix()


def test_every_built_in_template_has_a_typed_view_or_is_part_of_one() -> None:
    assert set(_jinja_templates()) == set(VIEWS) | PARTS


@pytest.mark.parametrize("template", sorted(VIEWS))
def test_a_template_reads_only_the_keys_of_its_view(template: str) -> None:
    reader = _Reader(jinja2.Environment(loader=jinja2.FileSystemLoader(builtin_templates())))
    reader.template(template, _scope(VIEWS[template]))
    assert reader.problems == []


def test_a_key_the_view_lacks_is_noticed() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader({"t": "{% for item in items %}{{ item.titel }}{% endfor %}"}))
    reader = _Reader(env)
    reader.template("t", _scope(AgendaView))
    assert reader.problems == ["t: '.titel' is not a key of the value it is read from"]
