/** A spreadsheet that cannot be read, as an API error whose message carries the reason ("找不到表头…",
 *  "文件超过 50000 行…"): the upload dialogs show the message, and "无法读取该文件" alone left the user
 *  guessing. */
import type { TableError } from '../import/read-table.js';
import { AppError } from './app-error.js';

export function unreadable(err: TableError): AppError {
  // The error handler puts the code's own message ("无法读取该文件") before details.message: the reason
  // alone here, or the dialog said "无法读取该文件：无法读取该文件：…".
  return new AppError('import.unreadable', {
    message: err.message,
    messageEn: err.message,
    reason: err.message,
  });
}
