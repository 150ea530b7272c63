export * from './time.ts';
export * from './holidays.ts';
export * from './qualification.ts';
export * from './model.ts';
export * from './shift.ts';
export * from './errors.ts';
export * from './random.ts';
export * from './geo.ts';
