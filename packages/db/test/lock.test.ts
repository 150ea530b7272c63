import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError, openDatabase } from '../src/index.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planmaat-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('lets one owner in and refuses a second while the first lives', () => {
    const dir = tempDir();
    const lock = acquireDirLock(dir);
    // A second process cannot take it.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${path.resolve('packages/db/src/lock.ts')}').then(m => { try { m.acquireDirLock(${JSON.stringify(dir)}); console.log('got'); } catch (e) { console.log(e.name); } })`,
      ],
      { encoding: 'utf8' },
    );
    expect(child.stdout.trim()).toBe('DataDirLockedError');
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('takes over a stale lock left by a process that is gone', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(dead.stdout.trim());
    fs.writeFileSync(
      path.join(dir, 'planmaat.lock'),
      JSON.stringify({ pid, host: os.hostname(), startedAt: 'x' }),
    );
    const lock = acquireDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('keeps a second embedded database off an open data folder, and reopens it after close', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    await first.executeSql("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('bewaard')");
    // Same process, second open: refused too (the lock names this pid).
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    expect((await again.executeSql('SELECT v FROM kept')).rows).toEqual([{ v: 'bewaard' }]);
    await again.close();
  });
});
