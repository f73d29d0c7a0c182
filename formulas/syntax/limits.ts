// Limits of FORMULAS.md: bad input gets an error, never a crash or a hang.

export const MAX_SOURCE_LENGTH = 8000;
/** Levels of parentheses, function calls and signs. */
export const MAX_DEPTH = 64;
/**
 * Operator chains (`1+1+…`, `1%%%…`) are not nesting to a user but do deepen the tree; every later stage
 * recurses over the tree, so its depth is capped too, far above anything written by hand.
 */
export const MAX_TREE_DEPTH = 1000;
