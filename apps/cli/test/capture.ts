import { afterEach, vi } from 'vitest';

/** Collect what a command prints (console and raw stdout/stderr) instead of showing it. */
export function capture(): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (s: string | Uint8Array) => (out.push(String(s)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (s: string | Uint8Array) => (err.push(String(s)), true),
  );
  return { out, err };
}

/** Undo the capture and the exit code after each test of the file that imports this. */
export function restoreAfterEach(): void {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
}
