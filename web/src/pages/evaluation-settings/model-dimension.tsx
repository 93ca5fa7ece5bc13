/** One dimension of the 评估模型 in the editor: its weight (as a percentage) and its indicators, each
 *  with the fact it reads, its bands (from this value upward → points) and its full marks. */
import { DeleteOutlined, InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  InputNumber,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import type { ScoringModel } from '../../api/evaluation';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

type DimensionSpec = ScoringModel['dimensions'][number];
export type IndicatorSpec = DimensionSpec['indicators'][number];
type Band = IndicatorSpec['bands'][number];

/** A fraction as a percentage to two decimals, and back, without float noise such as 0.30000000000000004. */
export const toPct = (w: number) => Math.round(w * 10000) / 100;
export const fromPct = (p: number) => Math.round(p * 100) / 10000;

function Bands({
  bands,
  max,
  disabled,
  onChange,
  testId,
}: {
  bands: Band[];
  max: number;
  disabled: boolean;
  onChange: (b: Band[]) => void;
  testId: string;
}) {
  const m = useMessages().evaluationSettings.model;
  const set = (k: number, patch: Partial<Band>) =>
    onChange(bands.map((b, i) => (i === k ? { ...b, ...patch } : b)));
  const last = bands[bands.length - 1];
  return (
    <Flex gap={6} wrap align="center" data-testid={testId}>
      {bands.map((b, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: bands have no id; their order is their identity
        <span key={k} data-testid={`${testId}-${k}`}>
          <Space.Compact size="small">
            <InputNumber
              size="small"
              prefix="≥"
              value={b.min}
              disabled={disabled}
              onChange={(v) => set(k, { min: v ?? 0 })}
              style={{ width: 104 }}
              aria-label="min"
            />
            <InputNumber
              size="small"
              min={0}
              max={max}
              prefix="→"
              value={b.points}
              disabled={disabled}
              onChange={(v) => set(k, { points: v ?? 0 })}
              style={{ width: 70 }}
              aria-label="points"
            />
            {!disabled && bands.length > 1 && (
              <Button
                size="small"
                icon={<DeleteOutlined />}
                onClick={() => onChange(bands.filter((_, i) => i !== k))}
              />
            )}
          </Space.Compact>
        </span>
      ))}
      {!disabled && bands.length < 12 && (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange([...bands, { min: (last?.min ?? 0) + 1, points: max }])}
        >
          {m.addBand}
        </Button>
      )}
    </Flex>
  );
}

export function DimensionCard({
  dim,
  disabled,
  onChange,
}: {
  dim: DimensionSpec;
  disabled: boolean;
  onChange: (d: DimensionSpec) => void;
}) {
  const ev = useMessages().evaluation;
  const m = useMessages().evaluationSettings.model;
  const setIndicator = (key: string, patch: Partial<IndicatorSpec>) =>
    onChange({ ...dim, indicators: dim.indicators.map((i) => (i.key === key ? { ...i, ...patch } : i)) });
  const columns: TableColumnsType<IndicatorSpec> = [
    {
      title: m.indicator,
      dataIndex: 'name',
      width: 180,
      render: (name: string, i) => (
        <Flex vertical gap={2}>
          <Flex gap={4} align="center">
            <span>{name}</span>
            {i.why && (
              <Tooltip title={i.why}>
                <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
              </Tooltip>
            )}
          </Flex>
          <Tooltip title={m.fact}>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
              {i.fact}
            </Typography.Text>
          </Tooltip>
        </Flex>
      ),
    },
    {
      title: m.bands,
      key: 'bands',
      render: (_, i) => (
        <Bands
          bands={i.bands}
          max={i.max}
          disabled={disabled}
          onChange={(bands) => setIndicator(i.key, { bands })}
          testId={`model-bands-${i.key}`}
        />
      ),
    },
    {
      title: m.max,
      dataIndex: 'max',
      width: 84,
      render: (max: number, i) => (
        <InputNumber
          size="small"
          min={0.5}
          value={max}
          disabled={disabled}
          onChange={(v) => setIndicator(i.key, { max: v ?? max })}
          style={{ width: 70 }}
          data-testid={`model-max-${i.key}`}
        />
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="baseline">
          <span>{ev.dimensions[dim.key] ?? dim.key}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {fill(m.indicators, { n: dim.indicators.length })}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={6} align="center">
          <Typography.Text type="secondary">{m.weight}</Typography.Text>
          <InputNumber
            min={0}
            max={100}
            step={5}
            suffix="%"
            value={toPct(dim.weight)}
            disabled={disabled}
            onChange={(v) => onChange({ ...dim, weight: fromPct(v ?? 0) })}
            style={{ width: 100 }}
            data-testid={`model-weight-${dim.key}`}
          />
        </Flex>
      }
      data-testid={`model-dimension-${dim.key}`}
    >
      <Table<IndicatorSpec>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={dim.indicators}
        pagination={false}
      />
    </Card>
  );
}
