/** LIKE patterns from user text: a typed % or _ means itself, not a wildcard. PostgreSQL's default
 *  LIKE escape character is the backslash, so it is escaped too. */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The pattern for "contains this text". */
export const containsPattern = (text: string) => `%${likeEscape(text)}%`;
