"""One print-room PDF out of many laid-out worksheets, written as it goes.

Two jobs share this writer: `blank --copies N` (one document, N copies) and
`batch --combined` (one document per person). Both must give a file that every
viewer and print server accepts (`qpdf --check` without a warning, poppler's
page count) and that keeps the worksheet's tags for screen readers (PDF/UA).

Each copy gets page dictionaries, annotations and structure elements of its
own; content streams, fonts, images and appearance streams are written once
and shared by every copy of the same document. The structure trees are joined
under one `Document` element (each worksheet a `Part` with its own language),
and each copy gets its own range of `StructParents` keys in one parent tree.
A copy's structure elements are what it costs (each names its own pages), so
the ones that say nothing (plain Span, NonStruct, Div wrappers) are folded
into the element above them first: 200 copies cost about 23 times one.

Documents are written one after the other straight to the output file, and
each is forgotten once written: memory stays flat however many people a batch
holds (only one offset per object is kept, for the cross-reference table).

pikepdf (qpdf) reads each document; the objects are written here because
qpdf builds a whole output file in memory before writing it.
"""

from __future__ import annotations

import os
import re
import struct
import zlib
from array import array
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

# Pages per node of the page tree and pairs per leaf of the parent tree: small
# enough for every reader's array limits, however long the file.
_PAGES_PER_NODE = 256
_PAIRS_PER_LEAF = 256
_PER_OBJECT_STREAM = 2000

# What PDF syntax a reference looks like, outside strings.
_REFERENCE_OR_STRING = re.compile(rb"\((?:[^\\()]|\\[\s\S])*\)|(?<![\d.])(\d+) (\d+) R")

# A piece of a compiled object: literal bytes, or something filled in per copy.
Token = bytes | tuple[str, Any]


@dataclass
class _Source:
    """One laid-out document, compiled into tokens once, written once per copy."""

    pdf: Any  # pikepdf.Pdf
    pages: list[tuple[int, int]]
    per_copy: set[tuple[int, int]]  # pages, annotations, structure elements
    compiled: dict[tuple[int, int], tuple[list[Token], bytes | None]] = field(default_factory=dict)
    fixed: dict[tuple[int, int], int] = field(default_factory=dict)  # old roots -> new objects
    shared: dict[tuple[int, int], int] = field(default_factory=dict)  # written once
    parent_tree: list[tuple[int, Any]] = field(default_factory=list)
    keys: int = 0  # StructParents keys one copy uses
    fields: bool = False
    language: bytes | None = None
    kids: Any = None  # the structure tree's top elements
    outline: tuple[tuple[int, int], tuple[int, int], int] | None = None  # first, last, count


