/** The server's password rule (password.weak), checked before sending so the user learns it at once. */
export function isStrongPassword(value: string): boolean {
  return value.length >= 8 && value.length <= 200 && /[A-Za-z]/.test(value) && /\d/.test(value);
}
