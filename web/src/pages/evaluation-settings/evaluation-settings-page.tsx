/** 评估设置 (/evaluation-settings): the three things an admin sets for 三维评价 — the 专家库 the committee
 *  is drawn from, the versioned 评估模型 of the 创新力画像, and the 评估规则 (due-diligence checklist,
 *  three-way weights, disagreement threshold). Leaders read them; the server lets only admins write. */
import { Tabs, Tag } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/shared/api';
import { hasAnyRole } from '../../api/me';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n';
import { useUrlParams } from '../../lib/use-url-params';
import { ExpertsTab } from './experts-tab';
import { ModelTab } from './model-tab';
import { RulesTab } from './rules-tab';

const TABS = ['experts', 'model', 'rules'] as const;
type TabKey = (typeof TABS)[number];

export function EvaluationSettingsPage({ me }: { me: Me }) {
  const m = useMessages().evaluationSettings;
  const canEdit = hasAnyRole(me, ['admin']);
  const [params, patch] = useUrlParams();
  const fromUrl = params.get('tab') as TabKey | null;
  const [tab, setTab] = useState<TabKey>(fromUrl && TABS.includes(fromUrl) ? fromUrl : 'experts');
  const choose = (key: string) => {
    setTab(key as TabKey);
    patch({ tab: key }, { replace: true });
  };
  return (
    <div data-testid="evaluation-settings-page">
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={!canEdit && <Tag data-testid="evaluation-settings-readonly">{m.readOnly}</Tag>}
      />
      <Tabs
        activeKey={tab}
        onChange={choose}
        data-testid="evaluation-settings-tabs"
        items={[
          { key: 'experts', label: m.tabs.experts, children: <ExpertsTab canEdit={canEdit} /> },
          { key: 'model', label: m.tabs.model, children: <ModelTab canEdit={canEdit} /> },
          { key: 'rules', label: m.tabs.rules, children: <RulesTab canEdit={canEdit} /> },
        ]}
      />
    </div>
  );
}
