import { Flex, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useFirmSearch } from '../../api/graph';
import { useMessages } from '../../i18n';

/** A firm from 企业库 by name or 统一社会信用代码, searched as the user types. */
export function FirmPicker({
  value,
  label,
  onChange,
}: {
  value: string | undefined;
  label: string | undefined;
  onChange: (id: string) => void;
}) {
  const t = useMessages().graph.toolbar;
  const [typed, setTyped] = useState('');
  const { q, found } = useFirmSearch(typed);
  const options = (found.data?.items ?? []).map((e) => ({
    value: e.id,
    label: e.name,
    uscc: e.uscc,
  }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: label ?? '…', uscc: null });
  return (
    <Select
      value={value}
      style={{ width: 380 }}
      placeholder={t.pick}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onChange={(id) => {
        setTyped('');
        onChange(id);
      }}
      notFoundContent={found.isFetching ? <Spin size="small" /> : q ? t.noMatch : null}
      options={options}
      optionRender={(o) => (
        <Flex justify="space-between" gap={8}>
          <span>{o.label}</span>
          {o.data.uscc && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.data.uscc}
            </Typography.Text>
          )}
        </Flex>
      )}
      data-testid="graph-firm"
    />
  );
}
