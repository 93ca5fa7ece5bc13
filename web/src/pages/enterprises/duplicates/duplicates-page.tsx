/** 企业库 › 疑似重复 (admin, officer): candidate pairs side by side; 合并 keeps the chosen record and
 *  folds the other into it, 不是同一家 is remembered so the pair is not suggested again. */
import { Card, Empty, Flex, Pagination, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDuplicates } from '../../../api/enterprises';
import { PageHeader } from '../../../components/page-header';
import { useMessages } from '../../../i18n';
import { DuplicatePairCard } from './duplicate-pair';

export function DuplicatesPage() {
  const { t } = useTranslation();
  const m = useMessages().enterprises.duplicates;
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const list = useDuplicates(paging);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <Spin spinning={list.isFetching && !list.data}>
        <Flex vertical gap={16} data-testid="duplicates-list">
          {list.error && (
            <Card>
              <Empty description={list.error.message} />
            </Card>
          )}
          {!list.error && list.data && items.length === 0 && (
            <Card>
              <Empty description={m.empty} />
            </Card>
          )}
          {items.map((pair) => (
            <DuplicatePairCard key={`${pair.a.id}-${pair.b.id}`} pair={pair} />
          ))}
          {(list.data?.total ?? 0) > paging.pageSize && (
            <Pagination
              align="end"
              current={paging.page}
              pageSize={paging.pageSize}
              total={list.data?.total ?? 0}
              showTotal={(total) => t('common.total', { total })}
              onChange={(page, pageSize) => setPaging({ page, pageSize })}
            />
          )}
        </Flex>
      </Spin>
    </>
  );
}
