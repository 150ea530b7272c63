/** Loading the HiGHS WebAssembly solver. */
import highsImport from 'highs';
import type { Highs } from 'highs';

// The package's types describe a CommonJS module; under ESM the default import is the loader.
type HighsLoader = typeof highsImport.default;
const highsLoader = ((highsImport as unknown as { default?: HighsLoader }).default ??
  highsImport) as unknown as HighsLoader;

/** A fresh HiGHS runtime (its own WebAssembly heap). */
export function loadHighs(): Promise<Highs> {
  return highsLoader();
}

/** HiGHS' name for a model status code (e.g. "optimal", "timeLimit"). */
export function modelStatusName(highs: Highs, code: number): string {
  return String(Object.entries(highs.constants.modelStatus).find(([, v]) => v === code)?.[0] ?? code);
}
