/** Money as the interface language writes it: 1.2 亿元 / 300 万元, or CNY 120 M in English. */
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../pages/enterprises/format';

export function useMoney(): (yuan: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  return (yuan) => formatMoney(yuan, en);
}
