/** A time left, in the largest unit that reads well: seconds under a minute, whole minutes (rounded
 *  up) under an hour, then hours and minutes. The wording is the caller's (web messages, CLI). */
export type DurationParts =
  | { unit: 'seconds'; n: number }
  | { unit: 'minutes'; n: number }
  | { unit: 'hours'; h: number; m: number };

export function durationParts(seconds: number): DurationParts {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return { unit: 'seconds', n: s };
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  return { unit: 'hours', h: Math.floor(minutes / 60), m: minutes % 60 };
}
