"""A spaCy pipeline component: tallystick's mentions as spans.

Installed with tallystick and registered through the ``spacy_factories``
entry point, so no import is needed (spaCy itself is optional:
``pip install 'tallystick[spacy]'``)::

    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("tallystick")                      # or config={"ents": True}
    doc = nlp("Citizens of Deir ez-Zor received 3.3 tons of food products.")
    for span in doc.spans["tallystick"]:
        print(span.label_, span.text, span.kb_id_, span._.ts_value, span._.ts_where)

What it sets:

* ``doc.spans[spans_key]`` (``"tallystick"``): one span per mention, in
  order, with ``label_`` the kind (``place``, ``camp``, ``actor``,
  ``quantity``, ``date``) and ``kb_id_`` the gazetteer id (empty when there
  is none).
* On each of these spans, read-only extensions: ``span._.tallystick``, the
  mention as a dict (the JSON object of the mentions contract, plus
  ``where_id``), and one extension per field: ``ts_start``, ``ts_end``,
  ``ts_text`` (the mention's exact offsets and text), ``ts_name``,
  ``ts_subtype``, ``ts_id``, ``ts_alternatives``, ``ts_value``, ``ts_low``,
  ``ts_high``, ``ts_unit``, ``ts_item``, ``ts_approx``, ``ts_per``,
  ``ts_where``, ``ts_where_id``.
* With ``ents=True``, the mentions also go to ``doc.ents`` (label = kind,
  ``kb_id_`` = gazetteer id). Entities cannot overlap: among overlapping
  mentions the longest is kept (``spacy.util.filter_spans``), and the
  entities already on the doc stay unless ``overwrite_ents=True``.
  ``doc.spans`` always keeps every mention.

Alignment. tallystick's offsets are characters; a span is made of tokens.
Each mention becomes ``doc.char_span(start, end, alignment_mode=...)`` with
``"expand"`` by default: the span grows to the tokens that hold the mention
("UN" inside a token "UN-registered" gives the whole token), so that no
mention is lost. ``span._.ts_start`` / ``ts_end`` / ``ts_text`` keep the
mention's exact characters. With ``alignment_mode="strict"`` mentions that
do not fall on token boundaries are dropped instead (``"contract"`` shrinks
them, and drops those that would be empty).

A document's date (for dates without a year) can be given in
``doc._.tallystick_date`` before the component runs.

It works in ``nlp.pipe(texts, n_process=2)``: the component and the
extensions pickle, and the mentions travel with the doc (they are stored in
``doc.user_data`` as plain dicts). With several processes, set
``config={"threads": 1}`` so that each process does not use every core.
"""

from typing import Any, Tuple, Dict, Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ._core import Extractor

__all__ = ["FIELDS", "TallystickComponent", "make_tallystick"]

#: Mention fields, each readable as ``span._.ts_<field>``.
FIELDS: Tuple[str, ...] = (
    "start", "end", "text", "name", "subtype", "id", "alternatives",
    "value", "low", "high", "unit", "item", "approx", "per", "where", "where_id",
)

_STORE = "_tallystick"  # Doc extension: {spans_key: [mention dicts]}
_ID_PREFIX = "tallystick"


def _mention_of(span: Span) -> Optional[Dict[str, Any]]:
    """The mention dict behind a span: through the span's id
    (``tallystick:<key>:<index>``), or else by exact offsets and label."""
    store = span.doc._.get(_STORE) or {}
    ref = span.id_ or ""
    parts = ref.split(":")
    if len(parts) >= 3 and parts[0] == _ID_PREFIX:
        key, index = ":".join(parts[1:-1]), parts[-1]
        mentions = store.get(key)
        if mentions is not None and index.isdigit() and int(index) < len(mentions):
            m = mentions[int(index)]
            if m.get("kind") == span.label_:
                return m  # type: ignore[no-any-return]
    for mentions in store.values():
        for m in mentions:
            if m.get("start") == span.start_char and m.get("end") == span.end_char and m.get("kind") == span.label_:
                return m  # type: ignore[no-any-return]
    return None


class _Field:
    """Getter of ``span._.ts_<field>`` (a class, not a lambda, so that it pickles)."""

    def __init__(self, field: str) -> None:
        self.field = field

    def __call__(self, span: Span) -> Any:
        m = _mention_of(span)
        return None if m is None else m.get(self.field)

    def __reduce__(self) -> Any:
        return (_Field, (self.field,))


