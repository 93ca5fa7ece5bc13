/** The texts of chain editing in the UI language. They sit beside the page's table (chains.*) rather
 *  than in it, and are read the way useMessages() reads the page tables. */
import { useTranslation } from 'react-i18next';
import { editEnUS } from './messages-edit-en-us';
import { editZhCN } from './messages-edit-zh-cn';

export type EditMessages = typeof editZhCN;

export function useEditMessages(): EditMessages {
  const { i18n } = useTranslation();
  return i18n.language === 'en-US' ? editEnUS : editZhCN;
}
