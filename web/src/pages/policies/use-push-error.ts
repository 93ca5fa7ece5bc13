/** What a push dialog does when saving fails: a push someone else changed meanwhile is said and the
 *  dialog closes (the list reloads with their change); any other error is shown as the server said it. */
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';

export function usePushError(onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (e: Error) => {
    if (isApiError(e, 'conflict.stale')) {
      message.warning(t('common.staleReloaded'));
      onClose();
    } else message.error(e.message);
  };
}
