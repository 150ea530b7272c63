/**
 * Qualification levels (kwalificatieniveaus) as used in Dutch care: MBO levels 1–4, HBO 5, and
 * specialist 6. A shift demand asks for "at least level N"; a higher level may cover a lower one.
 */
export const QUALIFICATION_LEVELS = [1, 2, 3, 4, 5, 6] as const;
export type QualificationLevel = (typeof QUALIFICATION_LEVELS)[number];

export const QUALIFICATION_NAMES: Record<QualificationLevel, { nl: string; en: string; abbr: string }> = {
  1: { nl: 'Zorghulp', en: 'Care assistant', abbr: 'ZH' },
  2: { nl: 'Helpende', en: 'Helper', abbr: 'HP' },
  3: { nl: 'Verzorgende IG', en: 'Certified carer (VIG)', abbr: 'VIG' },
  4: { nl: 'MBO-verpleegkundige', en: 'Nurse (MBO)', abbr: 'VP4' },
  5: { nl: 'HBO-verpleegkundige', en: 'Nurse (bachelor)', abbr: 'VP5' },
  6: { nl: 'Verpleegkundig specialist', en: 'Nurse specialist', abbr: 'VS' },
};

/** Whether an employee with `level` and `skills` may do work that needs `minLevel` and `required`. */
export function isQualified(
  level: number,
  skills: readonly string[],
  minLevel: number,
  required: readonly string[] = [],
): boolean {
  if (level < minLevel) return false;
  for (const skill of required) if (!skills.includes(skill)) return false;
  return true;
}
