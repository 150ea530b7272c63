/** Password hashing: argon2id with the library's defaults (memory-hard, OWASP-level). */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A readable random password for demo accounts. */
export function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Hash once at start-up; verifying against it keeps unknown-account logins as slow as real ones. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(randomPassword());
  return dummyHash;
}
