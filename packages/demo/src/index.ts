export {
  generateDemoOrganisation,
  activityName,
  DEMO_ORGANISATION_ID,
  DEFAULT_DEMO_START,
  type DemoOptions,
} from './generate.ts';
export { buildHandMadeRoster } from './hand-roster.ts';
export { carerShiftsFromRoster } from './carer-shifts.ts';
export { generateWorkforceHistory, type WorkforceHistory, type HistoryOptions } from './history.ts';
