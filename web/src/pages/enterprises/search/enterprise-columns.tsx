/** Columns of the 企业查询 table; the sortable ones map to the API's sort keys. */
import type { TableColumnsType } from 'antd';
import { Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnterpriseQuery, EnterpriseSort, EnterpriseSummary } from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { ReviewBadge, ShortNames, TierTags } from '../enterprise-tags';
import { formatDay, formatMoney } from '../format';
import { industryCode, industryLabel } from '../industries';
import { regionName, useRegions } from '../use-regions';

type SortOrder = 'ascend' | 'descend' | null;

export function useEnterpriseColumns(query: EnterpriseQuery): TableColumnsType<EnterpriseSummary> {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const m = useMessages().enterprises;
  const names = useRegions().data?.names;
  const sorted = (key: EnterpriseSort): SortOrder =>
    query.sort === key ? (query.order === 'asc' ? 'ascend' : 'descend') : null;
  const sortable = (key: EnterpriseSort) => ({
    key,
    sorter: true,
    sortOrder: sorted(key),
    sortDirections: ['descend', 'ascend'] as ('descend' | 'ascend')[],
  });

  return [
    {
      // The code sits under the name rather than in a column of its own: at 1440 px a separate
      // column pushed 资质 off the right edge.
      title: `${m.col.name} / ${m.col.uscc}`,
      dataIndex: 'name',
      width: 260,
      fixed: 'left',
      ...sortable('name'),
      render: (name: string, e) => (
        <Flex vertical gap={2}>
          <span>
            <Link to={`/enterprises/${e.id}`} onClick={(ev) => ev.stopPropagation()}>
              {name}
            </Link>
            <ShortNames aliases={e.aliases} />
          </span>
          <Typography.Text
            type="secondary"
            style={{ fontFamily: 'ui-monospace, Menlo, monospace', fontSize: 12 }}
            data-testid="uscc-cell"
          >
            {e.uscc ?? '—'}
          </Typography.Text>
          <ReviewBadge reason={e.reviewReason} />
        </Flex>
      ),
    },
    {
      title: m.col.region,
      dataIndex: 'regionCode',
      width: 130,
      render: (code: string | null) =>
        code ? <Tooltip title={code}>{regionName(names, code) ?? code}</Tooltip> : '—',
    },
    {
      title: m.col.industry,
      key: 'industry',
      width: 160,
      ellipsis: { showTitle: false },
      // The name is what people read; the code stays in the tooltip for those who file by it.
      render: (_, e) => {
        const code = industryCode(e);
        if (!code) return '—';
        const label = industryLabel(code, en) ?? industryLabel(e.industrySection, en);
        return (
          <Tooltip title={label ? `${code} ${label}` : code}>
            <span data-testid="industry-cell">{label ?? code}</span>
          </Tooltip>
        );
      },
    },
    {
      title: m.col.establishedOn,
      dataIndex: 'establishedOn',
      width: 115,
      ...sortable('establishedOn'),
      render: formatDay,
    },
    {
      title: m.col.registeredCapital,
      dataIndex: 'registeredCapital',
      width: 120,
      align: 'right',
      ...sortable('registeredCapital'),
      render: (v: number | null) => formatMoney(v, en),
    },
    {
      title: m.col.revenue,
      dataIndex: 'revenue',
      width: 130,
      align: 'right',
      ...sortable('revenue'),
      render: (v: number | null, e) => (
        <Tooltip title={e.latestYear ? String(e.latestYear) : undefined}>{formatMoney(v, en)}</Tooltip>
      ),
    },
    {
      title: m.col.tiers,
      dataIndex: 'tiers',
      width: 200,
      render: (tiers: string[] | undefined) => <TierTags tiers={tiers ?? []} />,
    },
  ];
}
