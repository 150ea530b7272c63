import type { Command } from 'commander';
import { registerDemo } from './demo.ts';
import { registerValidate } from './validate.ts';
import { registerSolveVrptw } from './solve-vrptw.ts';
import { registerEvalVrptw } from './eval-vrptw.ts';

/** Every subcommand of `planmaat`; add a module and list it here. */
export const commands: Array<(program: Command) => void> = [
  registerDemo,
  registerValidate,
  registerSolveVrptw,
  registerEvalVrptw,
];
