from __future__ import annotations

import multiprocessing
import os

import pytest

from dialogkit.errors import DialogError
from dialogkit.render.pdf import compile_pdf

SOURCE = b'#set document(title: sys.inputs.at("title"))\n#set text(lang: "sv")\n= Rubrik\n\nText.\n'
INPUTS = {"title": "Inbjudan"}


def test_a_compile_sees_only_its_own_files() -> None:
    # The compiler is kept between documents; a file of one must not be found by the next.
    pdf = compile_pdf(SOURCE + b'#read("image-1.txt")\n', {"image-1.txt": b"Hej"}, source="a", inputs=INPUTS)
    assert pdf.data.startswith(b"%PDF-")
    with pytest.raises(DialogError, match="file not found"):
        compile_pdf(SOURCE + b'#read("image-1.txt")\n', {}, source="b", inputs=INPUTS)


def _compile_in_child(queue: multiprocessing.Queue[str]) -> None:
    pdf = compile_pdf(SOURCE, {}, source="child", inputs=INPUTS)
    try:
        compile_pdf(b'#read("/etc/passwd")', {}, source="child", inputs=INPUTS)
    except DialogError as exc:
        queue.put(f"{pdf.data[:5]!r} {exc}")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_process_forked_after_compiling_still_compiles() -> None:
    # Typst's threads do not survive a fork: `dialog build` forks its workers, and a
    # process that rendered a PDF before must not make them wait forever.
    compile_pdf(SOURCE, {}, source="parent", inputs=INPUTS)
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[str] = context.Queue()
    child = context.Process(target=_compile_in_child, args=(queue,))
    child.start()
    child.join(timeout=60)
    if child.is_alive():
        child.kill()
        pytest.fail("the forked process hung in typst")
    assert child.exitcode == 0
    message = queue.get(timeout=5)
    assert message.startswith("b'%PDF-'")
    assert "child:1:1: error: typst could not make the PDF: file not found" in message
