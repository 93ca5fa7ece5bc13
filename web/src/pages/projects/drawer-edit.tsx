/** 编辑项目: name, source, type, 对接人, 负责人 (hand the project to a colleague) and the figures (money typed in 万元, sent in 元). Only the changed
 *  fields go out, with the version the form was based on. When someone else saved first (409
 *  conflict.stale) the drawer already shows their project (the mutation put details.current in the
 *  cache); the form stays open with what the user typed, names the other's value under each field both
 *  changed, takes theirs in the fields only they changed, and takes their version as the new base, so
 *  saving again overwrites only what the user deliberately changed. */
import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Role } from '../../../../src/shared/roles';
import {
  PROJECT_TYPES,
  type ProjectDetail,
  type ProjectUpdate,
  staleCurrent,
  useUpdateProject,
} from '../../api/projects';
import { ColleagueSelect } from '../../components/colleague-select';
import { FigureInput, type FigureKind, readFigure, useFigureRules } from '../../components/figure-input';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatMoney, wanToYuan } from './common';
import { useProjectSources } from './sources-editor';

const MONEY = ['plannedInvestment', 'registeredCapital', 'expectedOutput', 'arrivedInvestment'] as const;
const COUNTS = ['talents', 'scientistTeams', 'landMu', 'floorArea'] as const;
const TEXTS = ['name', 'source', 'type', 'contactPerson', 'ownerId'] as const;
type Field = (typeof MONEY)[number] | (typeof COUNTS)[number] | (typeof TEXTS)[number];
const FIELDS: Field[] = [...TEXTS, ...MONEY, ...COUNTS];
type Values = Partial<Record<Field, string | number | null>>;

/** Who may hold a project: the officers who work it, and leaders who take one on themselves. */
const OWNER_ROLES: Role[] = ['officer', 'leader'];

const isMoney = (f: Field) => (MONEY as readonly string[]).includes(f);

/** The project's value of a field as the API holds it (元 for money, null for nothing). */
function held(p: ProjectDetail, f: Field): string | number | null {
  const v = (p as Record<string, unknown>)[f];
  return v === undefined || v === null || v === '' ? null : (v as string | number);
}

/** What the form shows for a project: money in 万元. */
function toForm(p: ProjectDetail): Values {
  const v: Values = {};
  for (const f of FIELDS) {
    const x = held(p, f);
    v[f] = x !== null && isMoney(f) ? (x as number) / 1e4 : (x ?? undefined);
  }
  return v;
}

/** Fields typed as figures, and how each is read. */
const FIGURES: Partial<Record<Field, FigureKind>> = {
  talents: 'count',
  scientistTeams: 'count',
  landMu: 'plain',
  floorArea: 'plain',
};
const figureKind = (f: Field): FigureKind | undefined => (isMoney(f) ? 'wan' : FIGURES[f]);

/** What the form holds, as the API takes it: money in 元, empty text as null. */
function fromForm(v: Values, f: Field): string | number | null {
  const kind = figureKind(f);
  if (kind) {
    const r = readFigure(v[f], kind);
    const x = r.ok ? r.value : null;
    return x === null ? null : kind === 'wan' ? (wanToYuan(x) ?? null) : x;
  }
  const x = v[f];
  if (x === undefined || x === null) return null;
  if (typeof x === 'string') return x.trim() || null;
  return x;
}

