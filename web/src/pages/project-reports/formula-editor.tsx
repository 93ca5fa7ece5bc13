/** 考核公式: each metric's points per unit and its cap. Leaders and admins edit it (恢复默认 puts back the
 *  published default) and save with the settings' version, so two leaders cannot overwrite each other;
 *  the others see the formula read-only. */
import { Alert, App, Button, InputNumber, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  ASSESSMENT_METRICS,
  type AssessmentFormula,
  type AssessmentMetric,
  type AssessmentTerm,
  METRIC_LABELS,
  usePipelineSettings,
  useSavePipelineSettings,
} from '../../api/pipeline';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

type Row = { metric: AssessmentMetric; weight: number | null; cap: number | null; listed: boolean };

/** Every metric once, in the published order; one not in the formula shows with no weight. */
function toRows(f: AssessmentFormula): Row[] {
  return ASSESSMENT_METRICS.map((metric) => {
    const t = f.terms.find((x) => x.metric === metric);
    return t ? { ...t, listed: true } : { metric, weight: null, cap: null, listed: false };
  });
}

/** Terms to save: those in the formula before, and any other given a weight. */
// The bounds the server holds the formula to. The inputs do not clamp to them: antd's min would turn a
// typed -5 into 0 on blur and save that without a word, so a number out of bounds is marked instead.
const WEIGHT_MAX = 1000;
const CAP_MAX = 10000;
const outside = (v: number | null, max: number) => v !== null && (v < 0 || v > max);
const invalidRow = (r: Row) => outside(r.weight, WEIGHT_MAX) || outside(r.cap, CAP_MAX);

function toFormula(rows: Row[]): AssessmentFormula {
  const terms: AssessmentTerm[] = rows
    .filter((r) => r.listed || (r.weight ?? 0) > 0)
    .map((r) => ({ metric: r.metric, weight: r.weight ?? 0, cap: r.cap }));
  return { terms };
}

export function FormulaModal({
  canEdit,
  shown,
  onClose,
}: {
  canEdit: boolean;
  shown: AssessmentFormula | undefined;
  onClose: () => void;
}) {
  const a = useMessages().projectReports.assessment;
  const c = useMessages().common;
  const { message } = App.useApp();
  const onError = useApiError();
  const settings = usePipelineSettings(canEdit);
  const save = useSavePipelineSettings();
  const source = canEdit ? settings.data?.formula : shown;
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    if (source) setRows(toRows(source));
  }, [source]);

  const invalid = rows?.some(invalidRow) ?? false;
  const set = (metric: AssessmentMetric, patch: Partial<Row>) =>
    setRows((prev) => prev?.map((r) => (r.metric === metric ? { ...r, ...patch } : r)) ?? null);

  return (
    <Modal
      open
      width={760}
      title={
        <span>
          {a.formula}
          {settings.data && (
            <Typography.Text
              type="secondary"
              style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 13 }}
            >
              {fill(a.version, { v: settings.data.version })}
            </Typography.Text>
          )}
        </span>
      }
      onCancel={onClose}
      destroyOnHidden
      data-testid="formula-modal"
      footer={
        canEdit
          ? [
              <Button
                key="reset"
                disabled={!settings.data}
                onClick={() => settings.data && setRows(toRows(settings.data.defaultFormula))}
                data-testid="formula-reset"
              >
                {a.reset}
              </Button>,
              <Button key="cancel" onClick={onClose}>
                {c.cancel}
              </Button>,
              <Button
                key="save"
                type="primary"
                loading={save.isPending}
                disabled={!rows || !settings.data || invalid}
                onClick={() => {
                  if (!rows || !settings.data) return;
                  save.mutate(
                    { version: settings.data.version, formula: toFormula(rows) },
                    {
                      onSuccess: () => {
                        message.success(a.saved);
                        onClose();
                      },
                      onError: (e) => onError(e),
                    },
                  );
                }}
                data-testid="formula-save"
              >
                {c.save}
              </Button>,
            ]
          : [
              <Button key="close" onClick={onClose}>
                {c.confirm}
              </Button>,
            ]
      }
    >
      <Alert type="info" showIcon title={a.formulaHint} style={{ marginBottom: 12 }} />
      {canEdit && invalid && (
        <Alert
          type="error"
          showIcon
          title={a.invalid}
          style={{ marginBottom: 12 }}
          data-testid="formula-invalid"
        />
      )}
      {!canEdit && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {a.readOnly}
        </Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="metric"
        size="small"
        pagination={false}
        loading={!rows}
        dataSource={rows ?? []}
        onRow={(r) => ({ className: 'formula-row', 'data-testid': `formula-${r.metric}` })}
        columns={[
          { title: a.metric, dataIndex: 'metric', render: (m: AssessmentMetric) => METRIC_LABELS[m] },
          {
            title: a.weight,
            dataIndex: 'weight',
            width: 140,
            render: (w: number | null, r) =>
              canEdit ? (
                <InputNumber
                  value={w}
                  status={outside(w, WEIGHT_MAX) ? 'error' : undefined}
                  onChange={(v) => set(r.metric, { weight: v })}
                  aria-label={`${METRIC_LABELS[r.metric]} ${a.weight}`}
                  style={{ width: 110 }}
                  data-testid="formula-weight"
                />
              ) : (
                (w ?? '—')
              ),
          },
          {
            title: a.cap,
            dataIndex: 'cap',
            width: 140,
            render: (cap: number | null, r) =>
              canEdit ? (
                <InputNumber
                  value={cap}
                  status={outside(cap, CAP_MAX) ? 'error' : undefined}
                  placeholder={a.noCap}
                  onChange={(v) => set(r.metric, { cap: v })}
                  aria-label={`${METRIC_LABELS[r.metric]} ${a.cap}`}
                  style={{ width: 110 }}
                  data-testid="formula-cap"
                />
              ) : (
                (cap ?? a.noCap)
              ),
          },
        ]}
      />
    </Modal>
  );
}
