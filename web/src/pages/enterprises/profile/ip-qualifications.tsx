/** 知识产权 counts and 资质 with expiry warnings: expired in red, within 90 days in orange. */
import { Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import type { EnterpriseDetail } from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { Sourced, TIER_COLORS } from '../enterprise-tags';
import { daysUntil, formatDay } from '../format';

const IP_ORDER = [
  'invention_patent',
  'utility_model',
  'design',
  'software_copyright',
  'pct',
  'ic_layout',
  'plant_variety',
  'standard',
];
const WARN_DAYS = 90;

export function IpCard({ ip }: { ip: EnterpriseDetail['ip'] }) {
  const m = useMessages().enterprises;
  const sorted = [...ip].sort((a, b) => IP_ORDER.indexOf(a.kind) - IP_ORDER.indexOf(b.kind));
  return (
    <Card title={m.profile.ip} size="small" data-testid="ip-card" style={{ height: '100%' }}>
      {sorted.length === 0 ? (
        <Empty description={m.profile.noIp} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Row gutter={[16, 16]}>
          {sorted.map((i) => (
            <Col key={i.kind} xs={12} md={6}>
              <Statistic
                title={m.ipKinds[i.kind] ?? i.kind}
                value={i.count}
                formatter={(v) => (
                  <Sourced provenance={i.provenance} testId={`ip-${i.kind}`}>
                    {v}
                  </Sourced>
                )}
              />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

export function ExpiryTag({ expiresOn }: { expiresOn: string | null }) {
  const p = useMessages().enterprises.profile;
  if (!expiresOn) return null;
  const days = daysUntil(expiresOn);
  if (days < 0) return <Tag color="red">{p.expired}</Tag>;
  if (days <= WARN_DAYS) return <Tag color="orange">{p.expiresIn.replace('{{days}}', String(days))}</Tag>;
  return <Tag color="green">{p.valid}</Tag>;
}

type Qualification = EnterpriseDetail['qualifications'][number];

export function QualificationsCard({ items }: { items: Qualification[] }) {
  const m = useMessages().enterprises;
  const p = m.profile;
  return (
    <Card title={p.qualifications} size="small" data-testid="qualifications-card" style={{ height: '100%' }}>
      <Table<Qualification>
        size="small"
        rowKey={(q) => `${q.tier}-${q.issuedOn ?? ''}-${q.certificateNo ?? ''}`}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: p.noQualifications }}
        columns={[
          {
            title: m.col.tiers,
            dataIndex: 'tier',
            render: (tier: string, q) => (
              <Sourced provenance={q.provenance}>
                <Tag color={TIER_COLORS[tier]}>{m.tiers[tier] ?? tier}</Tag>
              </Sourced>
            ),
          },
          { title: p.certificateNo, dataIndex: 'certificateNo', render: (v: string | null) => v ?? '—' },
          { title: p.issuedOn, dataIndex: 'issuedOn', width: 110, render: formatDay },
          {
            title: p.expiresOn,
            dataIndex: 'expiresOn',
            width: 200,
            render: (v: string | null) => (
              <span>
                {formatDay(v)} <ExpiryTag expiresOn={v} />
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
