/** 重新匹配 (admins and officers): starts the placement job, says where to follow it (任务中心), shows
 *  its progress next to the button while it runs, and reloads the chains when it ends. */
import { SyncOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Progress, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { chainsKey, useStartPlacement } from '../../api/chains';
import { isActive, useJob } from '../../api/jobs';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { PATHS } from '../../layout/paths';

export function PlacementButton() {
  const m = useMessages();
  const c = m.chains;
  const a = c.actions;
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const start = useStartPlacement();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId, 1000);
  const running = !!jobId && (!job.data || isActive(job.data));
  const announced = useRef<string | null>(null);

  useEffect(() => {
    const j = job.data;
    if (!j || isActive(j) || announced.current === j.id) return;
    announced.current = j.id;
    if (j.status === 'succeeded') {
      const r = (j.result ?? {}) as { firms?: number; placements?: number };
      message.success(fill(a.placed, { firms: r.firms ?? 0, placements: r.placements ?? 0 }));
    } else {
      message.error(j.error ? `${a.placeFailed}${c.colon}${j.error}` : a.placeFailed);
    }
    void qc.invalidateQueries({ queryKey: chainsKey });
  }, [job.data, qc, message, a, c]);

  const run = () =>
    start.mutate(undefined, {
      onSuccess: (j) => {
        setJobId(j.id);
        message.info(
          <span>
            {a.placeStarted}{' '}
            {/* The message lives outside the router: a plain link that navigates through this page's. */}
            <Typography.Link onClick={() => navigate(PATHS.jobs)}>{m.menu.jobs}</Typography.Link>
          </span>,
        );
      },
      onError: (err) => showError(err),
    });

  return (
    <Flex gap={8} align="center">
      {running && (
        <Tooltip title={job.data?.message ?? a.place}>
          <Progress
            percent={Math.round(job.data?.progress ?? 0)}
            size={[120, 6]}
            status="active"
            data-testid="placement-progress"
          />
        </Tooltip>
      )}
      <Popconfirm
        title={a.place}
        description={<div style={{ maxWidth: 320 }}>{a.placeConfirm}</div>}
        onConfirm={run}
        okButtonProps={{ 'data-testid': 'placement-ok' }}
      >
        <Button
          icon={<SyncOutlined spin={running} />}
          loading={start.isPending}
          disabled={running}
          data-testid="placement-start"
        >
          {a.place}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
