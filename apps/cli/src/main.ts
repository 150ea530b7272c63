/**
 * The `planmaat` command. Each subcommand lives in its own module under commands/ and registers
 * itself on the program; this file only wires them up and turns errors into exit codes:
 * 0 success, 1 "ran fine but found problems" (e.g. rule violations), 2 bad input or usage.
 */
import { Command, CommanderError } from 'commander';
import { InputError } from '@planmaat/domain';
import { commands } from './commands/index.ts';
import { CliExit } from './cli-exit.ts';

export function buildProgram(): Command {
  const program = new Command('planmaat')
    .description('Planmaat — roostering, CAO/ATW-toetsing en thuiszorgroutes voor de zorg')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander but successes to the user.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return 0;
      return 2;
    }
    if (error instanceof CliExit) {
      if (error.message) console.error(error.message);
      return error.code;
    }
    if (error instanceof InputError || (error instanceof Error && error.name === 'TimeFormatError')) {
      console.error(`planmaat: ${error.message}`);
      return 2;
    }
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR')) {
      console.error(`planmaat: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
