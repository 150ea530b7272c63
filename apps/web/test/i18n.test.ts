/** Dutch and English must offer the same keys and placeholders, and every key the code uses exists. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
import { nl } from '../src/i18n/nl.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  const nlKeys = flatten(nl as unknown as Tree);
  const enKeys = flatten(en as unknown as Tree);

  it('have the same keys in Dutch and English', () => {
    expect([...enKeys.keys()].sort()).toEqual([...nlKeys.keys()].sort());
  });

  it('have the same placeholders and no empty texts', () => {
    for (const [key, text] of nlKeys) {
      expect(text.trim(), key).not.toBe('');
      expect(enKeys.get(key)!.trim(), key).not.toBe('');
      expect(placeholders(enKeys.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('define every literal key the screens use', () => {
    const root = new URL('../src/', import.meta.url).pathname;
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        used++;
        const key = m[1]!;
        // A counted text exists as key_one + key_other (i18next plurals).
        if (!nlKeys.has(key) && !(nlKeys.has(`${key}_one`) && nlKeys.has(`${key}_other`)))
          missing.push(`${file.slice(root.length)}: ${key}`);
      }
      // Template keys like t(`roster.status_${x}`): at least one key with that prefix must exist.
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.-]+)\$\{/g)) {
        used++;
        if (![...nlKeys.keys()].some((k) => k.startsWith(m[1]!)))
          missing.push(`${file.slice(root.length)}: ${m[1]}…`);
      }
    }
    expect(used).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('give every counted text a singular and a plural form with the count in it', () => {
    for (const keys of [nlKeys, enKeys])
      for (const [key, text] of keys) {
        if (!/_(one|other)$/.test(key)) continue;
        const base = key.replace(/_(one|other)$/, '');
        expect(keys.has(`${base}_one`) && keys.has(`${base}_other`), base).toBe(true);
        expect(placeholders(text), key).toContain('count');
      }
  });

  it('name every status, tier, absence and wish kind in both languages', () => {
    const required = [
      ...['draft', 'published'].map((s) => `roster.status_${s}`),
      ...['absence', 'legal', 'cao', 'healthy', 'preference'].map((s) => `signals.tier_${s}`),
      ...['sick', 'leave', 'unavailable', 'training', 'parental-leave'].map((s) => `absence.kind_${s}`),
      ...['queued', 'running', 'completed', 'failed', 'cancelled'].map((s) => `optimise.status_${s}`),
      ...['open', 'accepted', 'rejected', 'superseded'].map((s) => `proposal.status_${s}`),
      ...['leave', 'sick', 'unavailable', 'training', 'parental-leave'].map((s) => `staff.absence_${s}`),
      ...['wanted-shift', 'unwanted-shift', 'day-off'].map((s) => `staff.kind_${s}`),
      ...['short', 'ok', 'ideal', 'over', 'none'].map((s) => `coverage.${s}`),
      ...['admin', 'planner', 'team-leader', 'employee'].map((s) => `role.${s}`),
    ];
    for (const key of required) {
      expect(nlKeys.has(key), key).toBe(true);
      expect(enKeys.has(key), key).toBe(true);
    }
  });
});
