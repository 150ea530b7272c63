/**
 * The rule catalogue as data: every rule with its legal source, tier, parameters and texts.
 * Numbers and articles come from ../shared/reference/dutch-labour-rules.md; what that document
 * marks UNCONFIRMED is marked here too and surfaces as `unconfirmed` on each violation.
 *
 * Message placeholders: {value} {limit} {cite} {period} and per-rule details ({total}, {weeks},
 * {nights}, {count}, {kind}). Durations are rendered as "10 u 59 min" / "10 h 59 min".
 */
import type { ProfileDefinition, RuleDefinitionInput } from './schema.ts';

const ATW = 'ATW';
const ATB = 'ATB';

export const PROFILES: ProfileDefinition[] = [
  {
    name: 'atw',
    title: { nl: 'Arbeidstijdenwet (hoofdregels)', en: 'Working Hours Act (main rules)' },
    includes: ['atw-minor'],
    edition: 'ATW/ATB zoals geldend 2024-2026 (tekst: laws-markdown 2015-06-24)',
    note: {
      nl: 'De regels voor jeugdige werknemers (16–17) gelden automatisch voor wie op de dienstdatum 16 of 17 is.',
      en: 'The rules for young workers (16–17) apply automatically to whoever is 16 or 17 on the shift date.',
    },
  },
  {
    name: 'atw-minor',
    title: { nl: 'ATW jeugdige werknemers (16–17 jaar)', en: 'ATW young workers (16–17)' },
    includes: [],
    edition: 'ATW art. 5:3–5:7 lid 1',
  },
  {
    name: 'atb-care',
    title: {
      nl: 'Arbeidstijdenbesluit §5.19 Verpleging en verzorging',
      en: 'Working Hours Decree §5.19 nursing and care',
    },
    includes: [],
    edition: 'ATB (wijzigingen Stb. 2018, 404 niet nagelezen)',
    note: {
      nl: 'Alleen toegestaan via een collectieve regeling (cao of OR-regeling), voor werknemers van 18 jaar en ouder.',
      en: 'Only allowed through a collective arrangement (CAO or works-council agreement), for workers aged 18+.',
    },
  },
  {
    name: 'cao-vvt',
    title: { nl: 'Cao VVT', en: 'CAO VVT (nursing homes, home care)' },
    includes: ['atw'],
    edition: 'Cao VVT 2025-2026 (artikelnummers niet bevestigd)',
  },
  {
    name: 'cao-ziekenhuizen',
    title: { nl: 'Cao Ziekenhuizen', en: 'CAO Hospitals' },
    includes: ['atw'],
    edition: 'Cao Ziekenhuizen 2025-2027; artikelen gelezen in editie 2017-2019',
  },
  {
    name: 'cao-ghz',
    title: { nl: 'Cao Gehandicaptenzorg', en: 'CAO Disability care' },
    includes: ['atw', 'atb-care'],
    edition: 'Cao Gehandicaptenzorg 2025-2026; Bijlage 2 gelezen in editie 2017-2019',
  },
  {
    name: 'cao-ggz',
    title: { nl: 'Cao GGZ', en: 'CAO Mental health care' },
    includes: ['atw'],
    edition: 'Cao GGZ 2025-2026; Bijlage III gelezen in webeditie (waarschijnlijk 2017-2019)',
  },
  {
    name: 'cao-umc',
    title: { nl: 'Cao UMC', en: 'CAO University medical centres' },
    includes: ['atw'],
    edition: 'Cao UMC (huidige versie niet bevestigd; akkoord 2022-2023)',
  },
];

const CAO_ZKH_EDITION = 'editie 2017-2019 gelezen; huidige cao 2025-2027';
const CAO_GHZ_EDITION = 'Bijlage 2, editie 2017-2019 gelezen; huidige cao 2025-2026';
const CAO_GGZ_EDITION = 'Bijlage III, webeditie (waarschijnlijk 2017-2019); huidige cao 2025-2026';

const restMessages = {
  default: {
    nl: 'Rust na dienst {value}, minimaal {limit} vereist ({cite})',
    en: 'Rest after shift {value}, at least {limit} required ({cite})',
  },
  'reduction-used': {
    nl: 'Rust na dienst {value}, minimaal {limit} vereist: de inkorting is in deze periode van 7×24 uur al gebruikt ({cite})',
    en: 'Rest after shift {value}, at least {limit} required: the shortened rest was already used in this 7×24-hour period ({cite})',
  },
};

