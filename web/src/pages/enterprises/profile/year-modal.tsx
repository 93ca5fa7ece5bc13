/** 录入/修改年度数据 (admin, officer): one accounting year's figures, money typed in 万元 and sent in 元.
 *  Choosing a year that has figures loads them; only the figures that differ are sent, so the others
 *  keep their source. */
import { App, Col, Divider, Form, InputNumber, Modal, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type EnterpriseDetail,
  type EnterpriseYear,
  useUpsertYear,
  YEAR_COUNT_FIGURES,
  YEAR_MONEY_FIGURES,
  type YearFigure,
  type YearFigures,
} from '../../../api/enterprises';
import { FigureInput, type FigureKind, readFigures, useFigureRules } from '../../../components/figure-input';
import { validValues } from '../../../components/valid-values';
import { useMessages } from '../../../i18n';
import { useFactErrors, wanToYuan, yuanToWan } from './use-fact-errors';

/** Counts as typed, money in 万元. */
type Values = { year: number } & Record<YearFigure, number | null>;
const FIRST_YEAR = 1990;
const KINDS = Object.fromEntries([
  ...YEAR_COUNT_FIGURES.map((k) => [k, 'count']),
  ...YEAR_MONEY_FIGURES.map((k) => [k, 'wan']),
]) as Record<YearFigure, FigureKind>;

function toValues(year: number, y: EnterpriseYear | undefined): Values {
  const v = { year } as Values;
  for (const k of YEAR_COUNT_FIGURES) v[k] = y?.[k] ?? null;
  for (const k of YEAR_MONEY_FIGURES) v[k] = yuanToWan(y?.[k] ?? null);
  return v;
}

/** The figures (in 元) that differ from the stored year, or every filled one for a new year. */
function changes(v: Values, stored: EnterpriseYear | undefined): Partial<YearFigures> {
  const next: Partial<YearFigures> = {};
  for (const k of YEAR_COUNT_FIGURES) next[k] = v[k] ?? null;
  for (const k of YEAR_MONEY_FIGURES) next[k] = wanToYuan(v[k]);
  const out: Partial<YearFigures> = {};
  for (const [k, val] of Object.entries(next) as [YearFigure, number | null][]) {
    if (val !== (stored?.[k] ?? null)) out[k] = val;
  }
  return out;
}

export function YearModal({
  e,
  initialYear,
  onClose,
}: {
  e: EnterpriseDetail;
  initialYear: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useMessages().enterprises;
  const f = m.facts;
  const [form] = Form.useForm<Values>();
  const upsert = useUpsertYear(e.id);
  const onError = useFactErrors();
  const thisYear = new Date().getFullYear();
  const storedYear = (year: number | null | undefined) => e.years.find((y) => y.year === year);

  const figureRules = useFigureRules();

  const submit = async () => {
    const valid = await validValues(form);
    if (!valid) return;
    const v = readFigures(valid, KINDS);
    const body = changes(v, storedYear(v.year));
    if (Object.keys(body).length === 0) {
      message.info(f.noChange);
      onClose();
      return;
    }
    upsert.mutate(
      { year: v.year, version: e.version, ...body },
      {
        onSuccess: () => {
          message.success(f.yearSaved.replace('{{year}}', String(v.year)));
          onClose();
        },
        onError: (err) => onError(err, { form, onClose }),
      },
    );
  };

  // Picking another year shows that year's figures (or empty ones for a new year).
  const onValuesChange = (changed: Partial<Values>) => {
    if (changed.year === undefined || changed.year === null) return;
    if (changed.year < FIRST_YEAR || changed.year > thisYear) return;
    form.setFieldsValue(toValues(changed.year, storedYear(changed.year)));
  };

  const number = (k: YearFigure, money: boolean) => (
    <Col xs={24} sm={12} md={8} key={k}>
      <Form.Item
        name={k}
        label={f.fields[k]}
        rules={figureRules({ kind: KINDS[k], negative: k === 'netProfit' })}
      >
        <FigureInput suffix={money ? m.money.wan : undefined} data-testid={`year-${k}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      title={f.yearTitle}
      open
      onOk={submit}
      onCancel={onClose}
      confirmLoading={upsert.isPending}
      okText={t('common.save')}
      destroyOnHidden
      width={760}
      okButtonProps={{ 'data-testid': 'year-save' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={toValues(initialYear, storedYear(initialYear))}
        onValuesChange={onValuesChange}
        data-testid="year-form"
      >
        <Form.Item
          name="year"
          label={f.year}
          extra={f.yearHint}
          rules={[
            { required: true, type: 'integer', min: FIRST_YEAR, max: thisYear, message: f.yearRequired },
          ]}
        >
          <InputNumber min={FIRST_YEAR} max={thisYear} precision={0} data-testid="year-year" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {f.staff}
        </Divider>
        <Row gutter={16}>{YEAR_COUNT_FIGURES.map((k) => number(k, false))}</Row>
        <Divider titlePlacement="start" plain>
          {f.money}
        </Divider>
        <Row gutter={16}>{YEAR_MONEY_FIGURES.map((k) => number(k, true))}</Row>
        <Typography.Text type="secondary">{f.moneyHint}</Typography.Text>
      </Form>
    </Modal>
  );
}
