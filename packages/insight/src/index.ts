export * from './input.ts';
export * from './figures.ts';
export * from './suppress.ts';
export * from './report.ts';
export * from './team-report.ts';
export * from './export.ts';
export { restViolationsOf } from './rest-violations.ts';
