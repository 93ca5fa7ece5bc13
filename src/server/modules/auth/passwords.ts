import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

/** argon2id with the library's OWASP-level defaults. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Verify against a real hash when the user does not exist, so timing does not reveal usernames. */
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('kezhao-dummy-password-1');
  await verifyPassword(await dummy, password);
}
