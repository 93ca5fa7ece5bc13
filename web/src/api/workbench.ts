/** 工作台 counts: what waits for the signed-in user. Refetched when the home page is opened again. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { WorkbenchItemKey, Workbench as WorkbenchSchema } from '../../../src/shared/workbench-api';
import { api } from './client';

export type Workbench = z.infer<typeof WorkbenchSchema>;
export type { WorkbenchItemKey };

export function useWorkbench() {
  return useQuery({
    queryKey: ['workbench'],
    queryFn: () => api.get<Workbench>('/api/v1/workbench'),
    refetchOnMount: 'always',
  });
}
