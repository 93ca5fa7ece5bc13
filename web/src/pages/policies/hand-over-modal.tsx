/** 转交: hands one pending push to a colleague (an officer or leader who can see the firm); the server
 *  says why when the colleague cannot, and a stale push reloads the list. */
import { App, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { type Push, useHandOverPush } from '../../api/policies';
import { ColleagueSelect } from '../../components/colleague-select';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { usePushError } from './use-push-error';

export function HandOverModal({ push, onClose }: { push: Push; onClose: () => void }) {
  const p = useMessages().policies;
  const { message } = App.useApp();
  const handOver = useHandOverPush();
  const onError = usePushError(onClose);
  const [ownerId, setOwnerId] = useState<string | undefined>(push.ownerId ?? undefined);
  const submit = () => {
    if (!ownerId || ownerId === push.ownerId) return onClose();
    handOver.mutate(
      { id: push.id, version: push.version, ownerId },
      {
        onSuccess: (saved) => {
          message.success(fill(p.pushes.handOverDone, { name: saved.ownerName ?? '' }));
          onClose();
        },
        onError,
      },
    );
  };
  return (
    <Modal
      open
      title={`${p.pushes.handOverTitle} · ${push.enterpriseName}`}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={handOver.isPending}
      okButtonProps={{ id: 'hand-over-submit' }}
    >
      <Typography.Paragraph type="secondary">{push.policyTitle}</Typography.Paragraph>
      <Flex vertical gap={4}>
        <Typography.Text>{p.pushes.handOverTo}</Typography.Text>
        <ColleagueSelect
          roles={['officer', 'leader']}
          value={ownerId}
          onChange={setOwnerId}
          current={push.ownerId ? { id: push.ownerId, name: push.ownerName ?? '' } : null}
          testId="hand-over-owner"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.pushes.handOverHint}
        </Typography.Text>
      </Flex>
    </Modal>
  );
}
