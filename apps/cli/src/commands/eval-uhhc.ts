/** `planmaat eval-uhhc INSTANCE.json SOLUTION.json`: re-score a UHHC solution independently. */
import type { Command } from 'commander';
import { evaluateUhhc, parseUhhc } from '@planmaat/routes';
import { CliExit } from '../cli-exit.ts';
import { readJson } from './solve-uhhc.ts';

export function registerEvalUhhc(program: Command): void {
  program
    .command('eval-uhhc')
    .description('Controleer een UHHC-oplossing / check a UHHC solution (violations, components, objective)')
    .argument('<instance>', 'UHHC instance JSON')
    .argument('<solution>', 'UHHC solution JSON')
    .action(async (instanceFile: string, solutionFile: string) => {
      const instance = parseUhhc(await readJson(instanceFile), instanceFile);
      const result = evaluateUhhc(instance, await readJson(solutionFile), solutionFile);
      for (const v of result.violations) console.log(`violation ${v}`);
      for (const [component, value] of Object.entries(result.values))
        if (instance.weights[component as keyof typeof instance.weights] !== 0 || value !== 0)
          console.log(
            `${component} ${value} × ${instance.weights[component as keyof typeof instance.weights]}`,
          );
      console.log(`objective ${result.objective} violations ${result.violations.length}`);
      if (!result.feasible) throw new CliExit(1);
    });
}
