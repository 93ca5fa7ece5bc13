/** 新建 / 编辑政策 (admin, leader, officer): the policy's facts, its benefits and its conditions in a
 *  form; the server checks everything again and names what is wrong in Chinese. A stale edit (409)
 *  says so and keeps what was typed. "至少满足其一" conditions are kept as they are. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { TIER_KEYS } from '../../../../src/domain/eligibility/tiers';
import { type Benefit, type Policy, type PolicyInput, useSavePolicy } from '../../api/policies';
import { FigureInput, readFigure, useFigureRules } from '../../components/figure-input';
import { useApiError } from '../../components/use-api-error';
import { validValues } from '../../components/valid-values';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { INDUSTRY_SECTIONS } from '../enterprises/industries';
import {
  BOUND,
  CLAUSE_KINDS,
  type ClauseForm,
  clauseFieldName,
  fromClauseForm,
  MIN_KINDS,
  RANGE_KINDS,
  TIER_KINDS,
  toClauseForm,
} from './clause-form';

const BENEFIT_KINDS: Benefit['kind'][] = ['subsidy', 'tax', 'voucher', 'other'];
const DATES = ['validFrom', 'validTo', 'applyFrom', 'applyTo'] as const;

type Values = {
  title: string;
  issuer: string;
  documentNo?: string;
  summary?: string;
  regionScope?: string;
  status: Policy['status'];
  benefits: { kind: Benefit['kind']; amount?: number | string | null; text: string }[];
  clauses: ClauseForm[];
} & Partial<Record<(typeof DATES)[number], Dayjs | null>>;

function toValues(p: Policy | undefined): Values {
  // A new policy starts with 本地企业: a district's policy is claimed by its own firms, and without it
  // the matches would include the 外地目标 firms it only courts. It can be removed like any condition.
  if (!p)
    return { title: '', issuer: '', status: 'draft', benefits: [], clauses: [{ kind: 'universe_local' }] };
  return {
    title: p.title,
    issuer: p.issuer,
    documentNo: p.documentNo ?? undefined,
    summary: p.summary ?? undefined,
    regionScope: p.regionScope ?? undefined,
    status: p.status,
    ...Object.fromEntries(DATES.map((d) => [d, p[d] ? dayjs(p[d]) : null])),
    benefits: p.benefits.map((b) => ({ ...b, amount: b.amount === null ? null : b.amount / 1e4 })),
    clauses: p.conditions.all.map(toClauseForm),
  };
}

const orNull = (s?: string) => (s?.trim() ? s.trim() : null);

function toInput(v: Values, p: Policy | undefined): PolicyInput {
  return {
    title: v.title.trim(),
    issuer: v.issuer.trim(),
    documentNo: orNull(v.documentNo),
    summary: orNull(v.summary),
    regionScope: orNull(v.regionScope),
    status: v.status,
    ...Object.fromEntries(DATES.map((d) => [d, v[d] ? (v[d] as Dayjs).format('YYYY-MM-DD') : null])),
    benefits: (v.benefits ?? []).map((b) => {
      const r = readFigure(b.amount, 'wan');
      const wan = r.ok ? r.value : null;
      return { kind: b.kind, text: b.text.trim(), amount: wan === null ? null : Math.round(wan * 1e6) / 100 };
    }),
    conditions: {
      all: (v.clauses ?? []).map(fromClauseForm),
      ...(p?.conditions.anyOf ? { anyOf: p.conditions.anyOf } : {}),
    },
  };
}

export function PolicyEditor({ policy, onClose }: { policy?: Policy; onClose: (saved?: Policy) => void }) {
  const { message } = App.useApp();
  const m = useMessages();
  const p = m.policies;
  const e = p.editor;
  const [form] = Form.useForm<Values>();
  const save = useSavePolicy(policy?.id);
  const showError = useApiError();
  const figureRules = useFigureRules();
  const required = (field: string) => [
    { required: true, whitespace: true, message: fill(e.required, { field }) },
  ];

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    save.mutate(
      { ...toInput(v, policy), ...(policy ? { version: policy.version } : {}) },
      {
        onSuccess: (saved) => {
          message.success(policy ? e.saved : e.created);
          onClose(saved);
        },
        onError: (err) => showError(err, form, clauseFieldName),
      },
    );
  };

  const date = (name: (typeof DATES)[number], label: string) => (
    <Col span={6} key={name}>
      <Form.Item name={name} label={label}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      open
      width={880}
      title={policy ? e.editTitle : e.createTitle}
      onOk={submit}
      onCancel={() => onClose()}
      confirmLoading={save.isPending}
      okText={m.common.save}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'policy-editor-save' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(policy)}
        // The server's complaint about the conditions as a whole goes once they are edited, as a
        // field's own error does (the list has no rules that would clear it).
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.clauses) form.setFields([{ name: 'clauses', errors: [] }]);
        }}
        data-testid="policy-editor"
      >
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="title" label={e.title} rules={required(e.title)}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="documentNo" label={e.documentNo}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="issuer" label={e.issuer} rules={required(e.issuer)}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="regionScope"
              label={e.regionScope}
              extra={e.regionScopeHint}
              rules={[{ pattern: /^(\d{2}|\d{4}|\d{6})$/, message: e.regionScopeHint }]}
            >
              <Input maxLength={6} style={{ width: 160 }} />
            </Form.Item>
          </Col>
          {date('validFrom', e.validFrom)}
          {date('validTo', e.validTo)}
          {date('applyFrom', e.applyFrom)}
          {date('applyTo', e.applyTo)}
          <Col span={24}>
            <Form.Item name="summary" label={e.summary}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="status" label={e.status} extra={e.statusHint}>
              <Radio.Group
                options={(['draft', 'published'] as const).map((s) => ({ value: s, label: p.statuses[s] }))}
                data-testid="policy-editor-status"
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {e.benefits}
        </Divider>
        <Form.List name="benefits">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'kind']} style={{ width: 130, marginBottom: 0 }}>
                    <Select options={BENEFIT_KINDS.map((k) => ({ value: k, label: p.benefitKinds[k] }))} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'text']}
                    rules={required(e.benefits)}
                    style={{ flex: 1, marginBottom: 0 }}
                  >
                    <Input placeholder={e.benefitText} maxLength={500} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'amount']}
                    rules={figureRules({ kind: 'wan' })}
                    style={{ width: 170, marginBottom: 0 }}
                  >
                    <FigureInput placeholder={e.amount} suffix={m.enterprises.money.wan} />
                  </Form.Item>
                  <MinusCircleOutlined style={{ marginTop: 9 }} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'subsidy', text: '' })}
              >
                {e.addBenefit}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {e.conditions}
        </Divider>
        {policy?.conditions.anyOf && (
          <Typography.Paragraph type="secondary">{e.anyOfKept}</Typography.Paragraph>
        )}
        <Form.List name="clauses">
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start" data-testid="policy-clause">
                  <Form.Item name={[f.name, 'kind']} style={{ width: 240, marginBottom: 0 }}>
                    <Select
                      aria-label={e.kind}
                      options={CLAUSE_KINDS.map((k) => ({ value: k, label: e.clauseKinds[k] }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => (
                      <ClauseParams name={f.name} kind={form.getFieldValue(['clauses', f.name, 'kind'])} />
                    )}
                  </Form.Item>
                  <MinusCircleOutlined style={{ marginTop: 9 }} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'tier_held', tier: 'hnte' })}
                data-testid="policy-add-clause"
              >
                {e.addClause}
              </Button>
              {/* What the server found wrong with the conditions without naming a row. */}
              <div data-testid="policy-clauses-errors">
                <Form.ErrorList errors={errors} />
              </div>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** The fields a condition of this kind needs. */
