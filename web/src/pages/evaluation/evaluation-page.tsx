/** /evaluations/:id — an evaluation on a page of its own. Experts land here from the link they are
 *  sent (they cannot open 招商项目): they read the AI profile and fill in their blind review; staff see
 *  the same view as in the project drawer. The server answers 404 to an expert not on the panel. */
import { Flex, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import type { Me } from '../../../../src/shared/api';
import { useEvaluation } from '../../api/evaluation';
import { hasAnyRole } from '../../api/me';
import { useProject } from '../../api/projects';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { useStageNames } from '../projects/stage-names';
import { EvaluationById, plansOf } from './evaluation-view';

export function EvaluationPage({ me }: { me: Me }) {
  const m = useMessages().evaluation;
  const { id = '' } = useParams();
  const ev = useEvaluation(id);
  const staff = hasAnyRole(me, ['admin', 'leader', 'officer', 'analyst']);
  // The plan attachments come from the project, which experts may not read.
  const project = useProject(staff ? ev.data?.projectId : undefined);
  const e = ev.data;
  const stageNames: Record<string, string> = useStageNames();
  return (
    <div data-testid="evaluation-page">
      <PageHeader
        title={
          <Flex gap={10} align="center">
            <span>{m.title}</span>
            {e && <Typography.Text style={{ fontSize: 18 }}>· {e.projectName}</Typography.Text>}
            {e?.decision && <Tag color="purple">{m.outcomes[e.decision.outcome]}</Tag>}
          </Flex>
        }
        subtitle={
          e &&
          fill(m.pageSubtitle, { firm: e.enterpriseName || '—', stage: stageNames[e.stageKey] ?? e.stage })
        }
      />
      <EvaluationById id={id} me={me} plans={plansOf(project.data?.attachments)} />
    </div>
  );
}