export const RULES: RuleDefinitionInput[] = [
  // ---------------------------------------------------------------- ATW, adults (18+)
  {
    id: 'atw.shift-length',
    profile: 'atw',
    kind: 'dienst-length',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:7 lid 2 a' },
    title: { nl: 'Maximale arbeidstijd per dienst', en: 'Maximum work per shift' },
    summary: {
      nl: 'De arbeidstijd per dienst is ten hoogste 12 uur. Een dienst is de arbeid tussen twee rusttijden van ten minste 8 uur (art. 1:7); pauzes tellen niet mee.',
      en: 'Work per dienst is at most 12 h. A dienst is the work between two rests of at least 8 h (art. 1:7); breaks do not count.',
    },
    params: { maxWorkMinutes: 720, nightOnly: false },
    messages: {
      default: {
        nl: 'Dienst met {value} arbeidstijd, maximaal {limit} ({cite})',
        en: 'Shift with {value} of work, at most {limit} ({cite})',
      },
    },
  },
  {
    id: 'atw.week-hours',
    profile: 'atw',
    kind: 'week-hours',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:7 lid 2 b', reference: '[WEEK]' },
    title: { nl: 'Maximale arbeidstijd per week', en: 'Maximum work per week' },
    summary: {
      nl: 'Ten hoogste 60 uur per week; week = maandag 00:00 – zondag 24:00 (handhavingsbeleid sinds 4-9-2019). Verlof- en ziekte-uren tellen mee (art. 5:2).',
      en: 'At most 60 h per week; week = Monday 00:00 – Sunday 24:00 (enforcement policy since 2019-09-04). Leave and sick hours count (art. 5:2).',
    },
    params: { weeks: 1, maxAvgMinutesPerWeek: 3600 },
    messages: {
      default: {
        nl: '{value} arbeidstijd in de kalenderweek, maximaal {limit} ({cite})',
        en: '{value} of work in the calendar week, at most {limit} ({cite})',
      },
    },
  },
  {
    id: 'atw.avg-4w',
    profile: 'atw',
    kind: 'week-hours',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:7 lid 3' },
    title: { nl: 'Gemiddelde arbeidstijd per 4 weken', en: 'Average work per 4 weeks' },
    summary: {
      nl: 'In elke periode van 4 aaneengesloten weken gemiddeld ten hoogste 55 uur per week (220 uur). Verlof- en ziekte-uren tellen mee.',
      en: 'In every period of 4 consecutive weeks an average of at most 55 h per week (220 h). Leave and sick hours count.',
    },
    params: { weeks: 4, maxAvgMinutesPerWeek: 3300 },
    messages: {
      default: {
        nl: 'Gemiddeld {value} per week over {weeks} weken (totaal {total}), maximaal gemiddeld {limit} ({cite})',
        en: 'Average of {value} per week over {weeks} weeks (total {total}), at most {limit} on average ({cite})',
      },
    },
  },
  {
    id: 'atw.avg-16w',
    profile: 'atw',
    kind: 'week-hours',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:7 lid 2 c; 5:8 lid 2' },
    title: { nl: 'Gemiddelde arbeidstijd per 16 weken', en: 'Average work per 16 weeks' },
    summary: {
      nl: 'In elke periode van 16 aaneengesloten weken gemiddeld ten hoogste 48 uur per week; 40 uur als in die periode 16 of meer nachtdiensten vallen.',
      en: 'In every period of 16 consecutive weeks an average of at most 48 h per week; 40 h when 16 or more night shifts fall in that period.',
    },
    params: {
      weeks: 16,
      maxAvgMinutesPerWeek: 2880,
      nightShiftThreshold: 16,
      maxAvgMinutesPerWeekNight: 2400,
    },
    messages: {
      default: {
        nl: 'Gemiddeld {value} per week over {weeks} weken (totaal {total}), maximaal gemiddeld {limit} ({cite})',
        en: 'Average of {value} per week over {weeks} weeks (total {total}), at most {limit} on average ({cite})',
      },
      night: {
        nl: 'Gemiddeld {value} per week over {weeks} weken met {nights} nachtdiensten (totaal {total}), maximaal gemiddeld {limit} bij 16 of meer nachtdiensten ({cite})',
        en: 'Average of {value} per week over {weeks} weeks with {nights} night shifts (total {total}), at most {limit} on average with 16 or more night shifts ({cite})',
      },
    },
  },
  {
    id: 'atw.daily-rest',
    profile: 'atw',
    kind: 'daily-rest',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:3 lid 2' },
    title: { nl: 'Dagelijkse rust', en: 'Daily rest' },
    summary: {
      nl: 'In elke periode van 24 uur ten minste 11 uur onafgebroken rust; eenmaal per 7×24 uur in te korten tot ten minste 8 uur. De periode begint op het eerste tijdstip van de dag waarop gewerkt wordt (lid 3).',
      en: 'At least 11 h uninterrupted rest in every 24-hour period; once per 7×24 h it may be shortened to at least 8 h. The period starts at the first moment of the day on which work is done (para. 3).',
    },
    params: {
      minRestMinutes: 660,
      reductions: [480],
      reductionWindowMinutes: 10080,
      periodMinutes: 1440,
      skipAfterNight0200: true,
    },
    messages: restMessages,
  },
  {
    id: 'atw.weekly-rest',
    profile: 'atw',
    kind: 'weekly-rest',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:5 lid 2' },
    title: { nl: 'Wekelijkse rust', en: 'Weekly rest' },
    summary: {
      nl: 'In elke periode van 7×24 uur ten minste 36 uur onafgebroken rust, of in elke periode van 14×24 uur ten minste 72 uur, te splitsen in perioden van ten minste 32 uur.',
      en: 'At least 36 h uninterrupted rest in every 7×24 h, or at least 72 h in every 14×24 h, which may be split into periods of at least 32 h.',
    },
    params: {
      optionA: { windowMinutes: 10080, minRestMinutes: 2160 },
      optionB: { windowMinutes: 20160, minTotalMinutes: 4320, minPartMinutes: 1920 },
    },
    messages: {
      default: {
        nl: 'Langste rust in 7×24 uur is {value}, minimaal {limit} vereist; ook de 72 uur per 14×24 uur (delen van ten minste 32 uur) is niet gehaald: {total} ({cite})',
        en: 'Longest rest in 7×24 h is {value}, at least {limit} required; the 72 h per 14×24 h alternative (parts of at least 32 h) is not met either: {total} ({cite})',
      },
    },
  },
  {
    id: 'atw.break',
    profile: 'atw',
    kind: 'break',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:4 lid 2' },
    title: { nl: 'Pauze', en: 'Breaks' },
    summary: {
      nl: 'Bij meer dan 5,5 uur arbeid per dienst ten minste 30 minuten pauze, bij meer dan 10 uur ten minste 45 minuten; te splitsen in pauzes van ten minste 15 minuten (art. 1:7).',
      en: 'More than 5.5 h of work per dienst needs at least 30 min of breaks, more than 10 h at least 45 min; may be split into breaks of at least 15 min (art. 1:7).',
    },
    params: {
      tiers: [
        { overWorkMinutes: 330, minBreakMinutes: 30 },
        { overWorkMinutes: 600, minBreakMinutes: 45 },
      ],
      minPartMinutes: 15,
    },
    messages: {
      default: {
        nl: 'Dienst met {work} arbeidstijd heeft {value} pauze, minimaal {limit} vereist ({cite})',
        en: 'Shift with {work} of work has {value} of breaks, at least {limit} required ({cite})',
      },
    },
  },
  {
    id: 'atw.night-shift-length',
    profile: 'atw',
    kind: 'night-length',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:8 lid 1 en 3' },
    title: { nl: 'Maximale duur nachtdienst', en: 'Maximum night-shift length' },
    summary: {
      nl: 'Een nachtdienst duurt ten hoogste 10 uur. Ten hoogste 5 keer per 14×24 uur en 22 keer per 52 weken mag dat 12 uur zijn, steeds gevolgd door ten minste 12 uur rust.',
      en: 'A night shift lasts at most 10 h. At most 5 times per 14×24 h and 22 times per 52 weeks it may be 12 h, each followed by at least 12 h of rest.',
    },
    params: {
      maxWorkMinutes: 600,
      longMaxWorkMinutes: 720,
      longMaxPerWindow: 5,
      longWindowMinutes: 20160,
      longMaxPerWeeks: 22,
      longWeeks: 52,
      longRestAfterMinutes: 720,
    },
    messages: {
      default: {
        nl: 'Nachtdienst met {value} arbeidstijd, maximaal {limit} ({cite})',
        en: 'Night shift with {value} of work, at most {limit} ({cite})',
      },
      'count-window': {
        nl: 'Nachtdienst langer dan 10 uur: {value} keer in 14×24 uur, maximaal {limit} keer ({cite})',
        en: 'Night shift longer than 10 h: {value} times in 14×24 h, at most {limit} times ({cite})',
      },
      'count-weeks': {
        nl: 'Nachtdiensten langer dan 10 uur: {value} keer in {weeks} weken, maximaal {limit} keer ({cite})',
        en: 'Night shifts longer than 10 h: {value} times in {weeks} weeks, at most {limit} times ({cite})',
      },
      'rest-after': {
        nl: 'Rust na nachtdienst langer dan 10 uur is {value}, minimaal {limit} vereist ({cite})',
        en: 'Rest after a night shift longer than 10 h is {value}, at least {limit} required ({cite})',
      },
    },
  },
  {
    id: 'atw.night-rest',
    profile: 'atw',
    kind: 'night-rest',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:8 lid 4' },
    title: {
      nl: 'Rust na nachtdienst die na 02:00 eindigt',
      en: 'Rest after a night shift ending after 02:00',
    },
    summary: {
      nl: 'Na een nachtdienst die eindigt na 02:00 uur ten minste 14 uur onafgebroken rust; eenmaal per 7×24 uur in te korten tot ten minste 8 uur. Na een lange nachtdienst (meer dan 10 uur, lid 3) geldt in plaats daarvan 12 uur rust.',
      en: 'After a night shift ending after 02:00 at least 14 h uninterrupted rest; once per 7×24 h it may be shortened to at least 8 h. After a long night shift (over 10 h, para. 3) a 12 h rest applies instead.',
    },
    params: {
      minRestMinutes: 840,
      reductions: [480],
      reductionWindowMinutes: 10080,
      onlyEndingAfterMinute: 120,
      // A long night (> 10 h, 5:8 lid 3) has its own 12 h rest, checked by atw.night-shift-length.
      longNightOverMinutes: 600,
    },
    messages: {
      default: {
        nl: 'Rust na nachtdienst {value}, minimaal {limit} vereist ({cite})',
        en: 'Rest after night shift {value}, at least {limit} required ({cite})',
      },
      'reduction-used': {
        nl: 'Rust na nachtdienst {value}, minimaal {limit} vereist: de inkorting is in deze periode van 7×24 uur al gebruikt ({cite})',
        en: 'Rest after night shift {value}, at least {limit} required: the shortened rest was already used in this 7×24-hour period ({cite})',
      },
    },
  },
  {
    id: 'atw.night-series-rest',
    profile: 'atw',
    kind: 'night-series-rest',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:8 lid 5' },
    title: { nl: 'Rust na een reeks nachtdiensten', en: 'Rest after a series of night shifts' },
    summary: {
      nl: 'Na een reeks van 3 of meer achtereenvolgende nachtdiensten ten minste 46 uur onafgebroken rust.',
      en: 'After a series of 3 or more consecutive night shifts at least 46 h uninterrupted rest.',
    },
    params: { minNights: 3, minRestMinutes: 2760 },
    unconfirmed:
      'interpretatie "achtereenvolgend": nachtdiensten zonder andere dienst ertussen, op opeenvolgende nachten',
    messages: {
      default: {
        nl: 'Rust na reeks van {nights} nachtdiensten is {value}, minimaal {limit} vereist ({cite})',
        en: 'Rest after a series of {nights} night shifts is {value}, at least {limit} required ({cite})',
      },
    },
  },
  {
    id: 'atw.night-series-length',
    profile: 'atw',
    kind: 'night-series-length',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:8 lid 6' },
    title: { nl: 'Reeks diensten met een nachtdienst', en: 'Series of shifts containing a night shift' },
    summary: {
      nl: 'Een reeks achtereenvolgende diensten waarin een nachtdienst valt, telt ten hoogste 7 diensten (per cao 8).',
      en: 'A series of consecutive shifts that contains a night shift has at most 7 shifts (8 by CAO).',
    },
    params: { maxDiensten: 7 },
    unconfirmed: 'einde van een reeks: een kalenderdag zonder dienst (gangbare lezing)',
    messages: {
      default: {
        nl: 'Reeks van {value} diensten met {nights} nachtdienst(en), maximaal {limit} ({cite})',
        en: 'Series of {value} shifts with {nights} night shift(s), at most {limit} ({cite})',
      },
    },
  },
  {
    id: 'atw.night-count',
    profile: 'atw',
    kind: 'week-count',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:8 lid 8' },
    title: { nl: 'Aantal nachtdiensten per 16 weken', en: 'Night shifts per 16 weeks' },
    summary: {
      nl: 'Ten hoogste 36 nachtdiensten die eindigen na 02:00 uur in elke periode van 16 aaneengesloten weken.',
      en: 'At most 36 night shifts ending after 02:00 in every period of 16 consecutive weeks.',
    },
    params: { weeks: 16, max: 36, events: 'night-after-0200' },
    messages: {
      default: {
        nl: '{value} nachtdiensten die na 02:00 eindigen in {weeks} weken, maximaal {limit} ({cite})',
        en: '{value} night shifts ending after 02:00 in {weeks} weeks, at most {limit} ({cite})',
      },
    },
  },
  {
    id: 'atw.sundays',
    profile: 'atw',
    kind: 'free-sundays',
    tier: 'legal',
    ageScope: 'all',
    source: { document: ATW, article: '5:6 lid 3' },
    title: { nl: 'Vrije zondagen', en: 'Free Sundays' },
    summary: {
      nl: 'Ten minste 13 zondagen per 52 weken zonder arbeid, tenzij anders overeengekomen (lid 4; per cao of met de werknemer).',
      en: 'At least 13 Sundays per 52 weeks without work, unless agreed otherwise (para. 4; by CAO or with the worker).',
    },
    params: { weeks: 52, minFree: 13 },
    messages: {
      default: {
        nl: '{value} vrije zondagen in {weeks} weken, minimaal {limit} ({cite})',
        en: '{value} free Sundays in {weeks} weeks, at least {limit} ({cite})',
      },
    },
  },
  {
    id: 'atw.on-call-night',
    profile: 'atw',
    kind: 'on-call-near-night',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATW, article: '5:9 lid 3; ATB 5.19:3 lid 3' },
    title: { nl: 'Geen consignatie rond een nachtdienst', en: 'No on-call duty around a night shift' },
    summary: {
      nl: 'Geen consignatie (of bereikbaarheidsdienst) in de 11 uur vóór en de 14 uur na een nachtdienst.',
      en: 'No on-call duty (consignatie or bereikbaarheidsdienst) in the 11 h before and the 14 h after a night shift.',
    },
    params: { beforeMinutes: 660, afterMinutes: 840 },
    messages: {
      default: {
        nl: 'Bereikbaarheidsdienst op {value} van een nachtdienst, minimaal {limit} ertussen vereist ({cite})',
        en: 'On-call duty {value} from a night shift, at least {limit} in between required ({cite})',
      },
    },
  },

  // ---------------------------------------------------------------- ATW, young workers (16–17)
  {
    id: 'atw-minor.shift-length',
    profile: 'atw-minor',
    kind: 'dienst-length',
    tier: 'legal',
    ageScope: 'minor',
    source: { document: ATW, article: '5:7 lid 1' },
    title: { nl: 'Maximale arbeidstijd per dienst (16–17 jaar)', en: 'Maximum work per shift (16–17)' },
    summary: { nl: 'Ten hoogste 9 uur per dienst.', en: 'At most 9 h per dienst.' },
    params: { maxWorkMinutes: 540, nightOnly: false },
    messages: {
      default: {
        nl: 'Dienst met {value} arbeidstijd voor een jeugdige werknemer, maximaal {limit} ({cite})',
        en: 'Shift with {value} of work for a young worker, at most {limit} ({cite})',
      },
    },
  },
  {
    id: 'atw-minor.week-hours',
    profile: 'atw-minor',
    kind: 'week-hours',
    tier: 'legal',
    ageScope: 'minor',
    source: { document: ATW, article: '5:7 lid 1' },
    title: { nl: 'Maximale arbeidstijd per week (16–17 jaar)', en: 'Maximum work per week (16–17)' },
    summary: { nl: 'Ten hoogste 45 uur per week.', en: 'At most 45 h per week.' },
    params: { weeks: 1, maxAvgMinutesPerWeek: 2700 },
    messages: {
      default: {
        nl: '{value} arbeidstijd in de kalenderweek voor een jeugdige werknemer, maximaal {limit} ({cite})',
        en: '{value} of work in the calendar week for a young worker, at most {limit} ({cite})',
      },
    },
  },
  {
    id: 'atw-minor.avg-4w',
    profile: 'atw-minor',
    kind: 'week-hours',
    tier: 'legal',
    ageScope: 'minor',
    source: { document: ATW, article: '5:7 lid 1' },
    title: { nl: 'Gemiddelde per 4 weken (16–17 jaar)', en: 'Average per 4 weeks (16–17)' },
    summary: {
      nl: 'In elke periode van 4 weken gemiddeld ten hoogste 40 uur per week.',
      en: 'At most 40 h per week on average in every period of 4 weeks.',
    },
    params: { weeks: 4, maxAvgMinutesPerWeek: 2400 },
    messages: {
      default: {
        nl: 'Gemiddeld {value} per week over {weeks} weken (totaal {total}) voor een jeugdige werknemer, maximaal gemiddeld {limit} ({cite})',
        en: 'Average of {value} per week over {weeks} weeks (total {total}) for a young worker, at most {limit} on average ({cite})',
      },
    },
  },
  {
    id: 'atw-minor.daily-rest',
    profile: 'atw-minor',
    kind: 'daily-rest',
    tier: 'legal',
    ageScope: 'minor',
    source: { document: ATW, article: '5:3 lid 1' },
    title: { nl: 'Dagelijkse rust (16–17 jaar)', en: 'Daily rest (16–17)' },
    summary: {
      nl: 'In elke periode van 24 uur ten minste 12 uur onafgebroken rust, niet in te korten; de rust omvat 23:00–06:00.',
      en: 'At least 12 h uninterrupted rest in every 24-hour period, not reducible; it includes 23:00–06:00.',
    },
    params: {
      minRestMinutes: 720,
      reductions: [],
      reductionWindowMinutes: 10080,
      periodMinutes: 1440,
      skipAfterNight0200: false,
    },
    messages: restMessages,
  },
  {
    id: 'atw-minor.night-work',
    profile: 'atw-minor',
    kind: 'no-work-window',
    tier: 'legal',
    ageScope: 'minor',
    source: { document: ATW, article: '5:3 lid 1' },
    title: { nl: 'Geen arbeid tussen 23:00 en 06:00 (16–17 jaar)', en: 'No work 23:00–06:00 (16–17)' },
    summary: {
      nl: 'De dagelijkse rust van een jeugdige werknemer omvat altijd de periode 23:00–06:00.',
      en: "A young worker's daily rest always includes 23:00–06:00.",
    },
    params: { fromMinute: 1380, toMinute: 360 },
    messages: {
      default: {
        nl: '{value} arbeid tussen 23:00 en 06:00 door een jeugdige werknemer, niet toegestaan ({cite})',
        en: '{value} of work between 23:00 and 06:00 by a young worker, not allowed ({cite})',
      },
    },
  },
  {
    id: 'atw-minor.weekly-rest',
    profile: 'atw-minor',
    kind: 'weekly-rest',
    tier: 'legal',
    ageScope: 'minor',
    source: { document: ATW, article: '5:5 lid 1' },
    title: { nl: 'Wekelijkse rust (16–17 jaar)', en: 'Weekly rest (16–17)' },
    summary: {
      nl: 'In elke periode van 7×24 uur ten minste 36 uur onafgebroken rust (geen 72/14-variant).',
      en: 'At least 36 h uninterrupted rest in every 7×24 h (no 72/14 alternative).',
    },
    params: { optionA: { windowMinutes: 10080, minRestMinutes: 2160 } },
    messages: {
      default: {
        nl: 'Langste rust in 7×24 uur is {value} voor een jeugdige werknemer, minimaal {limit} vereist ({cite})',
        en: 'Longest rest in 7×24 h is {value} for a young worker, at least {limit} required ({cite})',
      },
    },
  },
  {
    id: 'atw-minor.break',
    profile: 'atw-minor',
    kind: 'break',
    tier: 'legal',
    ageScope: 'minor',
    source: { document: ATW, article: '5:4 lid 1' },
    title: { nl: 'Pauze (16–17 jaar)', en: 'Breaks (16–17)' },
    summary: {
      nl: 'Bij meer dan 4,5 uur arbeid ten minste 30 minuten pauze, te splitsen in pauzes van ten minste 15 minuten.',
      en: 'More than 4.5 h of work needs at least 30 min of breaks, split into breaks of at least 15 min.',
    },
    params: { tiers: [{ overWorkMinutes: 270, minBreakMinutes: 30 }], minPartMinutes: 15 },
    messages: {
      default: {
        nl: 'Dienst met {work} arbeidstijd heeft {value} pauze, minimaal {limit} vereist voor een jeugdige werknemer ({cite})',
        en: 'Shift with {work} of work has {value} of breaks, at least {limit} required for a young worker ({cite})',
      },
    },
  },
  {
    id: 'atw-minor.on-call',
    profile: 'atw-minor',
    kind: 'no-on-call',
    tier: 'legal',
    ageScope: 'minor',
    source: { document: ATW, article: '5:9 lid 1; ATB 4.8:1 lid 2' },
    title: { nl: 'Geen bereikbaarheids- of aanwezigheidsdienst (16–17 jaar)', en: 'No on-call duty (16–17)' },
    summary: {
      nl: 'Jeugdige werknemers doen geen consignatie en geen aanwezigheidsdienst.',
      en: 'Young workers do no on-call duty and no on-site on-call (sleep-in) duty.',
    },
    params: {},
    messages: {
      default: {
        nl: '{kind} ({value}) voor een jeugdige werknemer, niet toegestaan ({cite})',
        en: '{kind} ({value}) for a young worker, not allowed ({cite})',
      },
    },
  },

  // ---------------------------------------------------------------- ATB §5.19 care
  {
    id: 'atb-care.daily-rest',
    profile: 'atb-care',
    kind: 'daily-rest',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATB, article: '5.19:2' },
    title: { nl: 'Dagelijkse rust in de zorg', en: 'Daily rest in care' },
    summary: {
      nl: 'Ten minste 11 uur per 24 uur; per 7×24 uur eenmaal in te korten tot 8 uur en eenmaal tot 10 uur (alleen via collectieve regeling).',
      en: 'At least 11 h per 24 h; per 7×24 h it may be shortened once to 8 h and once to 10 h (collective arrangement only).',
    },
    params: {
      minRestMinutes: 660,
      reductions: [480, 600],
      reductionWindowMinutes: 10080,
      periodMinutes: 1440,
      skipAfterNight0200: true,
    },
    unconfirmedParams: { reductions: 'ATB-wijziging Stb. 2018, 404 niet nagelezen' },
    replaces: ['atw.daily-rest'],
    messages: restMessages,
  },
  {
    id: 'atb-care.on-call-home',
    profile: 'atb-care',
    kind: 'on-call-count',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATB, article: '5.19:3' },
    title: { nl: 'Aantal bereikbaarheidsdiensten', en: 'Number of on-call duties from home' },
    summary: {
      nl: 'Ten hoogste 3 bereikbaarheidsdiensten per 7×24 uur en 32 per 16 weken.',
      en: 'At most 3 on-call duties from home per 7×24 h and 32 per 16 weeks.',
    },
    params: { kinds: 'home', maxPerWindow: 3, windowMinutes: 10080, maxPerWeeks: 32, weeks: 16 },
    messages: {
      default: {
        nl: '{value} bereikbaarheidsdiensten in 7×24 uur, maximaal {limit} ({cite})',
        en: '{value} on-call duties from home in 7×24 h, at most {limit} ({cite})',
      },
      'count-weeks': {
        nl: '{value} bereikbaarheidsdiensten in {weeks} weken, maximaal {limit} ({cite})',
        en: '{value} on-call duties from home in {weeks} weeks, at most {limit} ({cite})',
      },
    },
  },
  {
    id: 'atb-care.on-call-combined',
    profile: 'atb-care',
    kind: 'on-call-count',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATB, article: '5.19:4' },
    title: { nl: 'Samenloop bijzondere diensten', en: 'Combined on-call duties' },
    summary: {
      nl: 'Consignatie, bereikbaarheids- en aanwezigheidsdiensten samen ten hoogste 3 per 7×24 uur en 32 per 16 weken.',
      en: 'On-call and sleep-in duties together at most 3 per 7×24 h and 32 per 16 weeks.',
    },
    params: { kinds: 'any', maxPerWindow: 3, windowMinutes: 10080, maxPerWeeks: 32, weeks: 16 },
    messages: {
      default: {
        nl: '{value} bereikbaarheids- en aanwezigheidsdiensten samen in 7×24 uur, maximaal {limit} ({cite})',
        en: '{value} on-call and sleep-in duties together in 7×24 h, at most {limit} ({cite})',
      },
      'count-weeks': {
        nl: '{value} bereikbaarheids- en aanwezigheidsdiensten samen in {weeks} weken, maximaal {limit} ({cite})',
        en: '{value} on-call and sleep-in duties together in {weeks} weeks, at most {limit} ({cite})',
      },
    },
  },
  {
    id: 'atb-care.on-call-length',
    profile: 'atb-care',
    kind: 'on-call-length',
    tier: 'legal',
    ageScope: 'adult',
    source: { document: ATB, article: '1:1 (definities bereikbaarheids- en aanwezigheidsdienst)' },
    title: { nl: 'Duur bereikbaarheids- of aanwezigheidsdienst', en: 'Length of an on-call duty' },
    summary: {
      nl: 'Een bereikbaarheidsdienst en een aanwezigheidsdienst duren elk ten hoogste 24 uur.',
      en: 'An on-call duty from home and an on-site on-call duty each last at most 24 h.',
    },
    params: { maxMinutes: 1440 },
    messages: {
      default: {
        nl: '{kind} van {value}, maximaal {limit} ({cite})',
        en: '{kind} of {value}, at most {limit} ({cite})',
      },
    },
  },

  // ---------------------------------------------------------------- CAO Ziekenhuizen
  {
    id: 'cao-ziekenhuizen.shift-length',
    profile: 'cao-ziekenhuizen',
    kind: 'dienst-length',
    tier: 'cao',
    ageScope: 'all',
    source: {
      document: 'Cao Ziekenhuizen',
      article: '6.11',
      edition: CAO_ZKH_EDITION,
      reference: '[NVZ-6.11]',
    },
    title: { nl: 'Maximale dienstduur (cao)', en: 'Maximum shift length (CAO)' },
    summary: {
      nl: 'Een dienst duurt ten hoogste 10 uur exclusief overwerk (12 uur inclusief overwerk).',
      en: 'A shift lasts at most 10 h excluding overtime (12 h including overtime).',
    },
    params: { maxWorkMinutes: 600, nightOnly: false },
    unconfirmedParams: { maxWorkMinutes: 'artikel gelezen in editie 2017-2019' },
    messages: {
      default: {
        nl: 'Dienst met {value} arbeidstijd, maximaal {limit} ingeroosterd ({cite})',
        en: 'Shift with {value} of work, at most {limit} rostered ({cite})',
      },
    },
  },
  {
    id: 'cao-ziekenhuizen.night-shift-length',
    profile: 'cao-ziekenhuizen',
    kind: 'dienst-length',
    tier: 'cao',
    ageScope: 'all',
    source: {
      document: 'Cao Ziekenhuizen',
      article: '6.11',
      edition: CAO_ZKH_EDITION,
      reference: '[NVZ-6.11]',
    },
    title: { nl: 'Maximale duur nachtdienst (cao)', en: 'Maximum night-shift length (CAO)' },
    summary: {
      nl: 'Een nachtdienst duurt ten hoogste 9 uur exclusief overwerk (10 uur inclusief); geen gebruik van ATW 5:8 lid 3.',
      en: 'A night shift lasts at most 9 h excluding overtime (10 h including); ATW 5:8 para. 3 is not used.',
    },
    params: { maxWorkMinutes: 540, nightOnly: true },
    unconfirmedParams: { maxWorkMinutes: 'artikel gelezen in editie 2017-2019' },
    messages: {
      default: {
        nl: 'Nachtdienst met {value} arbeidstijd, maximaal {limit} ingeroosterd ({cite})',
        en: 'Night shift with {value} of work, at most {limit} rostered ({cite})',
      },
    },
  },
  {
    id: 'cao-ziekenhuizen.consecutive-nights',
    profile: 'cao-ziekenhuizen',
    kind: 'consecutive-nights',
    tier: 'cao',
    ageScope: 'all',
    source: {
      document: 'Cao Ziekenhuizen',
      article: '6.12',
      edition: CAO_ZKH_EDITION,
      reference: '[NVZ-6.12]',
    },
    title: { nl: 'Nachtdiensten achter elkaar', en: 'Consecutive night shifts' },
    summary: {
      nl: 'Ten hoogste 5 nachtdiensten achter elkaar; op verzoek van de werknemer 7 (dan ten hoogste 43 per 16 weken).',
      en: "At most 5 consecutive night shifts; 7 at the employee's request (then at most 43 per 16 weeks).",
    },
    params: { maxNights: 5 },
    unconfirmedParams: { maxNights: 'artikel gelezen in editie 2017-2019' },
    messages: {
      default: {
        nl: '{value} nachtdiensten achter elkaar, maximaal {limit} ({cite})',
        en: '{value} consecutive night shifts, at most {limit} ({cite})',
      },
    },
  },
  {
    id: 'cao-ziekenhuizen.free-weekends',
    profile: 'cao-ziekenhuizen',
    kind: 'free-weekends',
    tier: 'cao',
    ageScope: 'all',
    source: {
      document: 'Cao Ziekenhuizen',
      article: '6.10',
      edition: CAO_ZKH_EDITION,
      reference: '[NVZ-6.10]',
    },
    title: { nl: 'Vrije weekenden', en: 'Free weekends' },
    summary: {
      nl: 'Ten minste 22 weekenden per jaar vrij van diensten (in overleg minder, maar altijd 13 vrije zondagen).',
      en: 'At least 22 weekends per year free of shifts (fewer by agreement, but always 13 free Sundays).',
    },
    params: { minFreePerYear: 22 },
    unconfirmed: 'weekend = zaterdag 00:00 – maandag 00:00; "per jaar" = kalenderjaar',
    messages: {
      default: {
        nl: '{value} vrije weekenden in {year}, minimaal {limit} ({cite})',
        en: '{value} free weekends in {year}, at least {limit} ({cite})',
      },
    },
  },
  {
    id: 'cao-ziekenhuizen.minor-night',
    profile: 'cao-ziekenhuizen',
    kind: 'no-work-window',
    tier: 'cao',
    ageScope: 'minor',
    source: {
      document: 'Cao Ziekenhuizen',
      article: '6.7 lid 5',
      edition: CAO_ZKH_EDITION,
      reference: '[NVZ-6.7]',
    },
    title: { nl: 'Diensten tussen 23:00 en 07:00 alleen 18+', en: 'Shifts 23:00–07:00 only for 18+' },
    summary: {
      nl: 'Diensten die (deels) tussen 23:00 en 07:00 vallen, alleen voor werknemers van 18 jaar en ouder.',
      en: 'Shifts touching 23:00–07:00 only for workers aged 18 or over.',
    },
    params: { fromMinute: 1380, toMinute: 420 },
    messages: {
      default: {
        nl: '{value} arbeid tussen 23:00 en 07:00 door een werknemer jonger dan 18 ({cite})',
        en: '{value} of work between 23:00 and 07:00 by a worker under 18 ({cite})',
      },
    },
  },

  // ---------------------------------------------------------------- CAO VVT
  {
    id: 'cao-vvt.shift-length',
    profile: 'cao-vvt',
    kind: 'dienst-length',
    tier: 'cao',
    ageScope: 'all',
    source: {
      document: 'Cao VVT',
      article: '5.1',
      edition: '2025-2026',
      reference: '[ZG-VVT] [FP-VVT] [JIG-VVT]',
    },
    title: { nl: 'Maximale dienstduur (cao)', en: 'Maximum shift length (CAO)' },
    summary: {
      nl: 'Een dienst duurt ten hoogste 10 uur; 12 uur alleen bij een incidentele, onvoorziene wijziging van omstandigheden.',
      en: 'A shift lasts at most 10 h; 12 h only on an incidental, unforeseen change of circumstances.',
    },
    params: { maxWorkMinutes: 600, nightOnly: false },
    unconfirmedParams: { maxWorkMinutes: 'geen primaire cao-tekst; artikelnummer niet bevestigd' },
    messages: {
      default: {
        nl: 'Dienst met {value} arbeidstijd, maximaal {limit} ingeroosterd ({cite})',
        en: 'Shift with {value} of work, at most {limit} rostered ({cite})',
      },
    },
  },
  {
    id: 'cao-vvt.free-weekends',
    profile: 'cao-vvt',
    kind: 'free-weekends',
    tier: 'cao',
    ageScope: 'all',
    source: { document: 'Cao VVT', article: 'vrije weekenden', edition: '2025-2026', reference: '[FP-VVT]' },
    title: { nl: 'Vrije weekenden (ondergrens)', en: 'Free weekends (floor)' },
    summary: {
      nl: 'Ten minste 22 vrije weekenden per jaar; de werkgever mag om minder vragen, maar nooit minder dan 17.',
      en: 'At least 22 free weekends per year; the employer may ask for fewer, but never fewer than 17.',
    },
    params: { minFreePerYear: 17 },
    unconfirmedParams: { minFreePerYear: 'geen primaire cao-tekst' },
    unconfirmed: 'weekend = zaterdag 00:00 – maandag 00:00; "per jaar" = kalenderjaar',
    messages: {
      default: {
        nl: '{value} vrije weekenden in {year}, minimaal {limit} ({cite})',
        en: '{value} free weekends in {year}, at least {limit} ({cite})',
      },
    },
  },
  {
    id: 'cao-vvt.free-weekends-target',
    profile: 'cao-vvt',
    kind: 'free-weekends',
    tier: 'preference',
    ageScope: 'all',
    source: { document: 'Cao VVT', article: 'vrije weekenden', edition: '2025-2026', reference: '[FP-VVT]' },
    title: { nl: 'Vrije weekenden (norm)', en: 'Free weekends (norm)' },
    summary: {
      nl: 'De norm is 22 vrije weekenden per jaar; minder alleen op verzoek van de werkgever.',
      en: "The norm is 22 free weekends per year; fewer only at the employer's request.",
    },
    params: { minFreePerYear: 22 },
    unconfirmedParams: { minFreePerYear: 'geen primaire cao-tekst' },
    unconfirmed: 'weekend = zaterdag 00:00 – maandag 00:00; "per jaar" = kalenderjaar',
    messages: {
      default: {
        nl: '{value} vrije weekenden in {year}, de norm is {limit} ({cite})',
        en: '{value} free weekends in {year}, the norm is {limit} ({cite})',
      },
    },
  },

  // ---------------------------------------------------------------- CAO Gehandicaptenzorg
  {
    id: 'cao-ghz.shift-length',
    profile: 'cao-ghz',
    kind: 'dienst-length',
    tier: 'cao',
    ageScope: 'all',
    source: {
      document: 'Cao Gehandicaptenzorg',
      article: 'Bijlage 2',
      edition: CAO_GHZ_EDITION,
      reference: '[VGN-B2-2017]',
    },
    title: { nl: 'Maximale dienstduur (cao)', en: 'Maximum shift length (CAO)' },
    summary: {
      nl: 'Ten hoogste 10 uur per dienst (incidenteel 12 uur).',
      en: 'At most 10 h per shift (12 h incidentally).',
    },
    params: { maxWorkMinutes: 600, nightOnly: false },
    unconfirmedParams: { maxWorkMinutes: 'Bijlage 2 gelezen in editie 2017-2019' },
    messages: {
      default: {
        nl: 'Dienst met {value} arbeidstijd, maximaal {limit} ingeroosterd ({cite})',
        en: 'Shift with {value} of work, at most {limit} rostered ({cite})',
      },
    },
  },
  {
    id: 'cao-ghz.rest-9d',
    profile: 'cao-ghz',
    kind: 'weekly-rest',
    tier: 'cao',
    ageScope: 'adult',
    source: {
      document: 'Cao Gehandicaptenzorg',
      article: 'Bijlage 2',
      edition: CAO_GHZ_EDITION,
      reference: '[VGN-B2-2017]',
    },
    title: { nl: 'Rust per 9×24 uur', en: 'Rest per 9×24 h' },
    summary: {
      nl: 'Naast de wekelijkse rust van de ATW ten minste 32 uur onafgebroken rust in elke periode van 9×24 uur.',
      en: 'On top of the ATW weekly rest, at least 32 h uninterrupted rest in every 9×24 h.',
    },
    params: { optionA: { windowMinutes: 12960, minRestMinutes: 1920 } },
    unconfirmedParams: { optionA: 'Bijlage 2 gelezen in editie 2017-2019' },
    messages: {
      default: {
        nl: 'Langste rust in 9×24 uur is {value}, minimaal {limit} vereist ({cite})',
        en: 'Longest rest in 9×24 h is {value}, at least {limit} required ({cite})',
      },
    },
  },
  {
    id: 'cao-ghz.free-weekends',
    profile: 'cao-ghz',
    kind: 'free-weekends',
    tier: 'cao',
    ageScope: 'all',
    source: {
      document: 'Cao Gehandicaptenzorg',
      article: 'Bijlage 2',
      edition: CAO_GHZ_EDITION,
      reference: '[VGN-B2-2017]',
    },
    title: { nl: 'Vrije weekenden', en: 'Free weekends' },
    summary: {
      nl: 'Ten minste 22 vrije weekenden per jaar (minder alleen op verzoek van de werknemer).',
      en: "At least 22 free weekends per year (fewer only at the employee's request).",
    },
    params: { minFreePerYear: 22 },
    unconfirmedParams: { minFreePerYear: 'Bijlage 2 gelezen in editie 2017-2019' },
    unconfirmed: 'weekend = zaterdag 00:00 – maandag 00:00; "per jaar" = kalenderjaar',
    messages: {
      default: {
        nl: '{value} vrije weekenden in {year}, minimaal {limit} ({cite})',
        en: '{value} free weekends in {year}, at least {limit} ({cite})',
      },
    },
  },

  // ---------------------------------------------------------------- CAO GGZ
  {
    id: 'cao-ggz.shift-length',
    profile: 'cao-ggz',
    kind: 'dienst-length',
    tier: 'cao',
    ageScope: 'all',
    source: { document: 'Cao GGZ', article: 'Bijlage III', edition: CAO_GGZ_EDITION, reference: '[GGZ-B3]' },
    title: { nl: 'Maximale dienstduur (cao)', en: 'Maximum shift length (CAO)' },
    summary: { nl: 'Ten hoogste 10 uur per dienst.', en: 'At most 10 h per shift.' },
    params: { maxWorkMinutes: 600, nightOnly: false },
    unconfirmedParams: { maxWorkMinutes: 'Bijlage III uit oudere webeditie' },
    messages: {
      default: {
        nl: 'Dienst met {value} arbeidstijd, maximaal {limit} ({cite})',
        en: 'Shift with {value} of work, at most {limit} ({cite})',
      },
    },
  },
  {
    id: 'cao-ggz.avg-4w',
    profile: 'cao-ggz',
    kind: 'week-hours',
    tier: 'cao',
    ageScope: 'all',
    source: { document: 'Cao GGZ', article: 'Bijlage III', edition: CAO_GGZ_EDITION, reference: '[GGZ-B3]' },
    title: { nl: 'Gemiddelde per 4 weken (cao)', en: 'Average per 4 weeks (CAO)' },
    summary: {
      nl: 'Gemiddeld ten hoogste 50 uur per week over 4 weken (200 uur).',
      en: 'At most 50 h per week on average over 4 weeks (200 h).',
    },
    params: { weeks: 4, maxAvgMinutesPerWeek: 3000 },
    unconfirmedParams: { maxAvgMinutesPerWeek: 'Bijlage III uit oudere webeditie' },
    messages: {
      default: {
        nl: 'Gemiddeld {value} per week over {weeks} weken (totaal {total}), maximaal gemiddeld {limit} ({cite})',
        en: 'Average of {value} per week over {weeks} weeks (total {total}), at most {limit} on average ({cite})',
      },
    },
  },
  {
    id: 'cao-ggz.weekly-rest',
    profile: 'cao-ggz',
    kind: 'weekly-rest',
    tier: 'cao',
    ageScope: 'adult',
    source: { document: 'Cao GGZ', article: 'Bijlage III', edition: CAO_GGZ_EDITION, reference: '[GGZ-B3]' },
    title: { nl: 'Wekelijkse rust (cao)', en: 'Weekly rest (CAO)' },
    summary: {
      nl: '72 uur rust per 14×24 uur in delen van ten minste 32 uur.',
      en: '72 h rest per 14×24 h in parts of at least 32 h.',
    },
    params: { optionB: { windowMinutes: 20160, minTotalMinutes: 4320, minPartMinutes: 1920 } },
    unconfirmedParams: { optionB: 'Bijlage III uit oudere webeditie' },
    messages: {
      default: {
        nl: 'Rust in 14×24 uur in delen van ten minste 32 uur is {total}, minimaal 72 uur vereist ({cite})',
        en: 'Rest in 14×24 h in parts of at least 32 h is {total}, at least 72 h required ({cite})',
      },
    },
  },
  {
    id: 'cao-ggz.rest-9d',
    profile: 'cao-ggz',
    kind: 'weekly-rest',
    tier: 'cao',
    ageScope: 'adult',
    source: { document: 'Cao GGZ', article: 'Bijlage III', edition: CAO_GGZ_EDITION, reference: '[GGZ-B3]' },
    title: { nl: 'Rustperiode per 9×24 uur', en: 'Rest period per 9×24 h' },
    summary: {
      nl: 'In elke periode van 9×24 uur ten minste één rustperiode (van ten minste 32 uur).',
      en: 'At least one rest period (of at least 32 h) in every 9×24 h.',
    },
    params: { optionA: { windowMinutes: 12960, minRestMinutes: 1920 } },
    unconfirmedParams: {
      optionA: 'Bijlage III uit oudere webeditie; duur van de rustperiode (32 uur) afgeleid',
    },
    messages: {
      default: {
        nl: 'Langste rust in 9×24 uur is {value}, minimaal {limit} vereist ({cite})',
        en: 'Longest rest in 9×24 h is {value}, at least {limit} required ({cite})',
      },
    },
  },
  {
    id: 'cao-ggz.daily-rest',
    profile: 'cao-ggz',
    kind: 'daily-rest',
    tier: 'cao',
    ageScope: 'adult',
    source: { document: 'Cao GGZ', article: 'Bijlage III', edition: CAO_GGZ_EDITION, reference: '[GGZ-B3]' },
    title: { nl: 'Dagelijkse rust (cao)', en: 'Daily rest (CAO)' },
    summary: {
      nl: '11 uur rust per 24 uur; eenmaal per 7×24 uur in te korten tot 10 uur.',
      en: '11 h rest per 24 h; once per 7×24 h it may be shortened to 10 h.',
    },
    params: {
      minRestMinutes: 660,
      reductions: [600],
      reductionWindowMinutes: 10080,
      periodMinutes: 1440,
      skipAfterNight0200: true,
    },
    unconfirmedParams: { reductions: 'voetnoot (#) in Bijlage III niet gelezen' },
    messages: restMessages,
  },
  {
    id: 'cao-ggz.sundays',
    profile: 'cao-ggz',
    kind: 'free-sundays',
    tier: 'cao',
    ageScope: 'all',
    source: { document: 'Cao GGZ', article: 'Bijlage III', edition: CAO_GGZ_EDITION, reference: '[GGZ-B3]' },
    title: { nl: 'Vrije zondagen (cao)', en: 'Free Sundays (CAO)' },
    summary: {
      nl: 'Ten minste 22 vrije zondagen per 52 weken.',
      en: 'At least 22 free Sundays per 52 weeks.',
    },
    params: { weeks: 52, minFree: 22 },
    unconfirmedParams: { minFree: 'Bijlage III uit oudere webeditie' },
    messages: {
      default: {
        nl: '{value} vrije zondagen in {weeks} weken, minimaal {limit} ({cite})',
        en: '{value} free Sundays in {weeks} weeks, at least {limit} ({cite})',
      },
    },
  },

  // ---------------------------------------------------------------- CAO UMC
  {
    id: 'cao-umc.night-rest',
    profile: 'cao-umc',
    kind: 'night-rest',
    tier: 'cao',
    ageScope: 'adult',
    source: { document: 'Cao UMC', article: 'akkoord 2022-2023', reference: '[CNV-UMC]' },
    title: { nl: 'Rust na nachtdienst (cao)', en: 'Rest after a night shift (CAO)' },
    summary: {
      nl: 'Na een nachtdienst ten minste 14 uur rust (verhoogd van 8 uur).',
      en: 'At least 14 h rest after a night shift (raised from 8 h).',
    },
    params: {
      minRestMinutes: 840,
      reductions: [],
      reductionWindowMinutes: 10080,
      onlyEndingAfterMinute: null,
      longNightOverMinutes: null,
    },
    unconfirmedParams: { minRestMinutes: 'huidige cao-versie niet bevestigd' },
    messages: {
      default: {
        nl: 'Rust na nachtdienst {value}, minimaal {limit} vereist ({cite})',
        en: 'Rest after night shift {value}, at least {limit} required ({cite})',
      },
    },
  },
];
