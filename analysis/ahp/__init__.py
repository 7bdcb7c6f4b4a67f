"""The Analytic Hierarchy Process: judgments to weights, with consistency.

Public names scripts rely on: ``matrix``, ``priorities``, ``consistency``,
``weights_and_consistency``, ``inconsistent_pairs``, ``aggregate``, ``aggregate_priorities``,
``consensus`` (Goepel's S*), ``relative_homogeneity``, ``complete`` and ``unlinked_elements``. Every
function takes one matrix ``(n, n)`` or a stack ``(..., n, n)`` unless it says otherwise.
"""
from .completion import complete, unlinked_elements
from .consistency import Consistency, consistency, geometric_consistency_index, weights_and_consistency
from .groups import CONSENSUS_WORDS, aggregate, aggregate_priorities, consensus, consensus_word, relative_homogeneity
from .matrices import from_upper, is_complete, matrix, random_matrices, upper_pairs, validate
from .priorities import METHODS, priorities
from .revision import PairRevision, inconsistent_pairs
from .scale import (
    CR_THRESHOLD_RULES,
    RANDOM_INDEX,
    SAATY_SCALE,
    cr_threshold,
    nearest_scale_value,
    parse_judgment,
    largest_cluster,
    random_index,
    scale_label,
)

__all__ = [
    "CONSENSUS_WORDS", "CR_THRESHOLD_RULES", "Consistency", "METHODS", "PairRevision", "RANDOM_INDEX", "SAATY_SCALE",
    "aggregate", "aggregate_priorities", "complete", "consensus", "consensus_word", "consistency", "cr_threshold",
    "from_upper", "geometric_consistency_index", "inconsistent_pairs", "is_complete", "largest_cluster", "matrix",
    "nearest_scale_value", "parse_judgment", "priorities", "random_index", "random_matrices",
    "relative_homogeneity", "scale_label", "unlinked_elements", "upper_pairs", "validate", "weights_and_consistency",
]
