import { CliExit } from './cli-exit.ts';

/** Parse an integer option, or exit 2 naming the option and what it expects. */
export function integerOption(
  name: string,
  value: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliExit(
      2,
      `${name} "${value}" must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`,
    );
  return n;
}

/** Parse a number option (decimals allowed), or exit 2. */
export function numberOption(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new CliExit(2, `${name} "${value}" must be a number ≥ ${min}`);
  return n;
}