class PdfJoiner:
    """Write documents (each possibly several times) into one PDF file.

    `join = PdfJoiner(handle)`; `join.add(pdf_bytes, copies=1)` for each
    document; then `join.finish()`. Nothing is kept of a document once added.
    """

    def __init__(self, handle: BinaryIO, *, two_sided: bool = True) -> None:
        # Imported now, not with the first document: a Ctrl-C that lands in
        # the middle of importing the extension aborts the whole process.
        import pikepdf  # noqa: F401

        self.out = handle
        self.two_sided = two_sided
        # The cross-reference entry of each object: (1, offset) written as it
        # is, or (2, object stream, index) packed into a compressed stream.
        self.kinds = array("B", [0])
        self.places = array("Q", [0])
        self.indexes = array("L", [0])
        self.position = 0
        self.packed: list[tuple[int, bytes]] = []  # objects waiting for their object stream
        self.packed_size = 0
        self.catalog = self._allocate()
        self.page_root = self._allocate()
        self.struct_root = self._allocate()
        self.document_element = self._allocate()
        self.page_nodes: list[tuple[int, list[int]]] = []  # (number, kids)
        self.parts: list[int] = []
        self.parent_pairs: list[tuple[int, int]] = []  # (key, the value's object)
        self.next_key = 0
        self.fields: list[int] = []
        self.language = b""
        self.info: int | None = None
        self.metadata: int | None = None
        self.form: bytes | None = None  # the first document's AcroForm, without /Fields
        self.role_map = b""
        self.documents = 0
        # The outline: one entry per copy, written once the next one is known.
        self.outline_root: int | None = None
        self.first_entry = 0
        self.outline_count = 0
        self.waiting_entry: tuple[int, bytes] | None = None
        self.blank_box: bytes | None = None  # a blank page is due, this size
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    # --- Low-level writing ------------------------------------------------------------

    def _allocate(self) -> int:
        self.kinds.append(0)
        self.places.append(0)
        self.indexes.append(0)
        return len(self.kinds) - 1

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)

    def _object(self, number: int, body: bytes, stream: bytes | None = None) -> None:
        if stream is None:
            # Dictionaries and arrays go into compressed object streams: the
            # structure elements of 200 copies compress to a fraction.
            self.packed.append((number, body))
            self.packed_size += len(body)
            if len(self.packed) >= _PER_OBJECT_STREAM or self.packed_size > 800_000:
                self._flush_packed()
            return
        self.kinds[number] = 1
        self.places[number] = self.position
        self._write(b"%d 0 obj\n%s\nstream\n" % (number, body))
        self._write(stream)
        self._write(b"\nendstream\nendobj\n")

    def _flush_packed(self) -> None:
        if not self.packed:
            return
        holder = self._allocate()
        heads, bodies, at = [], [], 0
        for index, (number, body) in enumerate(self.packed):
            self.kinds[number] = 2
            self.places[number] = holder
            self.indexes[number] = index
            heads.append(b"%d %d" % (number, at))
            bodies.append(body)
            at += len(body) + 1
        head = b" ".join(heads) + b"\n"
        data = zlib.compress(head + b"\n".join(bodies), 9)
        self.packed, self.packed_size = [], 0
        self._object(
            holder,
            b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>"
            % (len(heads), len(head), len(data)),
            data,
        )

    # --- Reading one document ----------------------------------------------------------

    def _source(self, pdf_bytes: bytes) -> _Source:
        import io

        import pikepdf

        pdf = pikepdf.open(io.BytesIO(pdf_bytes))
        root = pdf.Root
        pages = [page.obj.objgen for page in pdf.pages]
        per_copy = set(pages)
        keys: list[int] = []
        for page in pdf.pages:
            _inherit(page.obj)
            if "/StructParents" in page.obj:
                keys.append(int(page.obj.StructParents))
            annotations = page.obj.get("/Annots")
            if annotations is not None:
                page.obj.Annots = pikepdf.Array(list(annotations))  # direct: one per copy
                for annotation in page.obj.Annots:
                    if annotation.is_indirect:
                        per_copy.add(annotation.objgen)
                    if "/StructParent" in annotation:
                        keys.append(int(annotation.StructParent))
        source = _Source(pdf, pages, per_copy)
        source.fixed[root.Pages.objgen] = self.page_root
        tree = root.get("/StructTreeRoot")
        if tree is not None:
            source.fixed[tree.objgen] = _PART  # the document's own element, per copy
            parent_tree = list(_number_tree(tree.get("/ParentTree")))
            detached = _detached(parent_tree, set(_structure_elements(tree.get("/K"))))
            tops = [kid for kid in _children(tree) if _is_element(kid)] + detached
            owners = _fold_wrappers(tops)
            for top in tops:
                per_copy.update(_structure_elements(top))
            source.parent_tree = [(key, _owner_of(value, owners)) for key, value in parent_tree]
            source.kids = tree.get("/K")
        outlines = root.get("/Outlines")
        if outlines is not None and "/First" in outlines and "/Last" in outlines:
            # The worksheet's bookmarks, below its copy's entry: the entry
            # stands for the outline's root, and each copy has items of its own.
            source.fixed[outlines.objgen] = _ENTRY
            per_copy.update(_outline_items(outlines.First))
            count = abs(int(outlines.get("/Count", 0))) or len(list(_outline_items(outlines.First)))
            source.outline = (outlines.First.objgen, outlines.Last.objgen, count)
        keys += [key for key, _value in source.parent_tree]
        source.keys = max(keys) + 1 if keys else 0
        source.fields = "/AcroForm" in root
        if "/Lang" in root:
            source.language = root.Lang.unparse()
        return source

    def _compile(
        self, source: _Source, objgen: tuple[int, int]
    ) -> tuple[list[Token], bytes | None]:
        """The object as tokens (and its raw stream data): references, and the
        keys that change from copy to copy, become tokens filled in per copy."""
        found = source.compiled.get(objgen)
        if found is not None:
            return found
        import pikepdf

        obj = source.pdf.get_object(objgen)
        stream: bytes | None = None
        if not isinstance(obj, pikepdf.Object):
            tokens: list[Token] = [_scalar(obj)]  # an indirect number or boolean
        elif isinstance(obj, pikepdf.Stream):
            stream = obj.read_raw_bytes()
            head = pikepdf.Dictionary(obj.stream_dict)  # type: ignore[arg-type]
            if "/Length" in head:
                del head["/Length"]
            tokens = _close_dict(
                _tokens(head.unparse(resolved=True)), [b"/Length %d" % len(stream)]
            )
        elif isinstance(obj, pikepdf.Dictionary) and objgen in source.per_copy:
            body = pikepdf.Dictionary(obj)  # type: ignore[arg-type]
            extra: list[Token] = []
            if objgen in source.pages:
                del body["/Parent"]
                extra += [b"/Parent", ("parent", None)]
            for key in ("/StructParents", "/StructParent"):
                if key in body:
                    extra += [key.encode(), ("key", int(body[key]))]
                    del body[key]
            if source.fields and body.get("/Subtype") == "/Widget" and "/T" in body:
                extra += [b"/T", ("field", str(body.T))]
                del body["/T"]
            tokens = _close_dict(_tokens(body.unparse(resolved=True)), extra)
        else:
            tokens = _tokens(obj.unparse(resolved=True))
        source.compiled[objgen] = (tokens, stream)
        return tokens, stream

    # --- Writing ------------------------------------------------------------------------

    def add(
        self, pdf_bytes: bytes, copies: int = 1, bookmarks: Sequence[str] | None = None
    ) -> None:
        """Append `copies` copies of the document; each starts on a fresh sheet.

        `bookmarks`, one title per copy: an outline entry for each copy, the
        first of which holds the document's own outline. None: the document
        is not in the outline. The titles are shown in every viewer's side panel: never a
        person's name or anything about their health.
        """
        assert bookmarks is None or len(bookmarks) == copies
        source = self._source(pdf_bytes)
        try:
            for copy in range(1, copies + 1):
                self._add_copy(source, copy, None if bookmarks is None else bookmarks[copy - 1])
        finally:
            source.pdf.close()
        self.documents += 1

    def _add_copy(self, source: _Source, copy: int, bookmark: str | None) -> None:
        import pikepdf

        mine: dict[tuple[int, int], int] = {}
        offset = self.next_key
        self.next_key += source.keys
        part = self._allocate()
        self.parts.append(part)
        if not source.pages:
            bookmark = None  # nothing to point to
        entry = self._allocate() if bookmark is not None else 0
        # First found, first written: objects then sit in an object stream in
        # the order of their numbers, whose list compresses better.
        queue: deque[tuple[int, int]] = deque()

        def number(objgen: tuple[int, int]) -> int:
            fixed = source.fixed.get(objgen)
            if fixed is not None:
                return {_PART: part, _ENTRY: entry}.get(fixed, fixed)
            table = mine if objgen in source.per_copy else source.shared
            found = table.get(objgen)
            if found is None:
                found = table[objgen] = self._allocate()
                queue.append(objgen)
            return found

        def fill(tokens: list[Token]) -> bytes:
            pieces = []
            for token in tokens:
                if isinstance(token, bytes):
                    pieces.append(token)
                elif token[0] == "ref":
                    pieces.append(b"%d 0 R" % number(token[1]))
                elif token[0] == "key":
                    pieces.append(b" %d" % (token[1] + offset))
                elif token[0] == "parent":
                    pieces.append(b" %d 0 R" % self._page_parent())
                else:  # a form field's name: the first copy keeps it
                    name = token[1] if copy == 1 else f"copy{copy}-{token[1]}"
                    pieces.append(b" " + _string(name))
            return b"".join(pieces)

        def write_queued() -> None:
            while queue:
                objgen = queue.popleft()
                tokens, stream = self._compile(source, objgen)
                self._object(number(objgen), fill(tokens), stream)
                if objgen in mine and any(isinstance(t, tuple) and t[0] == "field" for t in tokens):
                    self.fields.append(mine[objgen])

        if self.blank_box is not None:
            self._blank_page(self.blank_box)
            self.blank_box = None
        for objgen in source.pages:
            mine[objgen] = self._allocate()
        for objgen in source.pages:
            tokens, _stream = self._compile(source, objgen)
            self._object(mine[objgen], fill(tokens))
            self._record_page(mine[objgen])
        if self.two_sided and len(source.pages) % 2:
            # Added before the next worksheet only: none after the last.
            self.blank_box = source.pdf.pages[-1].obj.MediaBox.unparse(resolved=True)
        write_queued()
        for key, value in source.parent_tree:
            if isinstance(value, pikepdf.Dictionary):
                # An annotation's key names its structure element directly.
                self.parent_pairs.append((key + offset, number(value.objgen)))
            else:
                holder = self._allocate()
                self._object(holder, fill(_tokens(value.unparse(resolved=True))))
                self.parent_pairs.append((key + offset, holder))
            write_queued()  # a value may name an element not reached before
        kids = b"[ ]" if source.kids is None else fill(_tokens(source.kids.unparse()))
        language = b" /Lang " + source.language if source.language else b""
        self._object(
            part,
            b"<< /Type /StructElem /S /Part /P %d 0 R /K %s%s >>"
            % (self.document_element, kids, language),
        )
        if bookmark is not None:
            items = None
            # The document's own bookmarks once, under its first copy: 200
            # copies of them would be a fifth of the file, and the print room
            # looks for a copy, not for a section of copy 37.
            if source.outline is not None and copy == 1:
                first, last, count = source.outline
                items = (number(first), number(last), count)
                write_queued()
            self._bookmark(entry, bookmark, mine[source.pages[0]], items)
        if self.documents == 0 and copy == 1:
            self._take_catalog(source, fill)
            write_queued()

    def _bookmark(
        self, entry: int, title: str, page: int, items: tuple[int, int, int] | None
    ) -> None:
        """A top entry of the outline, closed, over the document's own items."""
        if self.outline_root is None:
            self.outline_root = self._allocate()
        body = b"/Title %s /Parent %d 0 R /Dest [ %d 0 R /Fit ]" % (
            _string(title),
            self.outline_root,
            page,
        )
        if items is not None:
            body += b" /First %d 0 R /Last %d 0 R /Count %d" % (items[0], items[1], -items[2])
        if self.waiting_entry is not None:
            previous, waiting = self.waiting_entry
            self._object(previous, b"<< %s /Next %d 0 R >>" % (waiting, entry))
            body += b" /Prev %d 0 R" % previous
        self.waiting_entry = (entry, body)
        if not self.outline_count:
            self.first_entry = entry
        self.outline_count += 1

    def _page_parent(self) -> int:
        if not self.page_nodes or len(self.page_nodes[-1][1]) >= _PAGES_PER_NODE:
            self.page_nodes.append((self._allocate(), []))
        return self.page_nodes[-1][0]

    def _record_page(self, number: int) -> None:
        self.page_nodes[-1][1].append(number)

    def _blank_page(self, box: bytes) -> None:
        page = self._allocate()
        parent = self._page_parent()
        self._object(
            page, b"<< /Type /Page /Parent %d 0 R /MediaBox %s /Resources << >> >>" % (parent, box)
        )
        self._record_page(page)

    def _take_catalog(self, source: _Source, fill: Any) -> None:
        """What the first document's catalog says for the whole file."""
        import pikepdf

        root = source.pdf.Root
        self.language = source.language or b""
        info = source.pdf.trailer.get("/Info")
        if info is not None:
            # Title, creator and producer only: a worksheet's metadata never holds a name.
            kept = pikepdf.Dictionary(
                {k: info[k] for k in ("/Title", "/Creator", "/Producer") if k in info}
            )
            self.info = self._allocate()
            self._object(self.info, kept.unparse(resolved=True))
        metadata = root.get("/Metadata")
        if metadata is not None:
            self.metadata = self._allocate()
            tokens, stream = self._compile(source, metadata.objgen)
            self._object(self.metadata, fill(tokens), stream)
        tree = root.get("/StructTreeRoot")
        if tree is not None and "/RoleMap" in tree:
            # Custom tags and the standard ones they stand for: the same in every worksheet.
            self.role_map = fill(_tokens(tree.RoleMap.unparse(resolved=True)))
        form = root.get("/AcroForm")
        if form is not None:
            body = pikepdf.Dictionary(form)
            del body["/Fields"]
            self.form = fill(_tokens(body.unparse(resolved=True)))

    def finish(self) -> None:
        """The page tree, the structure tree, the catalog and the cross-reference table."""
        for node, kids in self.page_nodes:
            self._object(
                node,
                b"<< /Type /Pages /Parent %d 0 R /Count %d /Kids %s >>"
                % (self.page_root, len(kids), _references(kids)),
            )
        total = sum(len(kids) for _node, kids in self.page_nodes)
        self._object(
            self.page_root,
            b"<< /Type /Pages /Count %d /Kids %s >>"
            % (total, _references(node for node, _kids in self.page_nodes)),
        )
        self._object(
            self.document_element,
            b"<< /Type /StructElem /S /Document /P %d 0 R /K %s >>"
            % (self.struct_root, _references(self.parts)),
        )
        leaves = []
        pairs = sorted(self.parent_pairs)
        for start in range(0, len(pairs), _PAIRS_PER_LEAF):
            chunk = pairs[start : start + _PAIRS_PER_LEAF]
            leaf = self._allocate()
            nums = b" ".join(b"%d %d 0 R" % pair for pair in chunk)
            self._object(
                leaf, b"<< /Limits [ %d %d ] /Nums [ %s ] >>" % (chunk[0][0], chunk[-1][0], nums)
            )
            leaves.append(leaf)
        parent_tree = self._allocate()
        self._object(parent_tree, b"<< /Kids %s >>" % _references(leaves))
        role_map = b" /RoleMap " + self.role_map if self.role_map else b""
        self._object(
            self.struct_root,
            b"<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d%s >>"
            % (self.document_element, parent_tree, self.next_key, role_map),
        )
        catalog = [
            b"/Type /Catalog /Pages %d 0 R" % self.page_root,
            b"/StructTreeRoot %d 0 R /MarkInfo << /Marked true >>" % self.struct_root,
            b"/ViewerPreferences << /DisplayDocTitle true >>",
        ]
        if self.language:
            catalog.append(b"/Lang " + self.language)
        if self.metadata is not None:
            catalog.append(b"/Metadata %d 0 R" % self.metadata)
        if self.outline_root is not None:
            assert self.waiting_entry is not None
            last, waiting = self.waiting_entry
            self._object(last, b"<< %s >>" % waiting)
            self._object(
                self.outline_root,
                b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
                % (self.first_entry, last, self.outline_count),
            )
            catalog.append(b"/Outlines %d 0 R" % self.outline_root)
        if self.form is not None:
            body = self.form.rstrip()[:-2]
            catalog.append(b"/AcroForm %s /Fields %s >>" % (body, _references(self.fields)))
        self._object(self.catalog, b"<< " + b" ".join(catalog) + b" >>")
        self._cross_references()

    def _cross_references(self) -> None:
        self._flush_packed()
        xref = self._allocate()
        self.kinds[xref] = 1
        self.places[xref] = self.position
        count = len(self.kinds)
        compressor = zlib.compressobj(6)
        chunks = []
        previous = bytes(8)
        for first in range(0, count, 8192):
            rows = bytearray()
            for number in range(first, min(count, first + 8192)):
                if number == 0:
                    row = b"\x00\x00\x00\x00\x00\x00\xff\xff"
                else:
                    kind = self.kinds[number]
                    assert kind, f"object {number} was never written"
                    # W [1 5 2]: the kind, a 5-byte offset or stream number, a 2-byte index.
                    place = struct.pack(">Q", self.places[number])[3:]
                    row = bytes((kind,)) + place + struct.pack(">H", self.indexes[number])
                # PNG "Up" rows: each byte less the one above it. Neighbouring
                # objects sit in the same object stream, so most rows become
                # zeros and a one, which compress to almost nothing.
                rows.append(2)
                rows += bytes((a - b) & 0xFF for a, b in zip(row, previous, strict=True))
                previous = row
            chunks.append(compressor.compress(bytes(rows)))
        chunks.append(compressor.flush())
        data = b"".join(chunks)
        identifier = os.urandom(16).hex().encode("ascii")
        info = b" /Info %d 0 R" % self.info if self.info is not None else b""
        self._write(
            b"%d 0 obj\n<< /Type /XRef /Size %d /W [ 1 5 2 ] /Root %d 0 R%s /ID [ <%s> <%s> ]"
            b" /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 8 >>"
            b" /Length %d >>\nstream\n"
            % (xref, count, self.catalog, info, identifier, identifier, len(data))
        )
        self._write(data)
        self._write(b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % self.places[xref])


