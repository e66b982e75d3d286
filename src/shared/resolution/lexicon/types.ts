/**
 * Shapes of the per-language opening-phrase data (see ../lexicon.ts for the engine).
 *
 * Each language lists its curated phrases once, most frequent first; the engine composes the
 * modifiers ("also", "further", "en outre", "أيضا", "又"…) onto every phrase at match time, so the
 * data stays small and "Recalling also" / "Also requests" / "وإذ تشير أيضا" need not be enumerated
 * (they may still be listed, for autocomplete order).
 */

/**
 * One phrase of the lexicon: a string when it does not agree with the organ, or its feminine and
 * masculine forms when it does (fr "Consciente"/"Conscient", ru "будучи убеждена"/"будучи
 * убежден", ar "إذ تشير"/"إذ يشير"). Both forms must have the same number of space-separated words.
 */
export type Form = string | { readonly f: string; readonly m: string };

/** The data for one clause kind (preambular or operative) in one language. */
export interface KindData {
  /** Curated phrases, most frequent first: the autocomplete order. Prepositions excluded. */
  readonly phrases: readonly Form[];
  /** Modifiers that may stand before any phrase of this kind ("Also", "Strongly", "вновь", "又"). */
  readonly prefixes: readonly string[];
  /**
   * Modifiers that may follow any word of a phrase ("also", "further", "en outre", "также",
   * "أيضا"): "Recalling also", "Noting also with concern", "Bearing also in mind".
   */
  readonly infixes: readonly string[];
}

/** Everything the engine needs about one language. */
export interface LexiconData {
  /** True when words are separated by spaces, so a phrase must end at a word boundary. */
  readonly spaced: boolean;
  /** What joins a prefix to the phrase (" " in most languages, "" in Chinese). */
  readonly joiner: string;
  /** Preambular phrases. */
  readonly pp: KindData;
  /** Operative phrases. */
  readonly op: KindData;
  /**
   * A conjunction written attached (no space) before preambular phrases after the first one
   * (Arabic و: "وإذ تشير"). Detection accepts the phrase with or without it.
   */
  readonly ppConjunction?: string;
  /**
   * Modifier words that are also adjectives ("further": "Welcoming further progress"). When a
   * phrase ends in one of them, the modifier counts only if the next word is absent, starts with a
   * capital letter, a digit or punctuation, or is one of `allowedNext` ("Recalling further its…").
   */
  readonly guard?: { readonly words: readonly string[]; readonly allowedNext: readonly string[] };
  /** Spelling variants accepted by detection but not listed (en: "Recognising" for "Recognizing"). */
  readonly variants?: (phrase: string) => readonly string[];
}

/** A phrase that agrees with the organ's gender: feminine form first. */
export function g(f: string, m: string): Form {
  return { f, m };
}
