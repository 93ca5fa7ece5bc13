/** 设置年度目标 (admin, leader): how many firms each tier should apply and be certified this year. */
import { App, Form, Modal, Table, Typography } from 'antd';
import { type StatsRow, type Target, type Tier, useSetTargets } from '../../api/cultivation';
import { FigureInput, readFigure, useFigureRules } from '../../components/figure-input';
import { useApiError } from '../../components/use-api-error';
import { validValues } from '../../components/valid-values';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

type Values = Record<Tier, { applications: number | string | null; certifications: number | string | null }>;

/** A target as typed: whole, not negative (checked by the form rules before this runs). */
const count = (v: number | string | null | undefined) => {
  const r = readFigure(v, 'count');
  return r.ok ? r.value : null;
};

export function TargetsModal({
  year,
  rows,
  onClose,
}: {
  year: number;
  rows: StatsRow[];
  onClose: () => void;
}) {
  const m = useMessages();
  const c = m.cultivation;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetTargets(year);
  const showError = useApiError();
  // Typed text is kept and explained, never rounded or clamped: "1.5" or "-5" is an error, not 2 or 0.
  const countRules = useFigureRules()({ kind: 'count', max: 100_000 });

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const targets: Target[] = rows.map((r) => ({
      tier: r.tier,
      applications: count(v[r.tier]?.applications),
      certifications: count(v[r.tier]?.certifications),
    }));
    save.mutate(targets, {
      onSuccess: () => {
        message.success(c.targets.saved);
        onClose();
      },
      onError: (err) => showError(err),
    });
  };

  const initial = Object.fromEntries(
    rows.map((r) => [r.tier, { applications: r.targetApplications, certifications: r.targetCertifications }]),
  );

  return (
    <Modal
      open
      title={fill(c.targets.title, { year })}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={560}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{c.targets.intro}</Typography.Paragraph>
      <Form<Values> form={form} initialValues={initial} data-testid="targets-form">
        <Table<StatsRow>
          rowKey="tier"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: c.stats.tier, key: 'tier', render: (_, r) => m.enterprises.tiers[r.tier] ?? r.tierName },
            {
              title: c.targets.applications,
              key: 'applications',
              width: 150,
              render: (_, r) => (
                <Form.Item name={[r.tier, 'applications']} rules={countRules} style={{ margin: 0 }}>
                  <FigureInput
                    style={{ width: 120 }}
                    aria-label={`${m.enterprises.tiers[r.tier] ?? r.tierName} ${c.targets.applications}`}
                    data-testid={`target-${r.tier}-applications`}
                  />
                </Form.Item>
              ),
            },
            {
              title: c.targets.certifications,
              key: 'certifications',
              width: 150,
              render: (_, r) => (
                <Form.Item name={[r.tier, 'certifications']} rules={countRules} style={{ margin: 0 }}>
                  <FigureInput
                    style={{ width: 120 }}
                    aria-label={`${m.enterprises.tiers[r.tier] ?? r.tierName} ${c.targets.certifications}`}
                    data-testid={`target-${r.tier}-certifications`}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