_PART = -1  # stands for the copy's own Part element
_ENTRY = -2  # stands for the copy's own outline entry


def _references(numbers: Any) -> bytes:
    return b"[ " + b" ".join(b"%d 0 R" % n for n in numbers) + b" ]"


def _inherit(page: Any) -> None:
    """Copy the attributes a page inherits from the page tree onto the page."""
    node = page.get("/Parent")
    while node is not None:
        for key in ("/Resources", "/MediaBox", "/CropBox", "/Rotate"):
            if key not in page and key in node:
                page[key] = node[key]
        node = node.get("/Parent")


def _structure_elements(kids: Any) -> Iterator[tuple[int, int]]:
    """The indirect objects of a structure tree below its root."""
    import pikepdf

    stack = [kids]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Array):
            stack.extend(item)
        elif isinstance(item, pikepdf.Dictionary):
            if item.is_indirect:
                yield item.objgen
            if "/K" in item:
                stack.append(item.K)


# Structure elements that say nothing of their content: a Span or NonStruct
# with no attributes, language or alternate text, and a Div that only groups
# other elements. WeasyPrint makes one or two around most runs of text; they
# are over two thirds of a worksheet's elements.
_WRAPPERS = ("/Span", "/NonStruct")
_GROUPS = ("/Div",)
_PLAIN_KEYS = {"/Type", "/S", "/P", "/K", "/Pg"}


