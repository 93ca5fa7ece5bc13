/** One candidate pair: both records side by side, the reason and similarity, and the two decisions. */
import { MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Flex, Popconfirm, Radio, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type DuplicatePair,
  type EnterpriseSummary,
  useDismissDuplicate,
  useMerge,
} from '../../../api/enterprises';
import { useApiError } from '../../../components/use-api-error';
import { useMessages } from '../../../i18n';
import { ReviewBadge, ShortNames, TierTags } from '../enterprise-tags';
import { formatDay, formatMoney } from '../format';
import { industryCode, industryLabel } from '../industries';
import { regionName, useRegions } from '../use-regions';

/** The industry as people read it, with the code for those who file by it. */
function industryText(e: EnterpriseSummary, en: boolean): string {
  const code = industryCode(e);
  if (!code) return '—';
  const label = industryLabel(code, en) ?? industryLabel(e.industrySection, en);
  return label ? `${label}（${code}）` : code;
}

function Side({ e, keep }: { e: EnterpriseSummary; keep: boolean }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const m = useMessages().enterprises;
  const names = useRegions().data?.names;
  return (
    <Card
      size="small"
      style={{ flex: 1, borderColor: keep ? '#1656d6' : undefined }}
      title={
        <span>
          <Link to={`/enterprises/${e.id}`}>{e.name}</Link>
          <ShortNames aliases={e.aliases} />
        </span>
      }
      extra={<ReviewBadge reason={e.reviewReason} />}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'uscc', label: m.col.uscc, children: e.uscc ?? '—' },
          {
            key: 'region',
            label: m.col.region,
            children: e.regionCode ? `${regionName(names, e.regionCode) ?? ''} ${e.regionCode}` : '—',
          },
          { key: 'industry', label: m.col.industry, children: industryText(e, en) },
          { key: 'est', label: m.col.establishedOn, children: formatDay(e.establishedOn) },
          { key: 'cap', label: m.col.registeredCapital, children: formatMoney(e.registeredCapital, en) },
          { key: 'rev', label: m.col.revenue, children: formatMoney(e.revenue, en) },
          { key: 'tiers', label: m.col.tiers, children: <TierTags tiers={e.tiers ?? []} /> },
        ]}
      />
    </Card>
  );
}

export function DuplicatePairCard({ pair }: { pair: DuplicatePair }) {
  const { message } = App.useApp();
  const m = useMessages().enterprises.duplicates;
  const showError = useApiError();
  const merge = useMerge();
  const dismiss = useDismissDuplicate();
  const [keepId, setKeepId] = useState(pair.a.id);
  const keep = keepId === pair.a.id ? pair.a : pair.b;
  const other = keepId === pair.a.id ? pair.b : pair.a;

  const doMerge = () =>
    merge.mutate(
      { keepId: keep.id, mergeId: other.id, keepVersion: keep.version, mergeVersion: other.version },
      { onSuccess: () => message.success(m.merged), onError: (e) => showError(e) },
    );
  const doDismiss = () =>
    dismiss.mutate(
      { aId: pair.a.id, bId: pair.b.id },
      { onSuccess: () => message.success(m.dismissed), onError: (e) => showError(e) },
    );

  return (
    <Card
      size="small"
      data-testid="duplicate-pair"
      title={
        <Flex gap={8} align="center">
          <Tag color={pair.reason === 'same_uscc' ? 'red' : 'orange'}>
            {m.reasons[pair.reason] ?? pair.reason}
          </Tag>
          <Typography.Text type="secondary">
            {m.similarity.replace('{{value}}', String(Math.round(pair.similarity * 100)))}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Button onClick={doDismiss} loading={dismiss.isPending} data-testid="duplicate-dismiss">
            {m.dismiss}
          </Button>
          <Popconfirm
            title={m.merge}
            description={
              <div style={{ maxWidth: 360 }}>
                {m.mergeConfirm.replace('{{merge}}', other.name).replace('{{keep}}', keep.name)}
              </div>
            }
            onConfirm={doMerge}
          >
            <Button
              type="primary"
              icon={<MergeCellsOutlined />}
              loading={merge.isPending}
              data-testid="duplicate-merge"
            >
              {m.merge}
            </Button>
          </Popconfirm>
        </Flex>
      }
    >
      <Radio.Group value={keepId} onChange={(e) => setKeepId(e.target.value)} style={{ width: '100%' }}>
        <Row gutter={16}>
          {[pair.a, pair.b].map((e) => (
            // A column of radio then card: the card fills what is left, so it ends inside the pair's card.
            <Col key={e.id} xs={24} md={12} style={{ display: 'flex', flexDirection: 'column' }}>
              <Radio value={e.id} style={{ marginBottom: 8 }}>
                {m.keep}
              </Radio>
              <Side e={e} keep={e.id === keepId} />
            </Col>
          ))}
        </Row>
      </Radio.Group>
    </Card>
  );
}
