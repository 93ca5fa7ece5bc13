/** 知识产权 counts and 资质 with expiry warnings: expired in red, within 90 days in orange; admin and
 *  officer edit the counts and add or remove a 资质 here. */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Popconfirm, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { EXPIRY_NOTICE_DAYS } from '../../../../../src/domain/eligibility/tiers';
import {
  type EnterpriseDetail,
  IP_KINDS,
  type Qualification,
  useDeleteQualification,
} from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { Sourced, TIER_COLORS } from '../enterprise-tags';
import { daysUntil, formatDay } from '../format';
import { IpModal } from './ip-modal';
import { QualificationModal } from './qualification-modal';
import { useFactErrors } from './use-fact-errors';

const order = (kind: string) => (IP_KINDS as readonly string[]).indexOf(kind);

export function IpCard({ e, canEdit }: { e: EnterpriseDetail; canEdit: boolean }) {
  const m = useMessages().enterprises;
  const [editing, setEditing] = useState(false);
  const sorted = [...e.ip].sort((a, b) => order(a.kind) - order(b.kind));
  const edit = canEdit && (
    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="ip-edit">
      {m.facts.edit}
    </Button>
  );
  return (
    <Card title={m.profile.ip} size="small" data-testid="ip-card" style={{ height: '100%' }} extra={edit}>
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
      {editing && <IpModal e={e} onClose={() => setEditing(false)} />}
    </Card>
  );
}

export function ExpiryTag({ expiresOn }: { expiresOn: string | null }) {
  const p = useMessages().enterprises.profile;
  if (!expiresOn) return null;
  const days = daysUntil(expiresOn);
  if (days < 0) return <Tag color="red">{p.expired}</Tag>;
  if (days <= EXPIRY_NOTICE_DAYS)
    return <Tag color="orange">{p.expiresIn.replace('{{days}}', String(days))}</Tag>;
  return <Tag color="green">{p.valid}</Tag>;
}

export function QualificationsCard({ e, canEdit }: { e: EnterpriseDetail; canEdit: boolean }) {
  const { message } = App.useApp();
  const m = useMessages().enterprises;
  const p = m.profile;
  const [adding, setAdding] = useState(false);
  const remove = useDeleteQualification(e.id);
  const onError = useFactErrors();

  const onDelete = (qualificationId: string) =>
    remove.mutateAsync({ qualificationId, version: e.version }).then(
      () => message.success(m.facts.qualificationDeleted),
      (err) => onError(err),
    );
  const actions = {
    title: m.facts.actions,
    key: 'actions',
    width: 70,
    // Rows from a server without qualification ids cannot be removed here.
    render: (_: unknown, q: Qualification) =>
      q.id && (
        <Popconfirm
          title={m.facts.deleteQualificationConfirm.replace('{{tier}}', m.tiers[q.tier] ?? q.tier)}
          onConfirm={() => onDelete(q.id as string)}
        >
          <Typography.Link type="danger" data-testid={`qualification-delete-${q.tier}`}>
            {m.facts.delete}
          </Typography.Link>
        </Popconfirm>
      ),
  };
  const add = canEdit && (
    <Button
      size="small"
      icon={<PlusOutlined />}
      onClick={() => setAdding(true)}
      data-testid="qualification-add"
    >
      {m.facts.addQualification}
    </Button>
  );

  return (
    <Card
      title={p.qualifications}
      size="small"
      data-testid="qualifications-card"
      style={{ height: '100%' }}
      extra={add}
    >
      <Table<Qualification>
        size="small"
        rowKey={(q) => q.id ?? `${q.tier}-${q.issuedOn ?? ''}-${q.certificateNo ?? ''}`}
        pagination={false}
        dataSource={e.qualifications}
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
          ...(canEdit ? [actions] : []),
        ]}
      />
      {adding && <QualificationModal e={e} onClose={() => setAdding(false)} />}
    </Card>
  );
}
