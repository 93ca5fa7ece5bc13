/** The stages' names in the interface language: the Chinese ones are the domain's own (STAGE_NAMES),
 *  which the server also writes into reports and history. */
import { useTranslation } from 'react-i18next';
import { STAGE_NAMES, STAGE_NAMES_EN, type Stage } from '../../../../src/domain/project/stages';

export function useStageNames(): Record<Stage, string> {
  const { i18n } = useTranslation();
  return i18n.language === 'en-US' ? STAGE_NAMES_EN : STAGE_NAMES;
}
