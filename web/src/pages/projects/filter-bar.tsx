/** The filters every tab of 招商项目 shares: name search, stage (the list only: the board and funnel show
 *  every stage), 来源, 类型, 负责人, 我负责的 and 只看停滞, with 清空筛选. The owners offered are those seen
 *  on the board: listing users is for admins only, and an officer filters by the colleagues whose
 *  projects they can see anyway. */
import { ClearOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Switch, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { STAGES, type Stage } from '../../../../src/domain/project/stages';
import { PROJECT_TYPES, type ProjectFilter, type ProjectSummary } from '../../api/projects';
import { useMessages } from '../../i18n';
import { useProjectSources } from './sources-editor';
import { useStageNames } from './stage-names';

/** Owners met so far on the board; kept across filters so narrowing to one owner still offers the rest. */
function useOwners(items: ProjectSummary[] | undefined, extra?: { id: string; name: string }) {
  const seen = useRef(new Map<string, string>());
  for (const p of items ?? []) if (p.ownerId && p.ownerName) seen.current.set(p.ownerId, p.ownerName);
  if (extra && !seen.current.has(extra.id)) seen.current.set(extra.id, extra.name);
  return [...seen.current]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

export function FilterBar({
  filter,
  onChange,
  showStage,
  seen,
  ownerName,
}: {
  filter: ProjectFilter;
  onChange: (next: ProjectFilter) => void;
  showStage: boolean;
  seen: ProjectSummary[] | undefined;
  /** The owner's name when a saved view set an owner not on the board yet. */
  ownerName?: string;
}) {
  const stageNames = useStageNames();
  const m = useMessages().projects;
  const sources = useProjectSources();
  const fm = m.filter;
  const [typed, setTyped] = useState(filter.q ?? '');
  // A saved view or 清空筛选 replaces the search too.
  useEffect(() => setTyped(filter.q ?? ''), [filter.q]);
  const owners = useOwners(
    seen,
    filter.ownerId && ownerName ? { id: filter.ownerId, name: ownerName } : undefined,
  );
  const set = (patch: Partial<ProjectFilter>) => onChange({ ...filter, ...patch });
  const any = Object.entries(filter).some(
    ([k, v]) => k !== 'sort' && k !== 'order' && v !== undefined && v !== false && v !== '',
  );

  return (
    <Flex gap={12} align="center" wrap style={{ padding: '4px 0 14px' }} data-testid="project-filters">
      <Input.Search
        allowClear
        placeholder={fm.search}
        style={{ width: 260 }}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        data-testid="project-search"
      />
      {showStage && (
        <Select<Stage>
          allowClear
          placeholder={fm.stage}
          style={{ width: 120 }}
          value={filter.stage}
          onChange={(v) => set({ stage: v })}
          options={STAGES.map((s) => ({ value: s, label: stageNames[s] }))}
          data-testid="project-stage-filter"
        />
      )}
      <Select
        allowClear
        placeholder={fm.source}
        style={{ width: 140 }}
        value={filter.source}
        onChange={(v) => set({ source: v })}
        options={sources.map((s) => ({ value: s, label: s }))}
        data-testid="project-source-filter"
      />
      <Select
        allowClear
        placeholder={fm.type}
        style={{ width: 130 }}
        value={filter.type}
        onChange={(v) => set({ type: v })}
        options={PROJECT_TYPES.map((s) => ({ value: s, label: s }))}
        data-testid="project-type-filter"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={fm.owner}
        style={{ width: 130 }}
        value={filter.ownerId}
        onChange={(v) => set({ ownerId: v })}
        options={owners}
        data-testid="project-owner-filter"
      />
      <Flex gap={6} align="center">
        <Switch
          size="small"
          checked={!!filter.mine}
          onChange={(v) => set({ mine: v || undefined })}
          data-testid="project-mine"
        />
        <span>{fm.mine}</span>
      </Flex>
      <Tooltip title={fm.staleHint}>
        <Flex gap={6} align="center">
          <Switch
            size="small"
            checked={!!filter.stale}
            onChange={(v) => set({ stale: v || undefined })}
            data-testid="project-stale"
          />
          <span>{fm.stale}</span>
        </Flex>
      </Tooltip>
      {any && (
        <Button
          type="link"
          size="small"
          icon={<ClearOutlined />}
          onClick={() => onChange({ sort: filter.sort, order: filter.order })}
          data-testid="project-filters-reset"
        >
          {fm.reset}
        </Button>
      )}
    </Flex>
  );
}