function ClauseParams({ name, kind }: { name: number; kind: ClauseForm['kind'] }) {
  const m = useMessages();
  const e = m.policies.editor;
  const figureRules = useFigureRules();
  const item = { style: { marginBottom: 0 } };
  if (TIER_KINDS.includes(kind)) {
    return (
      <Form.Item name={[name, 'tier']} {...item} style={{ width: 260, marginBottom: 0 }}>
        <Select
          aria-label={e.tier}
          options={TIER_KEYS.map((k) => ({ value: k, label: m.enterprises.tiers[k] ?? k }))}
        />
      </Form.Item>
    );
  }
  if (kind === 'region') {
    return (
      <Form.Item name={[name, 'prefixes']} {...item} style={{ flex: 1, marginBottom: 0 }}>
        <Select
          mode="tags"
          aria-label={e.prefixes}
          placeholder={e.prefixes}
          tokenSeparators={[',', '，', ' ']}
        />
      </Form.Item>
    );
  }
  if (kind === 'industry') {
    return (
      <Flex gap={8} style={{ flex: 1 }}>
        <Form.Item name={[name, 'sections']} {...item} style={{ flex: 1, marginBottom: 0 }}>
          <Select
            mode="multiple"
            aria-label={e.sections}
            placeholder={e.sections}
            options={Object.entries(INDUSTRY_SECTIONS).map(([code, [zh]]) => ({
              value: code,
              label: `${code} ${zh}`,
            }))}
          />
        </Form.Item>
        <Form.Item name={[name, 'divisions']} {...item} style={{ width: 200, marginBottom: 0 }}>
          <Select
            mode="tags"
            aria-label={e.divisions}
            placeholder={e.divisions}
            tokenSeparators={[',', '，', ' ']}
          />
        </Form.Item>
      </Flex>
    );
  }
  const bound = BOUND[kind];
  if (!bound) return <span style={{ flex: 1 }} />;
  // A ratio is typed in %: more than 100 is a typo, not 150 % of revenue spent on R&D.
  const rules = figureRules({ kind: bound.kind, max: kind === 'rd_ratio' ? 100 : undefined });
  const readBound = (v: unknown) => {
    const r = readFigure(v, bound.kind);
    return r.ok ? r.value : null;
  };
  // 不高于 below 不低于 would match no firm at all; said on the field rather than after saving.
  const maxRules: Rule[] = [
    ...rules,
    ({ getFieldValue }) => ({
      validator: async (_: unknown, v: unknown) => {
        const lo = readBound(getFieldValue(['clauses', name, 'min']));
        const hi = readBound(v);
        if (lo !== null && hi !== null && hi < lo) throw new Error(e.maxBelowMin);
      },
    }),
  ];
  return (
    <Flex gap={8} style={{ flex: 1 }}>
      {(RANGE_KINDS.includes(kind) || MIN_KINDS.includes(kind)) && (
        <Form.Item name={[name, 'min']} rules={rules} {...item} style={{ width: 170, marginBottom: 0 }}>
          <FigureInput prefix={e.min} aria-label={e.min} />
        </Form.Item>
      )}
      {RANGE_KINDS.includes(kind) && (
        <Form.Item
          name={[name, 'max']}
          rules={maxRules}
          dependencies={[['clauses', name, 'min']]}
          {...item}
          style={{ width: 170, marginBottom: 0 }}
        >
          <FigureInput prefix={e.max} aria-label={e.max} />
        </Form.Item>
      )}
    </Flex>
  );
}
