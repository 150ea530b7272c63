export * from './assumptions.ts';
export * from './demand.ts';
export * from './base.ts';
export * from './project.ts';
export * from './scenarios.ts';
export * from './recommend.ts';
export * from './plan.ts';
export * from './export.ts';
