/** What one logged roster change did, cell by cell, from its before/after assignment lists. */
export interface AuditCell {
  employeeId: string;
  date: string;
  from: string | null;
  to: string | null;
}

type Cell = { employeeId: string; date: string; shiftTypeId: string };

function cells(value: unknown): Cell[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (x): x is Cell =>
      !!x &&
      typeof x === 'object' &&
      typeof (x as Cell).employeeId === 'string' &&
      typeof (x as Cell).date === 'string',
  );
}

export function auditCells(before: unknown, after: unknown): AuditCell[] {
  const key = (c: { employeeId: string; date: string }) => `${c.employeeId}|${c.date}`;
  const out = new Map<string, AuditCell>();
  for (const c of cells(before))
    out.set(key(c), { employeeId: c.employeeId, date: c.date, from: c.shiftTypeId, to: null });
  for (const c of cells(after)) {
    const existing = out.get(key(c));
    if (existing) existing.to = c.shiftTypeId;
    else out.set(key(c), { employeeId: c.employeeId, date: c.date, from: null, to: c.shiftTypeId });
  }
  return [...out.values()]
    .filter((c) => c.from !== c.to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.employeeId.localeCompare(b.employeeId));
}
