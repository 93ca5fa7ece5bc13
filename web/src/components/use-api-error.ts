/** Shows a failed request's server message; a stale write (409 conflict.stale) is a warning because the
 *  mutation hooks have already refetched the data. Returns true when it handled the error. */

import type { FormInstance } from 'antd';
import { App } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { type ApiError, type FieldError, isApiError } from '../api/client';
import { currentLang } from '../i18n';

/** The form item a server field (`conditions.all.2.prefixes`, without `body.`) belongs to, for a form
 *  whose names differ from the API's; undefined leaves it to the default (a top-level field of the
 *  same name), and to the message. */
export type FormNameOf = (field: string) => NamePath | undefined;

export function useApiError() {
  const { message } = App.useApp();
  return (err: unknown, form?: FormInstance, nameOf?: FormNameOf) => {
    if (!isApiError(err)) {
      message.error(err instanceof Error ? err.message : String(err));
      return;
    }
    if (err.status === 401) return; // the session handler redirects to login
    const fields = err.fieldErrors();
    if (form && fields.length > 0) markFields(form, fields, nameOf);
    if (err.code === 'conflict.stale') message.warning(err.message);
    else message.error(withReasons(err, fields));
  };
}

/** Puts each field error under its form item; two errors of one item are both shown. */
function markFields(form: FormInstance, fields: FieldError[], nameOf?: FormNameOf) {
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  for (const f of fields) {
    const top = f.field.split('.')[0];
    const name = nameOf?.(f.field) ?? (known.has(top) ? top : undefined);
    if (name === undefined) continue;
    const key = JSON.stringify(name);
    const item = byName.get(key) ?? { name, errors: [] };
    if (!item.errors.includes(f.message)) item.errors.push(f.message);
    byName.set(key, item);
  }
  if (byName.size > 0) form.setFields([...byName.values()]);
}

/** The server's message with the reasons it gave field by field (“注册地条件中的行政区划代码前缀“3299”
 *  不存在”): a bare 请求参数不合法 tells the user nothing, and the field may be off screen or not in
 *  the form at all. Reasons the message already says are not repeated. */
function withReasons(err: ApiError, fields: FieldError[]): string {
  const reasons = [...new Set(fields.map((f) => f.message))].filter((r) => r && !err.message.includes(r));
  if (reasons.length === 0) return err.message;
  const en = currentLang() === 'en-US';
  return `${err.message}${en ? ': ' : '：'}${reasons.join(en ? '; ' : '；')}`;
}
