import type { Command } from 'commander';

/** Every subcommand of `planmaat`; add a module and list it here. */
export const commands: Array<(program: Command) => void> = [];
