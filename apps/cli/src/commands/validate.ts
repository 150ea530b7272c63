/** `planmaat validate DIR`: read an organisation bundle and report what it holds or what is wrong. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '@planmaat/domain';
import { BUNDLE_FILES, readBundle } from '@planmaat/interchange';

export async function readBundleDir(dir: string) {
  const files: Record<string, string | undefined> = {};
  for (const name of Object.values(BUNDLE_FILES)) {
    try {
      files[name] = await readFile(path.join(dir, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  try {
    return readBundle(files);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.message, dir);
    throw error;
  }
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check an organisation folder (organisation.json + CSV files) and print what it holds')
    .argument('<dir>', 'folder written by `planmaat demo generate` or exported from another system')
    .action(async (dir: string) => {
      const data = await readBundleDir(dir);
      console.log(
        `${data.organisation.name}: ${data.teams.length} teams, ${data.employees.length} employees, ` +
          `${data.shiftTypes.length} shift types, ${data.assignments.length} assignments, ` +
          `${data.clients.length} clients, ${data.visits.length} visits — valid`,
      );
    });
}
