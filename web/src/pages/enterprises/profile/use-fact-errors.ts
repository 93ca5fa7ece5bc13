/** What a failed fact edit shows: a stale version (409) closes the modal with a warning, the profile
 *  having been refetched; the server's field errors (also those of a 409 duplicate) land on their form
 *  fields; the server's message is shown for everything else. */
import { App, type FormInstance } from 'antd';
import { isApiError } from '../../../api/client';
import { useApiError } from '../../../components/use-api-error';
import { useMessages } from '../../../i18n';

type Detail = { field?: unknown; message?: unknown };
type Options<V> = {
  /** Where the server's field errors go. */
  form?: FormInstance<V>;
  /** Closes the modal after a stale write: the profile has been refetched, the input is outdated. */
  onClose?: () => void;
  /** Form field of an API field, e.g. counts.design → design. */
  rename?: (field: string) => string;
};

export function useFactErrors() {
  const { message } = App.useApp();
  const m = useMessages().enterprises.facts;
  const showError = useApiError();
  return <V>(err: unknown, { form, onClose, rename = (f) => f }: Options<V> = {}) => {
    if (isApiError(err, 'conflict.stale')) {
      message.warning(m.stale);
      onClose?.();
      return;
    }
    if (isApiError(err) && Array.isArray(err.details)) {
      const known = new Set(Object.keys(form?.getFieldsValue(true) ?? {}));
      const all = (err.details as Detail[])
        .filter((d) => typeof d?.message === 'string')
        .map((d) => ({
          name: rename(String(d.field ?? '').replace(/^(body|params|querystring)\./, '')),
          errors: [String(d.message)],
        }));
      const onFields = all.filter((d) => known.has(d.name));
      if (form && onFields.length > 0) form.setFields(onFields as Parameters<typeof form.setFields>[0]);
      // A reason with no field to sit on (or no form) is said in place of the generic message.
      const loose = all.filter((d) => !known.has(d.name));
      if (loose.length > 0) {
        message.error(loose.map((d) => d.errors[0]).join('；'));
        return;
      }
    }
    showError(err);
  };
}

/** 万元 as typed → 元 as stored, to the fen. */
export const wanToYuan = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 1e6) / 100;

/** 元 as stored → 万元 as shown in an input. */
export const yuanToWan = (v: number | null) => (v === null ? null : v / 1e4);
