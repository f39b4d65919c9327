"""spaCy registry functions for a tok2vec embedding with Brown-cluster features.

* ``kg.add_brown_clusters.v1`` (``registry.callbacks``): an ``[initialize]`` callback that
  copies the Brown clusters of the most probable English words from ``spacy-lookups-data``
  (MIT) into ``nlp.vocab.lookups`` as the table ``"lexeme_cluster"``. ``Vocab.to_disk``
  writes the vocab lookups to ``vocab/lookups.bin``, so the table travels with the pipeline.
* ``kg.ClusterHashEmbed.v1`` (``registry.architectures``): ``spacy.MultiHashEmbed.v2``
  plus one more hash-embedding table for the token's Brown cluster id (looked up by ORTH
  in that table, 0 when absent), mixed to ``width`` by the same Maxout + LayerNorm layer.

Import this module before loading or training a pipeline that uses them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, cast

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.ml.featureextractor import FeatureExtractor
from spacy.ml.staticvectors import StaticVectors
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d, Ragged

CLUSTER_TABLE = "lexeme_cluster"


def _lookups_data_dir() -> str:
    """Return the data directory of the installed ``spacy-lookups-data`` package."""
    import spacy_lookups_data

    return os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data")


def load_brown_clusters(n_words: int, lang: str = "en") -> dict[str, int]:
    """Return ``{word: cluster}`` for the ``n_words`` most probable words with a cluster.

    Words are ranked by ``{lang}_lexeme_prob``; cluster 0 (unclustered) is dropped.
    """
    import srsly

    data = _lookups_data_dir()
    clusters = cast(
        dict, srsly.read_gzip_json(os.path.join(data, f"{lang}_lexeme_cluster.json.gz"))
    )
    probs = cast(dict, srsly.read_gzip_json(os.path.join(data, f"{lang}_lexeme_prob.json.gz")))
    ranked = sorted(probs, key=probs.__getitem__, reverse=True)[:n_words]
    return {word: int(clusters[word]) for word in ranked if clusters.get(word, 0)}


@registry.callbacks("kg.add_brown_clusters.v1")
def make_add_brown_clusters(
    n_words: int = 250000, lang: str = "en"
) -> Callable[[Language], Language]:
    """``[initialize]`` callback storing Brown clusters in ``nlp.vocab.lookups``.

    Use it as ``[initialize.after_init]``: ``Language.initialize`` replaces
    ``nlp.vocab.lookups`` with the ``[initialize.lookups]`` tables *after*
    ``before_init`` has run, which would drop a table added there.
    """

    def add_brown_clusters(nlp: Language) -> Language:
        table = load_brown_clusters(n_words, lang)
        lookups = nlp.vocab.lookups
        if lookups.has_table(CLUSTER_TABLE):
            lookups.remove_table(CLUSTER_TABLE)
        lookups.add_table(CLUSTER_TABLE, table)
        return nlp

    return add_brown_clusters


def _cluster_forward(
    model: Model[list[Doc], list[Ints2d]], docs: list[Any], is_train: bool
) -> tuple[list[Ints2d], Callable[[list[Ints2d]], list]]:
    """Map each token to its Brown cluster id (column vector of uint64, 0 = none)."""
    features: list[Ints2d] = []
    table: dict | None = None
    for doc in docs:
        base = doc if hasattr(doc, "to_array") else doc.doc
        if table is None:
            table = base.vocab.lookups.get_table(CLUSTER_TABLE, {})
        orths = base.to_array(ORTH)
        if base is not doc:
            orths = orths[doc.start : doc.end]
        # dict.get skips Table's string hashing and bloom filter: keys are ORTH hashes
        get = dict.get
        ids = [get(table, key, 0) for key in orths.tolist()]
        arr = model.ops.asarray2i([ids], dtype="uint64").reshape((len(ids), 1))
        features.append(arr)
    return features, lambda d_features: []


def ClusterFeature() -> Model[list[Doc], list[Ints2d]]:
    """Layer returning each doc's Brown cluster ids as an ``(n_tokens, 1)`` array."""
    return Model("extract_clusters", _cluster_forward)


@registry.architectures("kg.ClusterHashEmbed.v1")
def ClusterHashEmbed(
    width: int,
    attrs: list[str | int],
    rows: list[int],
    include_static_vectors: bool,
    cluster_rows: int = 2000,
) -> Model[list[Doc], list[Floats2d]]:
    """``spacy.MultiHashEmbed.v2`` with an extra embedding of the Brown cluster id.

    width (int): output width, also the width of every embedding table.
    attrs (list): token attributes embedded by hash embedding, as in MultiHashEmbed.
    rows (list[int]): rows per attribute table (same length as ``attrs``).
    include_static_vectors (bool): also use the vocab's static vectors.
    cluster_rows (int): rows of the cluster-id hash-embedding table.
    """
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    # same seeds as MultiHashEmbed for the attribute tables; the cluster table comes next
    embeddings = [
        HashEmbed(width, n_rows, column=i, seed=8 + i, dropout=0.0) for i, n_rows in enumerate(rows)
    ]
    cluster_embed = HashEmbed(width, cluster_rows, column=0, seed=8 + len(rows), dropout=0.0)
    attr_features: Model[list[Doc], Ragged] = chain(
        FeatureExtractor(attrs),
        cast(Model[list[Ints2d], Ragged], list2ragged()),
        with_array(concatenate(*embeddings)),
    )
    cluster_features: Model[list[Doc], Ragged] = chain(
        ClusterFeature(),
        cast(Model[list[Ints2d], Ragged], list2ragged()),
        with_array(cluster_embed),
    )
    parts = [attr_features, cluster_features]
    if include_static_vectors:
        parts.append(StaticVectors(width, dropout=0.0))
    concat_size = width * (len(embeddings) + 1 + int(include_static_vectors))
    max_out: Model[Ragged, Ragged] = with_array(
        Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True)
    )
    return chain(concatenate(*parts), max_out, ragged2list())
