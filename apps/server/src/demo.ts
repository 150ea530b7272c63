/**
 * The demo organisation and its accounts, loaded on a fresh embedded start. The accounts'
 * password is PLANMAAT_DEMO_PASSWORD or a new random one each start (printed by `serve`).
 */
import { DEFAULT_DEMO_START, DEMO_ORGANISATION_ID, generateDemoOrganisation } from '@planmaat/demo';
import { insertOrganisationData, tables, upsertUser, type DatabaseHandle } from '@planmaat/db';
import { eq } from 'drizzle-orm';
import { hashPassword, randomPassword } from './auth/passwords.ts';

export interface DemoAccount {
  email: string;
  role: 'planner' | 'employee';
  password: string;
}

export async function ensureDemo(
  handle: DatabaseHandle,
  options: { password?: string; seed?: number } = {},
): Promise<{ loaded: boolean; accounts: DemoAccount[]; organisationId: string }> {
  const db = handle.db;
  const existing = await db
    .select({ id: tables.organisations.id })
    .from(tables.organisations)
    .where(eq(tables.organisations.id, DEMO_ORGANISATION_ID));
  let loaded = false;
  if (existing.length === 0) {
    const data = generateDemoOrganisation({ seed: options.seed ?? 1, start: DEFAULT_DEMO_START });
    await insertOrganisationData(db, data, { isDemo: true });
    loaded = true;
  }
  // The employee account belongs to the first employee of the first ward.
  const [employee] = await db
    .select({ id: tables.employees.id, name: tables.employees.name })
    .from(tables.employees)
    .where(eq(tables.employees.organisationId, DEMO_ORGANISATION_ID))
    .orderBy(tables.employees.id)
    .limit(1);
  const password = options.password || randomPassword();
  const passwordHash = await hashPassword(password);
  await upsertUser(db, {
    organisationId: DEMO_ORGANISATION_ID,
    email: 'planner@demo.local',
    name: 'Demo Planner',
    role: 'planner',
    employeeId: null,
    passwordHash,
  });
  await upsertUser(db, {
    organisationId: DEMO_ORGANISATION_ID,
    email: 'medewerker@demo.local',
    name: employee?.name ?? 'Demo Medewerker',
    role: 'employee',
    employeeId: employee?.id ?? null,
    passwordHash,
  });
  return {
    loaded,
    organisationId: DEMO_ORGANISATION_ID,
    accounts: [
      { email: 'planner@demo.local', role: 'planner', password },
      { email: 'medewerker@demo.local', role: 'employee', password },
    ],
  };
}
