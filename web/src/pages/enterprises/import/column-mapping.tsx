/** The file's columns as the preview read them, each with the field it goes to; a column the server did
 *  not recognise can be mapped by hand, and any column can be ignored. A money column's unit can be
 *  chosen (sent as "key@万元") when its header does not say it. */
import { Alert, Select, Table, Tag, Typography } from 'antd';
import { REJECTED_EXTRA_HEADERS } from '../../../../../src/domain/enterprise/fields';
import type { ImportField, ImportPreview } from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { fill } from '../../../i18n/fill';

type Column = ImportPreview['columns'][number] & { index: number };

const MONEY_UNITS = ['元', '千元', '万元', '亿元'] as const;
const OURS = new Set<string>(REJECTED_EXTRA_HEADERS);

function sample(rows: unknown[][], index: number): string {
  const values = rows
    .map((r) => r[index])
    .filter((v) => v !== null && v !== undefined && v !== '')
    .slice(0, 2)
    .map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
  return values.join(' ｜ ');
}

export function ColumnMapping({
  preview,
  fields,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  fields: ImportField[];
  mapping: Record<string, string>;
  onChange: (header: string, key: string) => void;
}) {
  const m = useMessages().enterprises.import;
  const known = new Map(fields.map((f) => [f.key, f.label]));
  // Keys the preview recognised but the field list does not name still need an option to show.
  for (const c of preview.columns) if (c.key && !known.has(c.key)) known.set(c.key, c.key);
  const options = [
    { value: '', label: m.ignore },
    // The field's name is what an office reads; its internal key stays out of sight.
    ...[...known].map(([value, label]) => ({ value, label })),
  ];
  const moneyKeys = new Set(fields.filter((f) => f.type === 'money').map((f) => f.key));
  const columns: Column[] = preview.columns.map((c, index) => ({ ...c, index }));
  // Still read as 元: the bare money columns whose unit the user has not chosen.
  const asYuan = columns
    .filter((c) => c.bareNumbersAsYuan && !(mapping[c.header] ?? '').includes('@'))
    .map((c) => c.header);

  return (
    <>
      {asYuan.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={fill(m.bareYuan, { headers: asYuan.join('、') })}
          data-testid="import-bare-yuan"
        />
      )}
      <Table<Column>
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={columns}
        data-testid="import-columns"
        scroll={{ y: 420 }}
        columns={[
          {
            title: m.header,
            dataIndex: 'header',
            width: 220,
            render: (h: string, c) => (
              <span>
                <Typography.Text strong>{h}</Typography.Text>
                {!c.key &&
                  (OURS.has(h) ? (
                    // The rejected-rows download's own columns, coming back with a fixed file.
                    <Tag style={{ marginInlineStart: 8 }}>{m.ours}</Tag>
                  ) : (
                    <Tag color="orange" style={{ marginInlineStart: 8 }}>
                      {m.unknown}
                    </Tag>
                  ))}
              </span>
            ),
          },
          {
            title: m.field,
            key: 'field',
            width: 300,
            render: (_, c) => (
              <Select<string>
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: '100%' }}
                value={(mapping[c.header] ?? c.key ?? '').split('@')[0]}
                options={options}
                onChange={(key) => onChange(c.header, key)}
                data-testid={`map-${c.header}`}
              />
            ),
          },
          {
            title: m.unit,
            key: 'unit',
            width: 110,
            render: (_, c) => {
              const [key, chosen] = (mapping[c.header] ?? c.key ?? '').split('@');
              if (!moneyKeys.has(key)) return c.unit ?? '';
              // A bare money column (注册资本 with 2,000 under it) says in which unit its numbers are.
              const unit = chosen ?? c.unit ?? '元';
              return (
                <Select<string>
                  size="small"
                  style={{ width: 90 }}
                  value={unit}
                  status={!chosen && c.bareNumbersAsYuan ? 'warning' : undefined}
                  options={MONEY_UNITS.map((u) => ({ value: u, label: u }))}
                  onChange={(u) =>
                    onChange(c.header, u === (c.unit ?? '元') && !c.unit ? key : `${key}@${u}`)
                  }
                  aria-label={`${c.header} ${m.unit}`}
                  data-testid={`unit-${c.header}`}
                />
              );
            },
          },
          {
            title: m.sample,
            key: 'sample',
            ellipsis: true,
            render: (_, c) => (
              <Typography.Text type="secondary">{sample(preview.sampleRows, c.index)}</Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
