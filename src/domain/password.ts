/** Password policy: at least 8 characters with both a letter and a digit. Returns true if acceptable. */
export function isStrongPassword(password: string): boolean {
  return password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
