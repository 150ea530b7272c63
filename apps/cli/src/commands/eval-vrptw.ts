/**
 * `planmaat eval-vrptw INSTANCE.txt ROUTES.txt`: re-score a Solomon solution from scratch with the
 * independent evaluator: feasibility, violations, vehicles, distance and gaps to best known.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { evaluateSolomon, gapPercent, parseRoutes, parseSolomon } from '@planmaat/routes';
import { CliExit } from '../cli-exit.ts';

async function bestKnown(file: string, instance: string): Promise<number | undefined> {
  try {
    const text = await readFile(file, 'utf8');
    for (const line of text.split(/\r?\n/).slice(1)) {
      const [name, , distance] = line.split(',');
      if (name === instance) return Number(distance);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function registerEvalVrptw(program: Command): void {
  program
    .command('eval-vrptw')
    .description(
      'Controleer een Solomon-oplossing / check a Solomon routes file (feasibility, distance, gaps)',
    )
    .argument('<instance>', 'Solomon instance file')
    .argument('<routes>', 'routes file (`Route k : …` lines)')
    .action(async (instanceFile: string, routesFile: string) => {
      const instance = parseSolomon(await readFile(instanceFile, 'utf8'), instanceFile);
      const routes = parseRoutes(await readFile(routesFile, 'utf8'), routesFile);
      const result = evaluateSolomon(instance, routes);
      const dir = path.dirname(instanceFile);
      console.log(`instance ${instance.name}`);
      console.log(`feasible ${result.feasible ? 'yes' : 'no'}`);
      for (const v of result.violations) console.log(`violation ${v}`);
      for (const [label, file] of [
        ['distance-only', 'bks_distance.csv'],
        ['hierarchical', 'bks.csv'],
      ] as const) {
        const bks = await bestKnown(path.join(dir, file), instance.name);
        if (bks !== undefined)
          console.log(
            `gap ${label} ${gapPercent(Number(result.distance.toFixed(2)), bks).toFixed(2)} % (BKS ${bks})`,
          );
      }
      console.log(`vehicles ${result.vehicles} distance ${result.distance.toFixed(2)}`);
      if (!result.feasible) throw new CliExit(1);
    });
}