export function EditModal({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const m = useMessages().projects;
  const sources = useProjectSources();
  const e = m.edit;
  const f = m.form;
  const { message } = App.useApp();
  const showError = useApiError();
  const figureRules = useFigureRules();
  const update = useUpdateProject();
  const [form] = Form.useForm<Values>();
  const [initial] = useState(() => toForm(project));
  const [base, setBase] = useState(project);
  const [conflict, setConflict] = useState(false);
  // Their value of each field they changed, shown under it after a conflict.
  const [theirs, setTheirs] = useState<Partial<Record<Field, string>>>({});

  const show = (fld: Field, v: string | number | null, from: ProjectDetail): string => {
    if (v === null) return e.empty;
    if (fld === 'ownerId') return from.ownerName ?? e.empty;
    if (isMoney(fld)) return formatMoney(v as number);
    if (typeof v === 'number') return v.toLocaleString('zh-CN');
    return v;
  };

  const submit = (v: Values) => {
    const changes: Record<string, string | number | null> = {};
    for (const fld of FIELDS) {
      const next = fromForm(v, fld);
      if (next !== held(base, fld)) changes[fld] = next;
    }
    if (Object.keys(changes).length === 0) {
      message.info(e.nothing);
      onClose();
      return;
    }
    update.mutate({ id: base.id, version: base.version, ...changes } as ProjectUpdate & { id: string }, {
      onSuccess: () => {
        message.success(e.saved);
        onClose();
      },
      onError: (err) => {
        const current = staleCurrent(err);
        if (!current) return showError(err, form);
        // A field only they changed takes their value, so saving again cannot undo it unseen; a field
        // both changed keeps what the user typed and names theirs beneath it.
        const theirForm = toForm(current);
        const adopt: Values = {};
        const both: Partial<Record<Field, string>> = {};
        for (const fld of FIELDS) {
          if (held(current, fld) === held(base, fld)) continue;
          if (fld in changes) both[fld] = show(fld, held(current, fld), current);
          else adopt[fld] = theirForm[fld] ?? null;
        }
        form.setFieldsValue(adopt);
        setTheirs(both);
        setBase(current);
        setConflict(true);
      },
    });
  };

  const item = (fld: Field, label: string, input: ReactNode, rules?: object[]) => (
    <Form.Item
      name={fld}
      label={label}
      rules={rules}
      extra={
        theirs[fld] !== undefined ? (
          <span style={{ color: '#d46b08' }} data-testid={`edit-theirs-${fld}`}>
            {fill(e.theirs, { value: theirs[fld] ?? '' })}
          </span>
        ) : undefined
      }
    >
      {input}
    </Form.Item>
  );
  const money = (fld: Field) =>
    item(fld, f[fld], <FigureInput suffix={f.wan} />, figureRules({ kind: 'wan', max: 1e10 }));
  const count = (fld: Field, unit: string, max: number) =>
    item(fld, f[fld], <FigureInput suffix={unit} />, figureRules({ kind: figureKind(fld) ?? 'plain', max }));

  return (
    <Modal
      open
      title={e.title}
      width={720}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={e.ok}
      okButtonProps={{ loading: update.isPending, 'data-testid': 'project-edit-ok' }}
      destroyOnHidden
      data-testid="project-edit-modal"
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '12px 0' }}
          title={e.conflictTitle}
          description={e.conflict}
          data-testid="project-edit-conflict"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        initialValues={initial}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col span={16}>
            {item('name', f.name, <Input maxLength={100} />, [
              { required: true, whitespace: true, message: f.nameRequired },
            ])}
          </Col>
          <Col span={8}>{item('contactPerson', f.contactPerson, <Input maxLength={100} />)}</Col>
          <Col span={8}>
            {item(
              'ownerId',
              f.owner,
              <ColleagueSelect
                roles={OWNER_ROLES}
                current={base.ownerId ? { id: base.ownerId, name: base.ownerName ?? '' } : null}
                testId="edit-owner"
              />,
              [{ required: true, message: f.ownerRequired }],
            )}
          </Col>
          <Col span={12}>
            {item(
              'source',
              f.source,
              <Select options={sources.map((s) => ({ value: s, label: s }))} data-testid="edit-source" />,
            )}
          </Col>
          <Col span={12}>
            {item(
              'type',
              f.type,
              <Select options={PROJECT_TYPES.map((s) => ({ value: s, label: s }))} data-testid="edit-type" />,
            )}
          </Col>
          {MONEY.map((fld) => (
            <Col span={12} key={fld}>
              {money(fld)}
            </Col>
          ))}
          <Col span={6}>{count('talents', f.people, 100000)}</Col>
          <Col span={6}>{count('scientistTeams', f.teams, 1000)}</Col>
          <Col span={6}>{count('landMu', f.mu, 1e6)}</Col>
          <Col span={6}>{count('floorArea', f.sqm, 1e8)}</Col>
        </Row>
      </Form>
    </Modal>
  );
}
