/**
 * Category keys of a multiple-choice option read as a descriptor ("pick any", option by option).
 * Stored as keys, not words, so the page can show them in the reader's language.
 */
export const SELECTED = "selected";
export const NOT_SELECTED = "not_selected";

export const SELECTION_CATEGORIES = [
  { key: SELECTED, label: SELECTED },
  { key: NOT_SELECTED, label: NOT_SELECTED },
];

export function isSelectionVariable(categories: readonly { key: string }[]): boolean {
  return categories.length === 2 && categories[0].key === SELECTED && categories[1].key === NOT_SELECTED;
}