def _fold_wrappers(tops: list[Any]) -> dict[tuple[int, int], Any]:
    """Give the content of every wrapper element to the element above it.

    Each copy needs structure elements of its own (each names its copy's
    page), so their number is most of what a copy costs. Folding the wrappers
    keeps what a screen reader announces (paragraphs, headings, lists, table
    cells, sections, in the same reading order) with a third of the elements.
    Changes the document in place; returns each folded element's new owner.
    """
    import pikepdf

    owners: dict[tuple[int, int], Any] = {}

    def plain(item: Any, kinds: tuple[str, ...]) -> bool:
        return item.is_indirect and item.get("/S") in kinds and set(item.keys()) <= _PLAIN_KEYS

    def content(holder: Any, owner: Any) -> Iterator[Any]:
        """`holder`'s children as `owner` will hold them."""
        page = holder.get("/Pg")
        for kid in _children(holder):
            if not _is_element(kid):
                yield _on_page(kid, page, owner.get("/Pg"))
            elif plain(kid, _WRAPPERS):
                owners[kid.objgen] = owner
                yield from content(kid, owner)
            else:
                kids = list(content(kid, kid))
                if plain(kid, _GROUPS) and all(_is_element(k) for k in kids):
                    owners[kid.objgen] = owner  # a Div with no text of its own
                    for grandchild in kids:
                        grandchild.P = owner
                    yield from kids
                else:
                    kid.K = pikepdf.Array(kids)
                    kid.P = owner
                    yield kid

    for top in tops:
        top.K = pikepdf.Array(list(content(top, top)))
    for objgen, owner in owners.items():
        while owner.objgen in owners:  # a wrapper inside a Div folded in turn
            owner = owners[owner.objgen]
        owners[objgen] = owner
    return owners


