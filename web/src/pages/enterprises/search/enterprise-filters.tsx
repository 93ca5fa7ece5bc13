/** The search box and filters above the 企业查询 table. */
import { Cascader, Checkbox, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXPIRY_NOTICE_DAYS } from '../../../../../src/domain/eligibility/tiers';
import { type EnterpriseQuery, SIZE_BANDS, type SizeBand, type Universe } from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { fill } from '../../../i18n/fill';
import { industryOptions } from '../industries';
import { regionPath, useRegions } from '../use-regions';
import type { SearchPatch } from './use-search-state';

const TIERS = [
  'tech_sme',
  'innovative_sme',
  'hnte',
  'specialized_sme',
  'little_giant',
  'gazelle',
  'potential_unicorn',
  'unicorn',
];

export function EnterpriseFilters({
  query,
  onChange,
}: {
  query: EnterpriseQuery;
  onChange: (patch: SearchPatch) => void;
}) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const m = useMessages().enterprises;
  const regions = useRegions();

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <div data-testid="enterprise-search" style={{ maxWidth: 640 }}>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          placeholder={m.search.placeholder}
          allowClear
          enterButton
          size="large"
          onSearch={(q) => onChange({ q: q.trim() || undefined })}
        />
      </div>
      <Flex gap={12} wrap align="center">
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={m.search.industry}
          style={{ width: 260 }}
          value={query.industry}
          onChange={(industry) => onChange({ industry })}
          options={industryOptions(en)}
          data-testid="filter-industry"
        />
        <Cascader
          changeOnSelect
          showSearch
          placeholder={m.search.region}
          style={{ width: 240 }}
          loading={regions.isLoading}
          options={regions.data?.options ?? []}
          value={regionPath(query.region)}
          onChange={(path) => onChange({ region: path?.length ? String(path[path.length - 1]) : undefined })}
          data-testid="filter-region"
        />
        <Select<string>
          allowClear
          placeholder={m.search.tier}
          style={{ width: 180 }}
          value={query.tier}
          onChange={(tier) => onChange({ tier })}
          options={TIERS.map((k) => ({ value: k, label: m.tiers[k] }))}
          data-testid="filter-tier"
        />
        <Select<SizeBand>
          allowClear
          placeholder={m.search.size}
          style={{ width: 220 }}
          value={query.sizeBand}
          onChange={(sizeBand) => onChange({ sizeBand })}
          options={SIZE_BANDS.map((k) => ({ value: k, label: m.sizes[k] }))}
          data-testid="filter-size"
        />
        <Select<Universe>
          allowClear
          placeholder={m.search.universe}
          style={{ width: 160 }}
          value={query.universe}
          onChange={(universe) => onChange({ universe })}
          options={(['local', 'target'] as const).map((k) => ({ value: k, label: m.universes[k] }))}
          data-testid="filter-universe"
        />
        <Checkbox
          checked={!!query.review}
          onChange={(e) => onChange({ review: e.target.checked })}
          data-testid="filter-review"
        >
          {m.search.reviewOnly}
        </Checkbox>
        <Checkbox
          checked={!!query.expiring}
          onChange={(e) => onChange({ expiring: e.target.checked })}
          data-testid="filter-expiring"
        >
          {fill(m.search.expiringOnly, { n: EXPIRY_NOTICE_DAYS })}
        </Checkbox>
      </Flex>
    </Flex>
  );
}
