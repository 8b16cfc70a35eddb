// Which rule ids exist, for warning on a misspelt one in .hadolint.yaml, a pragma or --ignore.
import { closest } from '../dockerfile/spelling';
import type { Rule } from './types';

/** ShellCheck's codes are open-ended: any SC followed by four digits may be ignored or overridden. */
const SHELLCHECK_CODE = /^SC\d{4}$/;

/** The id of the finding on an unknown id in a pragma (reported by the lint setup, not by a rule file). */
export const UNKNOWN_RULE_ID = 'UnknownRuleId';

export class RuleIds {
  /** Known ids by their lower-case spelling. */
  private readonly byLower = new Map<string, string>();

  constructor(ids: Iterable<string>) {
    for (const id of ids) this.byLower.set(id.toLowerCase(), id);
    this.byLower.set(UNKNOWN_RULE_ID.toLowerCase(), UNKNOWN_RULE_ID);
  }

  /** Every rule's id and aliases. */
  static of(rules: readonly Rule[]): RuleIds {
    return new RuleIds(rules.flatMap((r) => [r.meta.id, ...(r.meta.aliases ?? [])]));
  }

  isKnown(id: string): boolean {
    return SHELLCHECK_CODE.test(id) || this.byLower.get(id.toLowerCase()) === id;
  }

  /** The known id closest to a misspelt one, when it is close enough to be a typo. */
  suggest(id: string): string | undefined {
    const exact = this.byLower.get(id.toLowerCase());
    if (exact) return exact; // only the case differs
    const found = closest(id, this.byLower.keys());
    return found === undefined ? undefined : this.byLower.get(found);
  }

  /** What to tell the person about an unknown id: a guess, or where the list is. */
  hint(id: string): string {
    const guess = this.suggest(id);
    return guess ? `did you mean "${guess}"?` : 'no rule has this id; see docs/rules.md for the list';
  }
}
