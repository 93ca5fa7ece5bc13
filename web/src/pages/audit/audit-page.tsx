/** 审计日志 (admin, leader): filter by object, actor and period; expand a row for before/after;
 *  导出 CSV starts a background job whose progress shows above the table. */
import { ExportOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Me } from '../../../../src/shared/api';
import { AUDIT_ENTITIES } from '../../../../src/shared/audit-entities';
import { type AuditFilter, useAudit, useAuditExport } from '../../api/audit';
import { hasAnyRole } from '../../api/me';
import { useUsers } from '../../api/users';
import { PageHeader } from '../../components/page-header';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { formatTime } from '../../lib/format';
import { jobKindLabel } from '../jobs/job-status';
import { AuditDiff, auditObjectName } from './audit-diff';
import { AuditExportProgress } from './audit-export';

const ACTION_COLORS = { create: 'green', update: 'blue', delete: 'red' } as const;

/** The user list is admin-only, so only admins get an actor picker. */
function ActorSelect({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { t } = useTranslation();
  const users = useUsers({ page: 1, pageSize: 200 });
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('audit.allActors')}
      style={{ width: 200 }}
      value={value}
      onChange={onChange}
      options={(users.data?.items ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName}（${u.username}）`,
      }))}
    />
  );
}

export function AuditPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const m = useMessages();
  const { message } = App.useApp();
  const showError = useApiError();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [exportJobId, setExportJobId] = useState<string | null>(null);
  const audit = useAudit({ ...filter, ...paging });
  const startExport = useAuditExport();

  const change = (patch: AuditFilter) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });

  const exportCsv = () =>
    startExport.mutate(filter, {
      onSuccess: (job) => {
        setExportJobId(job.id);
        message.info(t('audit.exportStarted'));
      },
      onError: (e) => showError(e),
    });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: formatTime },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 90,
      render: (a: AuditEntry['action']) => <Tag color={ACTION_COLORS[a]}>{m.audit.actions[a]}</Tag>,
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      width: 110,
      render: (e: string) => m.audit.entities[e] ?? e,
    },
    {
      title: t('audit.object'),
      key: 'object',
      width: 220,
      ellipsis: true,
      // A job is named by its kind (审计日志导出), as 任务中心 names it; other objects' kinds are codes
      // of their own (an org's 园区) and are not job kinds.
      render: (_, e) => auditObjectName(e, (k) => (e.entity === 'job' ? jobKindLabel(m, k) : k)),
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      ellipsis: true,
      render: (id: string) => (
        <Typography.Text type="secondary" copyable={{ text: id }}>
          {id}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<ExportOutlined />}
            loading={startExport.isPending}
            onClick={exportCsv}
            data-testid="audit-export-btn"
          >
            {t('audit.export')}
          </Button>
        }
      />
      {exportJobId && <AuditExportProgress jobId={exportJobId} onClose={() => setExportJobId(null)} />}
      <Card styles={{ body: { paddingTop: 16 } }}>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('audit.allEntities')}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 180 }}
            data-testid="audit-entity-filter"
            value={filter.entity}
            onChange={(entity?: string) => change({ entity })}
            options={AUDIT_ENTITIES.map((e) => ({ value: e, label: m.audit.entities[e] ?? e }))}
          />
          {hasAnyRole(me, ['admin']) && (
            <ActorSelect value={filter.actorId} onChange={(actorId) => change({ actorId })} />
          )}
          <DatePicker.RangePicker onChange={(r) => onRange(r)} />
        </Flex>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching && !audit.data}
          expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} />, expandRowByClick: true }}
          data-testid="audit-table"
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