def _is_element(item: Any) -> bool:
    import pikepdf

    return isinstance(item, pikepdf.Dictionary) and "/S" in item


def _on_page(item: Any, page: Any, owner_page: Any) -> Any:
    """Marked content that was on `page`, held by an element whose page is `owner_page`."""
    import pikepdf

    if page is None or _same(page, owner_page):
        return item
    if isinstance(item, int):
        return pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=page, MCID=item)
    if isinstance(item, pikepdf.Dictionary) and "/Pg" not in item:
        # A marked-content or object reference: a copy, to name its page.
        item = pikepdf.Dictionary(item)  # type: ignore[arg-type]
        item.Pg = page
    return item


def _children(element: Any) -> list[Any]:
    import pikepdf

    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _same(a: Any, b: Any) -> bool:
    return b is not None and a.is_indirect and b.is_indirect and a.objgen == b.objgen


def _owner_of(value: Any, owners: dict[tuple[int, int], Any]) -> Any:
    """A parent-tree value with each folded element replaced by its owner."""
    import pikepdf

    if isinstance(value, pikepdf.Dictionary):
        return owners.get(value.objgen, value)
    if isinstance(value, pikepdf.Array):
        return pikepdf.Array(
            [
                owners.get(item.objgen, item) if isinstance(item, pikepdf.Dictionary) else item
                for item in value
            ]
        )
    return value


