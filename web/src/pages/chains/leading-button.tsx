/** 设为主导产业链 / 取消主导 (admins): the org's leading chains are an ordered list; this chain joins it
 *  at the end or leaves it, and the new list is sent whole. */
import { StarFilled, StarOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { type ChainList, type ChainSummary, useSetLeading } from '../../api/chains';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

export function LeadingButton({ chain, chains }: { chain: ChainSummary; chains: ChainList }) {
  const m = useMessages();
  const a = m.chains.actions;
  const { message } = App.useApp();
  const showError = useApiError();
  const save = useSetLeading();
  const leading = chains
    .filter((x) => x.leading !== null)
    .sort((x, y) => (x.leading ?? 0) - (y.leading ?? 0))
    .map((x) => x.id);
  const isLeading = chain.leading !== null;
  const send = (ids: string[], done: string) =>
    save.mutate(ids, { onSuccess: () => message.success(done), onError: (err) => showError(err) });

  if (!isLeading)
    return (
      <Button
        icon={<StarOutlined />}
        loading={save.isPending}
        onClick={() => send([...leading, chain.id], m.common.saved)}
        data-testid="leading-set"
      >
        {a.setLeading}
      </Button>
    );
  return (
    <Popconfirm
      title={fill(a.unsetConfirm, { name: chain.name })}
      onConfirm={() =>
        send(
          leading.filter((id) => id !== chain.id),
          m.common.saved,
        )
      }
    >
      <Button
        icon={<StarFilled style={{ color: '#faad14' }} />}
        loading={save.isPending}
        data-testid="leading-unset"
      >
        {a.unsetLeading}
      </Button>
    </Popconfirm>
  );
}
