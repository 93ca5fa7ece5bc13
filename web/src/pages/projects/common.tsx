/** Pieces shared by the 招商项目 pages: stage colours and tags, the 30-day stale rule, money typed in
 *  万元, and the firm picker over 企业库. */
import { Flex, Select, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Stage } from '../../../../src/domain/project/stages';
import { useFirmSearch } from '../../api/graph';
import { useMyWork } from '../../api/pipeline';
import type { ProjectSummary } from '../../api/projects';
import { useMessages } from '../../i18n';
import { useStageNames } from './stage-names';

export { formatMoney } from '../enterprises/format';

export const STAGE_COLOR: Record<Stage, string> = {
  lead: '#8c8c8c',
  contact: '#1677ff',
  visit: '#13a8a8',
  evaluation: '#722ed1',
  signing: '#d48806',
  landing: '#389e0d',
  production: '#237804',
  paused: '#fa8c16',
  terminated: '#cf1322',
};

const TAG_COLOR: Record<Stage, string> = {
  lead: 'default',
  contact: 'blue',
  visit: 'cyan',
  evaluation: 'purple',
  signing: 'gold',
  landing: 'green',
  production: 'success',
  paused: 'orange',
  terminated: 'red',
};

export function StageTag({ stage }: { stage: Stage }) {
  const stageNames = useStageNames();
  return (
    <Tag color={TAG_COLOR[stage]} style={{ marginInlineEnd: 0 }} data-testid="stage-tag">
      {stageNames[stage]}
    </Tag>
  );
}

/** The org's 停滞 days (the leader sets them; 30 until they are known), as 我的工作 reports them. */
export function useStaleDays(): number {
  return useMyWork().data?.staleDays ?? 30;
}

/** No follow-up for more than the org's stale days (counted from the lead's creation when it has none)
 *  — only for projects still going, as the server counts them: not 暂停, 终止 or 投产. A stage move is
 *  not a follow-up. */
export function isStale(
  p: Pick<ProjectSummary, 'lastFollowUp' | 'createdAt' | 'stage'>,
  staleDays: number,
): boolean {
  if (p.stage === 'terminated' || p.stage === 'production' || p.stage === 'paused') return false;
  const last = p.lastFollowUp ?? p.createdAt;
  return dayjs().diff(dayjs(last), 'day') > staleDays;
}

/** 万元 as typed → 元 as sent, to the fen. */
export const wanToYuan = (v: number | null | undefined) =>
  v === null || v === undefined ? undefined : Math.round(v * 1e6) / 100;

/** A firm from 企业库 by name or 统一社会信用代码, searched as the user types. */
export function FirmSelect({
  value,
  onChange,
  placeholder,
  initialLabel,
  testId,
  universe,
}: {
  value?: string;
  onChange?: (id: string, name: string) => void;
  placeholder?: string;
  initialLabel?: string;
  testId?: string;
  /** Only local firms (the 落地 firm) or only the target universe; both when not given. */
  universe?: 'local' | 'target';
}) {
  const f = useMessages().projects.form;
  const [typed, setTyped] = useState('');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const { q, found } = useFirmSearch(typed, universe);
  const options = (found.data?.items ?? []).map((e) => ({
    value: e.id,
    label: e.name,
    uscc: e.uscc as string | null,
    universe: e.universe as string | null,
  }));
  if (value && !options.some((o) => o.value === value)) {
    const label = picked?.id === value ? picked.name : (initialLabel ?? '…');
    options.unshift({ value, label, uscc: null, universe: null });
  }
  return (
    <Select
      value={value}
      placeholder={placeholder ?? f.firmPlaceholder}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onChange={(id, opt) => {
        const name = (Array.isArray(opt) ? opt[0] : opt)?.label ?? '';
        setPicked({ id, name: String(name) });
        setTyped('');
        onChange?.(id, String(name));
      }}
      notFoundContent={found.isFetching ? <Spin size="small" /> : q ? f.noMatch : null}
      options={options}
      optionRender={(o) => (
        <Flex justify="space-between" gap={8}>
          <span>{o.label}</span>
          <Flex gap={6} align="center">
            {o.data.universe && (
              <Tag style={{ marginInlineEnd: 0 }} color={o.data.universe === 'local' ? 'blue' : 'default'}>
                {o.data.universe === 'local' ? f.local : f.target}
              </Tag>
            )}
            {o.data.uscc && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.data.uscc}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      )}
      data-testid={testId}
    />
  );
}
