/** 组织机构: the org tree on the left, the selected org's details on the right. */
import { Card, Col, Empty, Input, Row, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../src/shared/api';
import { useOrgs } from '../../api/orgs';
import { PageHeader } from '../../components/page-header';
import { orgTrail } from '../../lib/org-tree';
import { OrgCreateModal } from './org-create-modal';
import { OrgDetail } from './org-detail';
import { orgTreeData } from './org-tree-data';

export function OrgsPage() {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [addUnder, setAddUnder] = useState<Org | null>(null);
  const list = orgs.data ?? [];
  const selected = list.find((o) => o.id === selectedId) ?? list[0] ?? null;
  const treeData = useMemo(() => orgTreeData(orgs.data ?? [], t, filter), [orgs.data, t, filter]);

  return (
    <>
      <PageHeader title={t('orgs.title')} subtitle={t('orgs.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} lg={9} xl={8}>
          <Card title={t('orgs.tree')} loading={orgs.isLoading} style={{ marginBottom: 16 }}>
            <Input.Search
              allowClear
              placeholder={t('orgs.searchPlaceholder')}
              onChange={(e) => setFilter(e.target.value)}
              style={{ marginBottom: 12 }}
            />
            {treeData.length > 0 && (
              <Tree
                key={filter ? `f:${filter}` : `all:${list.length}`}
                treeData={treeData}
                defaultExpandAll
                showLine
                blockNode
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => {
                  if (keys.length > 0) setSelectedId(String(keys[0]));
                }}
                data-testid="org-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          {selected ? (
            <OrgDetail
              org={selected}
              trail={orgTrail(list, selected.id)}
              onAddChild={() => setAddUnder(selected)}
              onDeleted={() => setSelectedId(selected.parentId)}
            />
          ) : (
            <Card>
              <Empty description={t('orgs.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      <OrgCreateModal
        parent={addUnder}
        onClose={() => setAddUnder(null)}
        onCreated={(org) => {
          setAddUnder(null);
          setSelectedId(org.id);
        }}
      />
    </>
  );
}
