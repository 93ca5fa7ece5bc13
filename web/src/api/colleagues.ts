/** 同事: the people of the org (and the orgs below it) to whom a project or a push list can be handed. */
import { useQuery } from '@tanstack/react-query';
import type { Colleague } from '../../../src/shared/api';
import type { Role } from '../../../src/shared/roles';
import { api } from './client';

export type { Colleague };

export function useColleagues(role?: Role) {
  return useQuery({
    queryKey: ['colleagues', role ?? 'all'],
    queryFn: () => api.get<{ items: Colleague[] }>('/api/v1/colleagues', role ? { role } : {}),
    staleTime: 60_000,
  });
}
