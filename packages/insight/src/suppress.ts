/**
 * Small-group suppression (AVG privacy by design). The stricter reading of the ValueCare rule:
 * a group of 5 or fewer people is never shown — not its figures and not its head count.
 *
 * Suppression is decided once for the whole table of groups (every team × level band × contract
 * band × period, with "all" margins), so every view, filter combination and export shows the same
 * pattern and no view can be combined with another to undo it:
 *  - primary: a group of 1–5 people is suppressed;
 *  - secondary (differencing): in every line of groups that add up to a shown total (the teams of
 *    the organisation, the level bands of a team, the contract bands of a team …), the suppressed
 *    groups must be none, or at least two with more than 5 people together — otherwise total minus
 *    the shown groups would give a small group away. The smallest shown group of the line is
 *    suppressed too until that holds; with no candidate left, the total is suppressed;
 *  - nested (filter combinations): when a group and a coarser group containing it are both shown
 *    (team and team × level band, or team × level band and team × level band × contract band),
 *    their difference must be 0 or more than 5 people; otherwise the finer group is suppressed;
 *  - time: a whole-range figure is suppressed when any of its periods is, because the range minus
 *    the shown periods would reveal the suppressed one.
 * This guarantees that no suppressed group can be computed from a single line; it does not run an
 * exact audit of combinations of several lines (interval protection), which is why the bands are
 * coarse and fixed.
 */
export const SMALL_GROUP_MAX = 5;

export type SuppressionReason = 'small-group' | 'complementary';

export interface Cell {
  key: string;
  people: ReadonlySet<string>;
  suppressed: SuppressionReason | null;
}

export interface Line {
  total: string;
  children: string[];
  /**
   * `partition`: children are disjoint groups adding up to the total; `nested`: one child inside the
   * total; `time`: the same people in disjoint periods.
   */
  kind: 'partition' | 'nested' | 'time';
}

export function applySuppression(cells: Map<string, Cell>, lines: readonly Line[]): void {
  for (const cell of cells.values())
    cell.suppressed = cell.people.size >= 1 && cell.people.size <= SMALL_GROUP_MAX ? 'small-group' : null;
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const total = cells.get(line.total);
      if (!total || total.suppressed || total.people.size === 0) continue;
      const children = line.children.map((k) => cells.get(k)).filter((c): c is Cell => c !== undefined);
      if (line.kind === 'nested') {
        const inner = children[0];
        const difference = total.people.size - (inner?.people.size ?? 0);
        if (inner && !inner.suppressed && difference >= 1 && difference <= SMALL_GROUP_MAX) {
          inner.suppressed = 'complementary';
          changed = true;
        }
        continue;
      }
      const hidden = children.filter((c) => c.suppressed && c.people.size > 0);
      if (hidden.length === 0) continue;
      if (line.kind === 'time') {
        total.suppressed = 'complementary';
        changed = true;
        continue;
      }
      const hiddenPeople = new Set<string>();
      for (const c of hidden) for (const p of c.people) hiddenPeople.add(p);
      if (hidden.length >= 2 && hiddenPeople.size > SMALL_GROUP_MAX) continue;
      let candidate: Cell | undefined;
      for (const c of children)
        if (!c.suppressed && c.people.size > 0 && (!candidate || c.people.size < candidate.people.size))
          candidate = c;
      (candidate ?? total).suppressed = 'complementary';
      changed = true;
    }
  }
}