def _register_extensions() -> None:
    if not Doc.has_extension(_STORE):
        Doc.set_extension(_STORE, default=None)
    if not Doc.has_extension("tallystick_date"):
        Doc.set_extension("tallystick_date", default=None)
    if not Span.has_extension("tallystick"):
        Span.set_extension("tallystick", getter=_mention_of)
    for field in FIELDS:
        if not Span.has_extension(f"ts_{field}"):
            Span.set_extension(f"ts_{field}", getter=_Field(field))


_register_extensions()


def _as_dict(m: Any) -> Dict[str, Any]:
    d: Dict[str, Any] = m.to_dict()
    if m.where_id is not None:
        d["where_id"] = m.where_id
    return d


class TallystickComponent:
    """The pipeline component; make it with ``nlp.add_pipe("tallystick", config={...})``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "tallystick",
        *,
        spans_key: str = "tallystick",
        ents: bool = False,
        overwrite_ents: bool = False,
        kinds: Optional[List[str]] = None,
        gazetteers: Optional[List[str]] = None,
        bundled: bool = True,
        threads: Optional[int] = None,
        alignment_mode: str = "expand",
    ) -> None:
        if alignment_mode not in ("strict", "contract", "expand"):
            raise ValueError(f"alignment_mode must be strict, contract or expand, not {alignment_mode!r}")
        self.name = name
        self.spans_key = spans_key
        self.ents = ents
        self.overwrite_ents = overwrite_ents
        self.threads = threads
        self.alignment_mode = alignment_mode
        self.extractor = Extractor(
            gazetteers=list(gazetteers) if gazetteers else None, bundled=bundled, kinds=kinds  # type: ignore[arg-type]
        )

    def __call__(self, doc: Doc) -> Doc:
        date = doc._.get("tallystick_date")
        return self._set(doc, self.extractor.extract(doc.text, date=date))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Processes docs in batches, each batch in parallel (``threads``)."""
        batch: List[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: List[Doc]) -> Iterator[Doc]:
        dates = [doc._.get("tallystick_date") for doc in docs]
        results = self.extractor.extract_batch([d.text for d in docs], threads=self.threads, dates=dates)
        for doc, mentions in zip(docs, results):
            yield self._set(doc, mentions)

    def _set(self, doc: Doc, mentions: List[Any]) -> Doc:
        spans: List[Span] = []
        kept: List[Dict[str, Any]] = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label=m.kind, kb_id=m.id or "", alignment_mode=self.alignment_mode)
            if span is None or len(span) == 0:
                continue
            span.id_ = f"{_ID_PREFIX}:{self.spans_key}:{len(kept)}"
            kept.append(_as_dict(m))
            spans.append(span)
        store = dict(doc._.get(_STORE) or {})
        store[self.spans_key] = kept
        doc._.set(_STORE, store)
        doc.spans[self.spans_key] = spans
        if self.ents:
            ours = filter_spans(spans)
            if self.overwrite_ents:
                doc.ents = ours
            else:
                existing = list(doc.ents)
                taken = {i for e in existing for i in range(e.start, e.end)}
                added = [s for s in ours if not any(i in taken for i in range(s.start, s.end))]
                doc.ents = sorted(existing + added, key=lambda s: s.start)
        return doc


@Language.factory(
    "tallystick",
    default_config={
        "spans_key": "tallystick",
        "ents": False,
        "overwrite_ents": False,
        "kinds": None,
        "gazetteers": None,
        "bundled": True,
        "threads": None,
        "alignment_mode": "expand",
    },
    assigns=["doc.spans", "doc.ents"],
)
def make_tallystick(
    nlp: Language,
    name: str,
    spans_key: str,
    ents: bool,
    overwrite_ents: bool,
    kinds: Optional[List[str]],
    gazetteers: Optional[List[str]],
    bundled: bool,
    threads: Optional[int],
    alignment_mode: str,
) -> TallystickComponent:
    """The ``tallystick`` factory (see the module docs for the config)."""
    return TallystickComponent(
        nlp, name, spans_key=spans_key, ents=ents, overwrite_ents=overwrite_ents, kinds=kinds,
        gazetteers=gazetteers, bundled=bundled, threads=threads, alignment_mode=alignment_mode,
    )
