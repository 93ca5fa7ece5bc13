/** The import's options beside the start button: accounting year, universe and dry run. */
import { CloudUploadOutlined } from '@ant-design/icons';
import { Button, Flex, InputNumber, Segmented, Switch, Typography } from 'antd';
import type { Universe } from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { fill } from '../../../i18n/fill';

export type ImportSettings = { year: number | null; universe: Universe; dryRun: boolean };

export function ImportOptions({
  value,
  onChange,
  disabled,
  busy,
  uploaded,
  onStart,
  onAgain,
}: {
  value: ImportSettings;
  onChange: (v: ImportSettings) => void;
  disabled: boolean;
  busy: boolean;
  /** Percent of the file sent while it uploads; null otherwise. */
  uploaded: number | null;
  onStart: () => void;
  onAgain?: () => void;
}) {
  const e = useMessages().enterprises;
  const m = e.import;
  const set = (patch: Partial<ImportSettings>) => onChange({ ...value, ...patch });
  return (
    <Flex gap={24} align="center" wrap style={{ marginTop: 16 }}>
      <span>
        {m.year}
        {e.colon}
        <InputNumber<number>
          min={1950}
          max={2100}
          value={value.year}
          onChange={(year) => set({ year })}
          disabled={disabled}
          data-testid="import-year"
        />
      </span>
      <span>
        {m.universe}
        {e.colon}
        <Segmented<Universe>
          value={value.universe}
          onChange={(universe) => set({ universe })}
          disabled={disabled}
          options={(['local', 'target'] as const).map((k) => ({ value: k, label: e.universes[k] }))}
        />
        {/* Said here because the option defaults to 本地 and is easy to take for a relabelling of the file. */}
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {m.universeHint}
        </Typography.Text>
      </span>
      <span>
        {m.dryRun}
        {e.colon}
        <Switch
          checked={value.dryRun}
          onChange={(dryRun) => set({ dryRun })}
          disabled={disabled}
          data-testid="import-dry-run"
        />
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {m.dryRunHint}
        </Typography.Text>
      </span>
      <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
        {onAgain && <Button onClick={onAgain}>{m.again}</Button>}
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          loading={busy}
          disabled={disabled && !busy}
          onClick={onStart}
          data-testid="import-start"
        >
          {uploaded === null ? m.start : fill(m.uploading, { pct: Math.floor(uploaded) })}
        </Button>
      </Flex>
    </Flex>
  );
}
