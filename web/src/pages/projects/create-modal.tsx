/** 新建项目 (admin, leader, officer): name, firm from 企业库, source, type, and the investment and scale
 *  (money typed in 万元, sent in 元). When the firm is already an active project elsewhere in the city
 *  (409 project.duplicate) the other projects are listed and “我已知悉，仍要新建” sends it again with
 *  acknowledgeDuplicates. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Col, Divider, Form, Input, Modal, Row, Select, Table } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import {
  type DuplicateProject,
  PROJECT_TYPES,
  type ProjectCreate,
  useCreateProject,
} from '../../api/projects';
import { FigureInput, readFigures, useFigureRules } from '../../components/figure-input';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { FirmSelect, wanToYuan } from './common';
import { useProjectSources } from './sources-editor';

type Values = {
  name: string;
  enterpriseId: string;
  source: ProjectCreate['source'];
  type: ProjectCreate['type'];
  plannedInvestment?: number;
  registeredCapital?: number;
  expectedOutput?: number;
  talents?: number;
  scientistTeams?: number;
  landMu?: number;
  floorArea?: number;
};

function DuplicateWarning({
  duplicates,
  acknowledged,
  onAcknowledge,
}: {
  duplicates: DuplicateProject[];
  acknowledged: boolean;
  onAcknowledge: (v: boolean) => void;
}) {
  const m = useMessages().projects;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={m.form.dupTitle}
      data-testid="project-duplicate"
      description={
        <>
          <div style={{ marginBottom: 8 }}>{m.form.dupBody}</div>
          <Table<DuplicateProject>
            rowKey="projectId"
            size="small"
            pagination={false}
            dataSource={duplicates}
            style={{ marginBottom: 10 }}
            columns={[
              { key: 'name', title: m.dup.name, dataIndex: 'name' },
              { key: 'org', title: m.dup.org, dataIndex: 'org', width: 130 },
              { key: 'owner', title: m.dup.owner, dataIndex: 'owner', width: 90, render: (v) => v ?? '—' },
              { key: 'stage', title: m.dup.stage, dataIndex: 'stage', width: 70 },
            ]}
          />
          <Checkbox
            checked={acknowledged}
            onChange={(e) => onAcknowledge(e.target.checked)}
            data-testid="project-duplicate-ack"
          >
            {m.form.dupAck}
          </Checkbox>
        </>
      }
    />
  );
}

const FIGURE_KINDS = {
  plannedInvestment: 'wan',
  registeredCapital: 'wan',
  expectedOutput: 'wan',
  talents: 'count',
  scientistTeams: 'count',
  landMu: 'plain',
  floorArea: 'plain',
} as const;

export function CreateProjectButton({ onCreated }: { onCreated?: (id: string) => void }) {
  const m = useMessages().projects;
  const sources = useProjectSources();
  const f = m.form;
  const { message } = App.useApp();
  const showError = useApiError();
  const [open, setOpen] = useState(false);
  const [duplicates, setDuplicates] = useState<DuplicateProject[] | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();

  const close = () => {
    setOpen(false);
    setDuplicates(null);
    setAcknowledged(false);
    form.resetFields();
  };

  const submit = (typed: Values) => {
    const v = readFigures(typed, FIGURE_KINDS);
    if (duplicates && !acknowledged) {
      message.warning(f.dupAckRequired);
      return;
    }
    create.mutate(
      {
        name: v.name.trim(),
        enterpriseId: v.enterpriseId,
        source: v.source,
        type: v.type,
        plannedInvestment: wanToYuan(v.plannedInvestment),
        registeredCapital: wanToYuan(v.registeredCapital),
        expectedOutput: wanToYuan(v.expectedOutput),
        talents: v.talents ?? undefined,
        scientistTeams: v.scientistTeams ?? undefined,
        landMu: v.landMu ?? undefined,
        floorArea: v.floorArea ?? undefined,
        acknowledgeDuplicates: !!duplicates && acknowledged,
      },
      {
        onSuccess: (p) => {
          message.success(fill(f.created, { name: p.name }));
          close();
          onCreated?.(p.id);
        },
        onError: (err) => {
          if (isApiError(err, 'project.duplicate')) {
            const d = (err.details as { duplicates?: DuplicateProject[] } | null)?.duplicates ?? [];
            setDuplicates(d);
            setAcknowledged(false);
          } else showError(err, form);
        },
      },
    );
  };

  const figureRules = useFigureRules();
  const wanRules = figureRules({ kind: 'wan', max: 1e10 });
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setOpen(true)}
        data-testid="project-create"
      >
        {m.create}
      </Button>
      <Modal
        open={open}
        title={f.title}
        width={720}
        onCancel={close}
        onOk={() => form.submit()}
        okText={m.create}
        okButtonProps={{
          loading: create.isPending,
          disabled: !!duplicates && !acknowledged,
          'data-testid': 'project-create-ok',
        }}
        destroyOnHidden
        data-testid="project-create-modal"
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          style={{ marginTop: 12 }}
          onValuesChange={(changed) => {
            // Another firm: the warning was about the old one.
            if ('enterpriseId' in changed) {
              setDuplicates(null);
              setAcknowledged(false);
            }
          }}
          requiredMark
        >
          {duplicates && (
            <DuplicateWarning
              duplicates={duplicates}
              acknowledged={acknowledged}
              onAcknowledge={setAcknowledged}
            />
          )}
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item
                name="enterpriseId"
                label={f.firm}
                rules={[{ required: true, message: f.firmRequired }]}
              >
                <FirmSelect
                  testId="project-firm"
                  onChange={(_id, name) => {
                    if (!form.getFieldValue('name')) form.setFieldValue('name', name);
                  }}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="name"
                label={f.name}
                rules={[{ required: true, whitespace: true, message: f.nameRequired }]}
              >
                <Input maxLength={100} placeholder={f.namePlaceholder} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="source"
                label={f.source}
                rules={[{ required: true, message: f.sourceRequired }]}
              >
                <Select options={sources.map((s) => ({ value: s, label: s }))} data-testid="project-source" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="type" label={f.type} rules={[{ required: true, message: f.typeRequired }]}>
                <Select
                  options={PROJECT_TYPES.map((s) => ({ value: s, label: s }))}
                  data-testid="project-type"
                />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px', color: '#8c8c8c' }}>
            {f.scale}
          </Divider>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="plannedInvestment" label={f.plannedInvestment} rules={wanRules}>
                <FigureInput suffix={f.wan} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="registeredCapital" label={f.registeredCapital} rules={wanRules}>
                <FigureInput suffix={f.wan} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="expectedOutput" label={f.expectedOutput} rules={wanRules}>
                <FigureInput suffix={f.wan} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="talents" label={f.talents} rules={figureRules({ kind: 'count', max: 100000 })}>
                <FigureInput suffix={f.people} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="scientistTeams"
                label={f.scientistTeams}
                rules={figureRules({ kind: 'count', max: 1000 })}
              >
                <FigureInput suffix={f.teams} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="landMu" label={f.landMu} rules={figureRules({ kind: 'plain', max: 1e6 })}>
                <FigureInput suffix={f.mu} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="floorArea"
                label={f.floorArea}
                style={{ marginBottom: 0 }}
                rules={figureRules({ kind: 'plain', max: 1e8 })}
              >
                <FigureInput suffix={f.sqm} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
