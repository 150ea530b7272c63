import type { Command } from 'commander';
import { registerDemo } from './demo.ts';
import { registerValidate } from './validate.ts';

/** Every subcommand of `planmaat`; add a module and list it here. */
export const commands: Array<(program: Command) => void> = [registerDemo, registerValidate];
