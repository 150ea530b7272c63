export * from './csv.ts';
export * from './formats.ts';
export * from './bundle.ts';
export * from './ical.ts';
