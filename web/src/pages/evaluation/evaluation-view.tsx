/** One evaluation, the same in the project drawer and on its own page: AI研判, 技术委员会 (with the
 *  expert's own blind review form), 市场尽调, and the recommendation with the decision. What each
 *  part lets the viewer do follows the roles the server enforces. */
import { Alert, Flex, Skeleton } from 'antd';
import type { Me } from '../../../../src/shared/api';
import { type Evaluation, useEvaluation } from '../../api/evaluation';
import { hasAnyRole } from '../../api/me';
import type { Attachment } from '../../api/projects';
import { useMessages } from '../../i18n';
import { CommitteeSection } from './committee-section';
import { DecisionSection } from './decision-section';
import { DueDiligence } from './due-diligence';
import { ProfileSection } from './profile-section';
import { ReviewForm } from './review-form';

export const PLAN_CATEGORY = '商业计划书';

export function plansOf(attachments: Attachment[] | undefined): Attachment[] {
  return (attachments ?? []).filter((a) => a.category === PLAN_CATEGORY);
}

export function EvaluationBody({ ev, me, plans }: { ev: Evaluation; me: Me; plans: Attachment[] }) {
  const staff = hasAnyRole(me, ['admin', 'leader', 'officer', 'analyst']);
  const profile = (
    <ProfileSection
      key="profile"
      ev={ev}
      plans={plans}
      canRun={hasAnyRole(me, ['admin', 'leader', 'officer'])}
    />
  );
  const committee = [
    <CommitteeSection key="committee" ev={ev} canAssign={hasAnyRole(me, ['admin']) && !ev.decision} />,
    me.roles.includes('expert') && <ReviewForm key="review" ev={ev} />,
  ];
  // An expert on the panel comes to score: the panel and their form first, the profile below to read.
  const onPanel = ev.panel.members.some((x) => x.mine);
  return (
    <Flex vertical gap={16} data-testid="evaluation-view">
      {onPanel ? [...committee, profile] : [profile, ...committee]}
      <DueDiligence ev={ev} canEdit={staff} />
      <DecisionSection ev={ev} canDecide={hasAnyRole(me, ['admin', 'leader'])} canExport={staff} />
    </Flex>
  );
}

/** Loads the evaluation by id and shows it, or why it cannot be shown. */
export function EvaluationById({ id, me, plans }: { id: string; me: Me; plans: Attachment[] }) {
  const m = useMessages().evaluation;
  const ev = useEvaluation(id);
  if (ev.error) return <Alert type="error" showIcon title={m.loadFailed} description={ev.error.message} />;
  if (!ev.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <EvaluationBody ev={ev.data} me={me} plans={plans} />;
}
