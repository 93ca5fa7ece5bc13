/** Shows a failed request's server message; a stale write (409 conflict.stale) is a warning because the
 *  mutation hooks have already refetched the data. Returns true when it handled the error. */

import type { FormInstance } from 'antd';
import { App } from 'antd';
import { isApiError } from '../api/client';

export function useApiError() {
  const { message } = App.useApp();
  return (err: unknown, form?: FormInstance) => {
    if (!isApiError(err)) {
      message.error(err instanceof Error ? err.message : String(err));
      return;
    }
    if (err.status === 401) return; // the session handler redirects to login
    const fields = err.fieldErrors();
    if (form && fields.length > 0) {
      const known = new Set(Object.keys(form.getFieldsValue(true)));
      const mine = fields.filter((f) => known.has(f.field.split('.')[0]));
      if (mine.length > 0) {
        form.setFields(mine.map((f) => ({ name: f.field.split('.')[0], errors: [f.message] })));
      }
    }
    if (err.code === 'conflict.stale') message.warning(err.message);
    else message.error(err.message);
  };
}
