import { ERRORS, type ErrorCode } from '../shared/errors.js';

/** The one error type services throw; the error plugin maps its code to status and message. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.status = ERRORS[code][0];
  }
}
