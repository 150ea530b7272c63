/** `planmaat demo generate`: write the demo organisation as a bundle folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { generateDemoOrganisation, DEFAULT_DEMO_START } from '@planmaat/demo';
import { writeBundle } from '@planmaat/interchange';
import { CliExit } from '../cli-exit.ts';
import { integerOption } from '../options.ts';

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('Demo-organisatie / demo organisation');
  demo
    .command('generate')
    .description('Write the demo care organisation (Zoetermeer region) as organisation.json + CSV files')
    .option('--seed <n>', 'random seed (same seed, same data)', '1')
    .option('--employees <n>', 'number of employees (default 120)')
    .option('--visits <n>', 'home-care visits per day (default about 380)')
    .option('--start <date>', 'first day of the current roster period (YYYY-MM-DD)', DEFAULT_DEMO_START)
    .requiredOption('--out <dir>', 'output folder')
    .action(
      async (opts: { seed: string; employees?: string; visits?: string; start: string; out: string }) => {
        const seed = integerOption('--seed', opts.seed, 0);
        const employees =
          opts.employees === undefined ? undefined : integerOption('--employees', opts.employees, 10);
        const visitsPerDay =
          opts.visits === undefined ? undefined : integerOption('--visits', opts.visits, 0);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.start))
          throw new CliExit(2, `--start "${opts.start}" is not a date YYYY-MM-DD`);
        const data = generateDemoOrganisation({ seed, employees, visitsPerDay, start: opts.start });
        await mkdir(opts.out, { recursive: true });
        for (const [name, content] of Object.entries(writeBundle(data)))
          await writeFile(path.join(opts.out, name), content);
        console.log(
          `${data.organisation.name}: ${data.teams.length} teams, ${data.employees.length} employees, ` +
            `${data.assignments.length} assignments, ${data.clients.length} clients, ${data.visits.length} visits → ${opts.out}`,
        );
      },
    );
}
