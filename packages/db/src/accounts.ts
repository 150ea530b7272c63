/** Accounts and database-backed sessions. Tokens are stored hashed. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from './driver.ts';
import * as t from './schema.ts';
import type { Role } from './schema.ts';

export interface User {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  role: Role;
  employeeId: string | null;
  teamIds: string[];
}

type UserRow = typeof t.users.$inferSelect;
function toUser(r: UserRow): User {
  return {
    id: r.id,
    organisationId: r.organisationId,
    email: r.email,
    name: r.name,
    role: r.role,
    employeeId: r.employeeId,
    teamIds: r.teamIds,
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(
  db: Executor,
  user: Omit<User, 'id' | 'teamIds'> & {
    teamIds?: string[];
    passwordHash?: string | null;
    oidcIssuer?: string;
    oidcSubject?: string;
  },
): Promise<User> {
  const [row] = await db
    .insert(t.users)
    .values({ ...user, email: normaliseEmail(user.email), teamIds: user.teamIds ?? [] })
    .returning();
  return toUser(row);
}

/** Create the account or, when the e-mail exists, reset its password and role (demo accounts). */
export async function upsertUser(
  db: Executor,
  user: Omit<User, 'id' | 'teamIds'> & { teamIds?: string[]; passwordHash: string },
): Promise<User> {
  const [row] = await db
    .insert(t.users)
    .values({ ...user, email: normaliseEmail(user.email), teamIds: user.teamIds ?? [] })
    .onConflictDoUpdate({
      target: t.users.email,
      set: { passwordHash: user.passwordHash, role: user.role, name: user.name, employeeId: user.employeeId },
    })
    .returning();
  return toUser(row);
}

export async function findUserByEmail(
  db: Executor,
  email: string,
): Promise<(User & { passwordHash: string | null }) | undefined> {
  const [row] = await db
    .select()
    .from(t.users)
    .where(eq(t.users.email, normaliseEmail(email)));
  return row ? { ...toUser(row), passwordHash: row.passwordHash } : undefined;
}

export async function findUserByOidc(
  db: Executor,
  issuer: string,
  subject: string,
): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(t.users)
    .where(and(eq(t.users.oidcIssuer, issuer), eq(t.users.oidcSubject, subject)));
  return row ? toUser(row) : undefined;
}

export async function linkOidc(db: Executor, userId: string, issuer: string, subject: string): Promise<void> {
  await db.update(t.users).set({ oidcIssuer: issuer, oidcSubject: subject }).where(eq(t.users.id, userId));
}

export async function listUsers(db: Executor, organisationId: string): Promise<User[]> {
  const rows = await db.select().from(t.users).where(eq(t.users.organisationId, organisationId));
  return rows.map(toUser);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Executor, userId: string, lifetimeMs: number): Promise<Session> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + lifetimeMs);
  await db.insert(t.sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function findSession(
  db: Executor,
  token: string,
): Promise<{ user: User; csrfToken: string } | undefined> {
  const [row] = await db
    .select({ user: t.users, csrfToken: t.sessions.csrfToken })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .where(and(eq(t.sessions.tokenHash, hashToken(token)), gt(t.sessions.expiresAt, new Date())));
  return row ? { user: toUser(row.user), csrfToken: row.csrfToken } : undefined;
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.delete(t.sessions).where(eq(t.sessions.tokenHash, hashToken(token)));
}

export async function purgeExpiredSessions(db: Executor): Promise<void> {
  await db.delete(t.sessions).where(lt(t.sessions.expiresAt, new Date()));
}
