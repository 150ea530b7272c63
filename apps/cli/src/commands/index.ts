import type { Command } from 'commander';
import { registerDemo } from './demo.ts';
import { registerValidate } from './validate.ts';
import { registerSolveVrptw } from './solve-vrptw.ts';
import { registerEvalVrptw } from './eval-vrptw.ts';
import { registerSolveUhhc } from './solve-uhhc.ts';
import { registerEvalUhhc } from './eval-uhhc.ts';
import { registerServe } from './serve.ts';
import { registerCheck } from './check.ts';
import { registerCapacity } from './capacity.ts';
import { registerInsight } from './insight.ts';
import { registerSolveNrp } from './solve-nrp.ts';
import { registerEvalNrp } from './eval-nrp.ts';
import { registerHomecare } from './homecare.ts';
import { registerRoster } from './roster.ts';

/** Every subcommand of `planmaat`; add a module and list it here. */
export const commands: Array<(program: Command) => void> = [
  registerDemo,
  registerValidate,
  registerSolveVrptw,
  registerEvalVrptw,
  registerSolveUhhc,
  registerEvalUhhc,
  registerServe,
  registerCheck,
  registerCapacity,
  registerInsight,
  registerSolveNrp,
  registerEvalNrp,
  registerRoster,
  registerHomecare,
];