def _detached(parent_tree: list[tuple[int, Any]], reached: set[tuple[int, int]]) -> list[Any]:
    """The top elements of what the parent tree names but the structure tree
    does not reach: WeasyPrint tags the page headers and footers so (their
    parent does not list them). They name their copy's page like every other
    element, so each copy needs its own."""
    import pikepdf

    tops: dict[tuple[int, int], Any] = {}
    for _key, value in parent_tree:
        for item in value if isinstance(value, pikepdf.Array) else [value]:
            top = None
            while _is_element(item) and item.is_indirect and item.objgen not in reached:
                top, item = item, item.get("/P")
            if top is not None:
                tops[top.objgen] = top
    return list(tops.values())


def _outline_items(first: Any) -> Iterator[tuple[int, int]]:
    """The outline items from `first`, its next ones and all below them."""
    seen: set[tuple[int, int]] = set()
    stack = [first]
    while stack:
        item = stack.pop()
        if item is None or not item.is_indirect or item.objgen in seen:
            continue  # a loop in a broken outline is followed once
        seen.add(item.objgen)
        yield item.objgen
        stack += [item.get("/Next"), item.get("/First")]


def _number_tree(node: Any) -> Iterator[tuple[int, Any]]:
    if node is None:
        return
    nums = node.get("/Nums")
    if nums is not None:
        for index in range(0, len(nums) - 1, 2):
            yield int(nums[index]), nums[index + 1]
    for kid in node.get("/Kids", []):
        yield from _number_tree(kid)


def _tokens(text: bytes) -> list[Token]:
    """Split an object's PDF text at its references."""
    tokens: list[Token] = []
    start = 0
    for found in _REFERENCE_OR_STRING.finditer(text):
        if found.group(1) is None:
            continue  # a string: copied as it is
        tokens.append(text[start : found.start()])
        tokens.append(("ref", (int(found.group(1)), int(found.group(2)))))
        start = found.end()
    tokens.append(text[start:])
    return tokens


def _close_dict(tokens: list[Token], extra: list[Token]) -> list[Token]:
    """Put `extra` (key, value, ...) inside the dictionary that `tokens` ends with."""
    last = tokens[-1]
    assert isinstance(last, bytes) and last.rstrip().endswith(b">>")
    body = last.rstrip()[:-2]
    result: list[Token] = [*tokens[:-1], body]
    for token in extra:
        result += [b" ", token] if isinstance(token, bytes) else [token]
    return [*result, b" >>"]


def _scalar(value: Any) -> bytes:
    if value is None:
        return b"null"
    if value is True:
        return b"true"
    if value is False:
        return b"false"
    return str(value).encode("ascii")


def _string(text: str) -> bytes:
    import pikepdf

    return pikepdf.String(text).unparse()  # type: ignore[no-any-return]
