/**
 * Validation messages a planner understands, in the language the client asks for
 * (`Accept-Language`: Dutch when it prefers `nl`, English otherwise), naming the field in the words
 * the web app uses for it. The machine-readable `field` (path) and zod `code` stay as they are.
 */
import { z } from 'zod';
import type { core } from 'zod';

export type Language = 'nl' | 'en';

/** The client's language: Dutch when its most preferred supported language is Dutch, else English. */
export function requestLanguage(header: string | undefined | null): Language {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.q > 0 && (r.tag.startsWith('nl') || r.tag.startsWith('en') || r.tag === '*'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('nl') ? 'nl' : 'en';
}

/**
 * The language the client names explicitly (`nl`, `en-GB`, …), else undefined: without one
 * (no header, `*` as node's fetch sends) bilingual texts stay bilingual.
 */
export function explicitLanguage(header: string | undefined | null): Language | undefined {
  return header && /(^|[\s,])(nl|en)([-;,\s]|$)/i.test(header) ? requestLanguage(header) : undefined;
}

type Words = { nl: string; en: string };

/**
 * Field labels as the web app shows them; a numeric path segment is written `*`. The capacity
 * ones follow `capacityEdit.field_*` / `lever_*` in apps/web/src/i18n.
 */
const LABELS: Record<string, Words> = {
  // planning, absences, wishes, leave requests
  employeeId: { nl: 'Medewerker', en: 'Employee' },
  kind: { nl: 'Soort', en: 'Kind' },
  start: { nl: 'Begin', en: 'Start' },
  end: { nl: 'Einde', en: 'End' },
  from: { nl: 'Eerste dag', en: 'First day' },
  to: { nl: 'Laatste dag', en: 'Last day' },
  startTime: { nl: 'Vanaf (eerste dag)', en: 'From (first day)' },
  endTime: { nl: 'Tot (laatste dag)', en: 'Until (last day)' },
  date: { nl: 'Datum', en: 'Date' },
  shiftTypeId: { nl: 'Dienst', en: 'Shift' },
  priority: { nl: 'Belang', en: 'Priority' },
  countedHours: { nl: 'Meetellende uren', en: 'Counted hours' },
  reason: { nl: 'Reden', en: 'Reason' },
  min: { nl: 'Minimum', en: 'Minimum' },
  ideal: { nl: 'Ideaal', en: 'Ideal' },
  // capacity assumptions
  'assumptions.fteHours': { nl: 'Uren per fte', en: 'Hours per FTE' },
  'assumptions.absenceRate': { nl: 'Verzuim', en: 'Sickness absence' },
  'assumptions.leaveRate': { nl: 'Verlof', en: 'Leave' },
  'assumptions.turnoverPerYear': { nl: 'Verloop per jaar', en: 'Turnover per year' },
  'assumptions.timeToHireWeeks': { nl: 'Tijd tot nieuwe collega (weken)', en: 'Time to hire (weeks)' },
  'assumptions.replaceLeavers': { nl: 'Vertrekkers worden vervangen', en: 'Leavers are replaced' },
  'assumptions.hireHoursPerWeek': {
    nl: 'Uren per week van een nieuwe collega',
    en: 'Weekly hours of a new hire',
  },
  'assumptions.trainingWeeks': { nl: 'Duur opleiding (weken)', en: 'Training length (weeks)' },
  'assumptions.trainingStudyShare': { nl: 'Studietijd tijdens opleiding', en: 'Study time during training' },
  'assumptions.growthPerYear': { nl: 'Groei vraag per jaar', en: 'Demand growth per year' },
  'assumptions.travelShare': {
    nl: 'Reistijd wijkzorg (deel van cliënttijd)',
    en: 'Home-care travel (share of client time)',
  },
  'assumptions.homeCareShift': {
    nl: 'Wijkzorg naar technologie/netwerk',
    en: 'Home care moved to technology/network',
  },
  'assumptions.overtimeCapShare': {
    nl: 'Maximaal overwerk (deel van contracturen)',
    en: 'Overtime cap (share of contract hours)',
  },
  'assumptions.flexPoolHoursPerWeek': {
    nl: 'Flexpool-uren per team per week',
    en: 'Flex-pool hours per team per week',
  },
  'assumptions.flexMaxLevel': { nl: 'Hoogste niveau flexpool', en: 'Highest flex-pool level' },
  'assumptions.costs.overtimeSurcharge': { nl: 'Toeslag overwerk', en: 'Overtime surcharge' },
  'assumptions.costs.flexPremium': { nl: 'Opslag flexpool', en: 'Flex-pool premium' },
  'assumptions.costs.agencyPremium': { nl: 'Opslag inhuur (PNIL)', en: 'Agency premium (PNIL)' },
  'assumptions.costs.recruitmentCost': {
    nl: 'Wervingskosten per nieuwe collega',
    en: 'Recruitment cost per hire',
  },
  'assumptions.costs.trainingCost': { nl: 'Kosten per opleiding', en: 'Cost per training' },
  'assumptions.costs.hourlyCost.*': { nl: 'Uurkosten niveau {1}', en: 'Hourly cost level {1}' },
  'assumptions.demandSeasonality.*': {
    nl: 'Seizoenspatroon vraag, maand {1}',
    en: 'Demand seasonality, month {1}',
  },
  'assumptions.leaveSeasonality.*': {
    nl: 'Seizoenspatroon verlof, maand {1}',
    en: 'Leave seasonality, month {1}',
  },
  // capacity scenarios ({0} = the scenario's number, counted from 1)
  'scenarios.*.name': { nl: 'Naam scenario {0}', en: 'Name of scenario {0}' },
  'scenarios.*.absenceRatePp': {
    nl: 'Verzuim ± procentpunt (scenario {0})',
    en: 'Absence ± percentage points (scenario {0})',
  },
  'scenarios.*.turnoverPp': {
    nl: 'Verloop ± procentpunt (scenario {0})',
    en: 'Turnover ± percentage points (scenario {0})',
  },
  'scenarios.*.growthPp': {
    nl: 'Groei ± procentpunt (scenario {0})',
    en: 'Growth ± percentage points (scenario {0})',
  },
  'scenarios.*.homeCareShift': {
    nl: 'Wijkzorg naar technologie/netwerk (scenario {0})',
    en: 'Home care moved to technology/network (scenario {0})',
  },
  'scenarios.*.timeToHireWeeksDelta': {
    nl: 'Tijd tot nieuwe collega ± weken (scenario {0})',
    en: 'Time to hire ± weeks (scenario {0})',
  },
  'scenarios.*.flexPoolHoursDelta': {
    nl: 'Flexpool ± uren per week (scenario {0})',
    en: 'Flex pool ± hours per week (scenario {0})',
  },
  'scenarios.*.hires.*.count': {
    nl: 'Aantal aan te nemen (scenario {0})',
    en: 'Number to hire (scenario {0})',
  },
  'scenarios.*.trainings.*.count': {
    nl: 'Aantal op te leiden (scenario {0})',
    en: 'Number to train (scenario {0})',
  },
};

/** The field in words (`Verzuim`), or undefined when the web app has no label for it. */
export function fieldLabel(path: readonly PropertyKey[], lang: Language): string | undefined {
  const numbers: number[] = [];
  const key = path
    .map((p) => {
      if (typeof p === 'number' || /^\d+$/.test(String(p))) {
        numbers.push(Number(p));
        return '*';
      }
      return String(p);
    })
    .join('.');
  // The whole path (`assumptions.absenceRate`), else a plain field at its end (`changes.*.date`).
  const last = key
    .split('.')
    .filter((k) => k !== '*')
    .at(-1);
  const words =
    LABELS[key] ?? (last && !last.includes('.') && !key.startsWith('assumptions') ? LABELS[last] : undefined);
  if (!words) return undefined;
  // Scenario numbers and months are shown counted from 1, levels as they are.
  return words[lang].replace(/\{(\d)\}/g, (_, i: string) => {
    const n = numbers[Number(i)];
    if (n === undefined) return '';
    return key.startsWith('scenarios.') || key.includes('Seasonality') ? String(n + 1) : String(n);
  });
}

type Issue = core.$ZodIssue;

const fmt = (n: unknown, lang: Language) =>
  typeof n === 'number' || typeof n === 'bigint'
    ? lang === 'nl'
      ? String(n).replace('.', ',')
      : String(n)
    : String(n);

/** A sentence for one issue, without the field (that is put in front by `localisedMessage`). */
function issueText(issue: Issue, lang: Language): string {
  const nl = lang === 'nl';
  switch (issue.code) {
    case 'invalid_type': {
      // Zod's own message says what was received; an absent value is "required".
      if (/received undefined$/.test(issue.message)) return nl ? 'vul dit veld in' : 'this field is required';
      const expected: Record<string, Words> = {
        number: { nl: 'vul een getal in', en: 'enter a number' },
        int: { nl: 'vul een heel getal in', en: 'enter a whole number' },
        string: { nl: 'vul tekst in', en: 'enter text' },
        boolean: { nl: 'kies ja of nee', en: 'choose yes or no' },
        array: { nl: 'verwacht een lijst', en: 'expected a list' },
        object: { nl: 'verwacht een object', en: 'expected an object' },
      };
      return (
        expected[issue.expected]?.[lang] ??
        (nl ? `ongeldige waarde (verwacht ${issue.expected})` : `invalid value (expected ${issue.expected})`)
      );
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = fmt(small ? issue.minimum : issue.maximum, lang);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'string') {
        if (small && Number(issue.minimum) === 1) return nl ? 'vul dit veld in' : 'this field is required';
        return small
          ? nl
            ? `gebruik minstens ${limit} tekens`
            : `use at least ${limit} characters`
          : nl
            ? `gebruik hoogstens ${limit} tekens`
            : `use at most ${limit} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return small
          ? nl
            ? `geef er minstens ${limit}`
            : `give at least ${limit}`
          : nl
            ? `geef er hoogstens ${limit}`
            : `give at most ${limit}`;
      if (small)
        return inclusive
          ? nl
            ? `moet ${limit} of meer zijn`
            : `must be ${limit} or more`
          : nl
            ? `moet meer dan ${limit} zijn`
            : `must be more than ${limit}`;
      return inclusive
        ? nl
          ? `moet ${limit} of minder zijn`
          : `must be ${limit} or less`
        : nl
          ? `moet minder dan ${limit} zijn`
          : `must be less than ${limit}`;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return issue.values.length === 1
        ? nl
          ? `moet ${values} zijn`
          : `must be ${values}`
        : nl
          ? `kies een van: ${values}`
          : `choose one of: ${values}`;
    }
    case 'invalid_format': {
      const formats: Record<string, Words> = {
        email: { nl: 'vul een geldig e-mailadres in', en: 'enter a valid e-mail address' },
        url: { nl: 'vul een geldig webadres in', en: 'enter a valid web address' },
        uuid: { nl: 'ongeldige id', en: 'invalid id' },
        date: { nl: 'vul een datum in (JJJJ-MM-DD)', en: 'enter a date (YYYY-MM-DD)' },
        datetime: { nl: 'vul een datum en tijd in', en: 'enter a date and time' },
        time: { nl: 'vul een tijd in (UU:MM)', en: 'enter a time (HH:MM)' },
      };
      return formats[issue.format]?.[lang] ?? (nl ? 'ongeldige notatie' : 'invalid format');
    }
    case 'not_multiple_of':
      return nl
        ? `moet een veelvoud van ${fmt(issue.divisor, lang)} zijn`
        : `must be a multiple of ${fmt(issue.divisor, lang)}`;
    case 'unrecognized_keys':
      return nl
        ? `onbekend veld: ${issue.keys.join(', ')} (dit gegeven kan niet worden vastgelegd)`
        : `unknown field: ${issue.keys.join(', ')} (this cannot be recorded)`;
    default:
      // Other codes: zod's own locale.
      return (lang === 'nl' ? z.locales.nl() : z.locales.en()).localeError?.(issue as never) as string;
  }
}

/**
 * Bilingual text of a refinement, given as `params: {nl, en}` (see `bilingual` in
 * @planmaat/domain); undefined when the refinement has none.
 */
function customText(issue: Issue, lang: Language): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const params = issue.params as Partial<Words> | undefined;
  return params?.[lang];
}

/** The message for one issue in `lang`: "<field in words>: <what is wrong>". */
export function localisedMessage(issue: Issue, lang: Language): string {
  const custom = customText(issue, lang);
  // A refinement's sentence (its Dutch text capitalised) names its field itself; a phrase gets the
  // field in front.
  const nl = customText(issue, 'nl');
  if (custom && nl && /^\p{Lu}/u.test(nl)) return custom;
  const text = custom ?? (issue.code === 'custom' ? issue.message : issueText(issue, lang) || issue.message);
  const label = fieldLabel(issue.path, lang);
  if (label) return `${label}: ${text}`;
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
}
