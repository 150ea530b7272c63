/**
 * `planmaat check SHIFTS.csv`: check an export from any planning system against the ATW/ATB and
 * the care CAOs. Exit 0 without violations, 1 with violations, 2 on bad input.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  RuleEngine,
  compileRuleSet,
  formatCsvProblem,
  knownProfiles,
  parseEmployeesCsv,
  parseShiftsCsv,
  reportJson,
  reportText,
  type EmployeeFacts,
  type ReportContext,
} from '@planmaat/rules';
import { CliExit } from '../cli-exit.ts';

interface CheckOptions {
  rules: string;
  employees?: string;
  format: string;
  lang: string;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliExit(2, `planmaat check: cannot read ${file}${code ? ` (${code})` : ''}`);
  }
}

function failOnProblems(file: string, problems: ReturnType<typeof parseShiftsCsv>['problems']): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 20).map((p) => formatCsvProblem(file, p));
  if (problems.length > 20) shown.push(`… and ${problems.length - 20} more`);
  throw new CliExit(2, shown.join('\n'));
}

export async function runCheck(shiftsFile: string, options: CheckOptions): Promise<number> {
  if (options.format !== 'text' && options.format !== 'json')
    throw new CliExit(2, `planmaat check: --format must be text or json, not "${options.format}"`);
  if (options.lang !== 'nl' && options.lang !== 'en')
    throw new CliExit(2, `planmaat check: --lang must be nl or en, not "${options.lang}"`);
  const select = options.rules
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const ruleSet = (() => {
    try {
      return compileRuleSet({ select });
    } catch (error) {
      throw new CliExit(2, `planmaat check: ${(error as Error).message}`);
    }
  })();

  const parsed = parseShiftsCsv(await readText(shiftsFile), { source: shiftsFile });
  failOnProblems(shiftsFile, parsed.problems);
  let employees: EmployeeFacts[] = [];
  if (options.employees) {
    const facts = parseEmployeesCsv(await readText(options.employees));
    failOnProblems(options.employees, facts.problems);
    employees = facts.employees;
  }

  const violations = new RuleEngine(ruleSet).check(parsed.shifts, employees);
  const inShifts = [...new Set(parsed.shifts.map((s) => s.employee))];
  const born = new Set(employees.filter((e) => e.birthDate).map((e) => e.id));
  const ctx: ReportContext = {
    ruleSet,
    lang: options.lang,
    employeeCount: inShifts.length,
    shiftCount: parsed.shifts.length,
    ageKnown: options.employees !== undefined,
    withoutBirthDate: inShifts.filter((id) => !born.has(id)),
  };
  process.stdout.write(
    options.format === 'json' ? reportJson(violations, ctx) + '\n' : reportText(violations, ctx),
  );
  return violations.length > 0 ? 1 : 0;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      'Toets een rooster (CSV) aan ATW/ATB en cao / check a roster (CSV) against the Working Hours Act and CAOs',
    )
    .argument('<shifts>', 'CSV with columns employee,start,end[,break_minutes][,kind]')
    .option(
      '--rules <profiles>',
      `rule profiles or rule ids, comma-separated (${knownProfiles().join(', ')})`,
      'atw',
    )
    .option('--employees <file>', 'CSV with columns id,birth_date (enables the rules for 16–17-year-olds)')
    .option('--format <format>', 'text or json', 'text')
    .option('--lang <lang>', 'nl or en', 'nl')
    .addHelpText(
      'after',
      `
SHIFTS.csv: header plus rows, e.g.
  employee,start,end,break_minutes,kind
  E1,2026-03-28T22:00,2026-03-29T07:00,30,work
start/end are Europe/Amsterdam wall-clock times; also accepted: "2026-03-28 22:00",
"28-03-2026 22:00", ";" or tab separators, a BOM. kind: work (default), on-call-home,
on-call-site, leave, sick. Exit codes: 0 no violations, 1 violations found, 2 bad input.`,
    )
    .action(async (shifts: string, options: CheckOptions) => {
      if ((await runCheck(shifts, options)) !== 0) throw new CliExit(1);
    });
}
