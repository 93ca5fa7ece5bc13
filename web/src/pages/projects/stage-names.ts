/** The stages' names in the interface language: the Chinese ones are the domain's own (STAGE_NAMES),
 *  which the server also writes into reports and history. */
import { useTranslation } from 'react-i18next';
import { STAGE_NAMES, type Stage } from '../../../../src/domain/project/stages';

const EN: Record<Stage, string> = {
  lead: 'Lead',
  contact: 'Contact',
  visit: 'Visit',
  evaluation: 'Evaluation',
  signing: 'Signing',
  landing: 'Landing',
  production: 'Production',
  paused: 'Paused',
  terminated: 'Terminated',
};

export function useStageNames(): Record<Stage, string> {
  const { i18n } = useTranslation();
  return i18n.language === 'en-US' ? EN : STAGE_NAMES;
}
