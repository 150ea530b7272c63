/**
 * `planmaat serve`: the web API and/or job worker. With no configuration: web + worker on the
 * embedded database in ./data with the demo organisation. Environment: PORT, HOST, DATABASE_URL,
 * PLANMAAT_DATA_DIR, PLANMAAT_DEMO, PLANMAAT_DEMO_PASSWORD, PLANMAAT_WORKER_CONCURRENCY,
 * PLANMAAT_OIDC_* (see docs/platform.md).
 */
import type { Command } from 'commander';
import { InputError } from '@planmaat/domain';
import { serveOptionsFromEnv, startPlanmaat, type Service } from '@planmaat/server';

const SERVICES: Service[] = ['web', 'worker'];

function parseServices(value: string): Service[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const wrong = list.find((s) => !SERVICES.includes(s as Service));
  if (wrong || list.length === 0)
    throw new InputError(`--services: expected web, worker or web,worker (got "${wrong ?? value}")`);
  return list as Service[];
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start de webserver en/of worker / start the web API and/or job worker')
    .option('--services <list>', 'web, worker or web,worker', 'web,worker')
    .option('--port <port>', 'HTTP port (default $PORT or 3000)')
    .option('--data-dir <dir>', 'embedded data folder (default $PLANMAAT_DATA_DIR or ./data)')
    .option('--no-demo', 'do not load the demo organisation and accounts')
    .action(async (opts: { services: string; port?: string; dataDir?: string; demo: boolean }) => {
      const options = serveOptionsFromEnv();
      options.services = parseServices(opts.services);
      if (opts.port !== undefined) {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new InputError(`--port: not a port number: ${opts.port}`);
        options.port = port;
      }
      if (opts.dataDir) options.dataDir = opts.dataDir;
      if (!opts.demo) options.demo = false;
      if (!options.databaseUrl && options.services.length === 1)
        throw new InputError(
          '--services: the embedded database runs web and worker in one process; set DATABASE_URL to split them',
        );

      const running = await startPlanmaat(options);
      const where = options.databaseUrl ? 'PostgreSQL' : `PGlite in ${options.dataDir}`;
      console.log(`Planmaat draait / is running (${options.services.join(', ')}; ${where})`);
      if (running.url) {
        console.log(`  ${running.url}   API-documentatie: ${running.url}/api/docs`);
      }
      for (const account of running.demoAccounts ?? [])
        console.log(
          `  demo-account ${account.email} (${account.role})  wachtwoord / password: ${account.password}`,
        );

      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          console.log(`${signal}: afsluiten / shutting down…`);
          running.stop().then(resolve, (error: unknown) => {
            console.error('planmaat: shutdown failed:', error);
            resolve();
          });
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
    });
}
