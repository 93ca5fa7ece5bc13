/** 企业库 › 企业查询: search, filter, sort and page through the registry; a row opens the profile;
 *  导出 XLSX downloads the same filtered list. */
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../../../src/shared/api';
import {
  type EnterpriseSort,
  type EnterpriseSummary,
  exportUrl,
  useEnterprises,
} from '../../../api/enterprises';
import { PageHeader } from '../../../components/page-header';
import { useMessages } from '../../../i18n';
import { canOpen, PATHS } from '../../../layout/paths';
import { useEnterpriseColumns } from './enterprise-columns';
import { EnterpriseFilters } from './enterprise-filters';
import { useSearchState } from './use-search-state';

export function EnterprisesPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const m = useMessages().enterprises;
  const navigate = useNavigate();
  const { query, update } = useSearchState();
  const list = useEnterprises(query);
  const columns = useEnterpriseColumns(query);
  const { page: _p, pageSize: _s, ...filters } = query;

  // A page past the end (an old link, a list that shrank) goes to the last page that has rows.
  const total = list.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / (query.pageSize ?? 20)));
  useEffect(() => {
    if (list.data && total > 0 && (query.page ?? 1) > lastPage) update({ page: lastPage });
  }, [list.data, total, query.page, lastPage, update]);

  const onSort = (s: SorterResult<EnterpriseSummary> | SorterResult<EnterpriseSummary>[]) => {
    const one = Array.isArray(s) ? s[0] : s;
    const key = one?.order ? (one.columnKey as EnterpriseSort) : undefined;
    update({ sort: key, order: key ? (one.order === 'ascend' ? 'asc' : 'desc') : undefined });
  };

  return (
    <>
      <PageHeader
        title={m.search.title}
        subtitle={m.search.subtitle}
        extra={
          <>
            {canOpen(PATHS.enterpriseImport, me.roles) && (
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate(PATHS.enterpriseImport)}>
                {t('menu.enterpriseImport')}
              </Button>
            )}
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={exportUrl(filters)}
              download
              data-testid="enterprise-export"
            >
              {m.search.export}
            </Button>
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 16 } }}>
        <EnterpriseFilters query={query} onChange={update} />
        <Table<EnterpriseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching && !list.data}
          locale={{ emptyText: list.error ? list.error.message : m.search.empty }}
          onRow={(e) => ({ onClick: () => navigate(`/enterprises/${e.id}`), style: { cursor: 'pointer' } })}
          onChange={(_pg, _f, sorter, extra) => {
            if (extra.action === 'sort') onSort(sorter);
          }}
          scroll={{ x: 1115 }}
          data-testid="enterprises-table"
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => update({ page, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
