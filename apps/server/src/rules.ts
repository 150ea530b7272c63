/** The rule checker this build ships, when @planmaat/rules provides one. */
import type { RuleChecker } from './rules-port.ts';

export async function productRuleChecker(): Promise<RuleChecker | undefined> {
  return undefined;
}
