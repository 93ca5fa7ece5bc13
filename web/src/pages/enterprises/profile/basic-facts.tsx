/** 基本信息: each fact with an ⓘ that names its source (import file and row, user, API) and as-of date. */
import { Card, Descriptions, type DescriptionsProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDetail } from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { Sourced } from '../enterprise-tags';
import { formatDay, formatHeadcount, formatMoney } from '../format';
import { industryCode, industryLabel } from '../industries';
import { regionName, useRegions } from '../use-regions';

/** The latest year that has a revenue figure, else the latest year. */
export function latestYear(e: EnterpriseDetail) {
  const withRevenue = e.years.filter((y) => y.revenue !== null);
  return withRevenue[withRevenue.length - 1] ?? e.years[e.years.length - 1];
}

export function BasicFacts({ e }: { e: EnterpriseDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const m = useMessages().enterprises;
  const p = m.profile;
  const names = useRegions().data?.names;
  const latest = latestYear(e);
  const industry = industryCode(e);
  const fact = (field: string, value: string, key = field) => (
    <Sourced provenance={e.provenance} field={field} testId={`fact-${key}`} empty={value === '—'}>
      {value}
    </Sourced>
  );
  const text = (v: string | null) => v || '—';

  const items: DescriptionsProps['items'] = [
    { key: 'legalRep', label: p.legalRep, children: fact('legalRep', text(e.legalRep)) },
    {
      key: 'establishedOn',
      label: p.establishedOn,
      children: fact('establishedOn', formatDay(e.establishedOn)),
    },
    {
      key: 'registeredCapital',
      label: p.registeredCapital,
      children: fact('registeredCapital', formatMoney(e.registeredCapital, en)),
    },
    {
      key: 'region',
      label: p.region,
      children: fact(
        'regionCode',
        e.regionCode ? `${regionName(names, e.regionCode) ?? ''} ${e.regionCode}`.trim() : '—',
        'region',
      ),
    },
    {
      key: 'industry',
      label: p.industry,
      children: fact(
        'industryDivision',
        industry
          ? `${industry} ${industryLabel(industry, en) ?? industryLabel(e.industrySection, en) ?? ''}`
          : '—',
        'industry',
      ),
    },
    { key: 'universe', label: p.universe, children: m.universes[e.universe] },
    {
      key: 'revenue',
      label: latest ? t('enterprises.profile.latestRevenueYear', { year: latest.year }) : p.latestRevenue,
      children: (
        <Sourced
          provenance={latest?.provenance}
          field="revenue"
          testId="fact-revenue"
          empty={latest?.revenue === null || latest?.revenue === undefined}
        >
          {formatMoney(latest?.revenue ?? e.revenue, en)}
        </Sourced>
      ),
    },
    {
      key: 'employees',
      label: p.employees,
      children: (
        <Sourced
          provenance={latest?.provenance}
          field="employees"
          testId="fact-employees"
          empty={latest?.employees === null || latest?.employees === undefined}
        >
          {formatHeadcount(latest?.employees ?? e.employees, en)}
        </Sourced>
      ),
    },
    { key: 'listed', label: p.listed, children: e.listed ? p.listedYes : p.listedNo },
    { key: 'address', label: p.address, span: 2, children: fact('address', text(e.address)) },
    { key: 'mainProducts', label: p.mainProducts, children: fact('mainProducts', text(e.mainProducts)) },
    {
      key: 'businessScope',
      label: p.businessScope,
      span: 3,
      children: (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
          {fact('businessScope', text(e.businessScope))}
        </Typography.Paragraph>
      ),
    },
  ];

  return (
    <Card title={p.basic} size="small" data-testid="basic-facts">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </Card>
  );
}
