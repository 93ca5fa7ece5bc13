/** Who may cancel a background job: the user who started it, or an admin or leader of its org (they
 *  answer for the team's work, including jobs the system started). Analysts and experts may watch a
 *  colleague's import but not stop it. Shared by the API and the buttons. */
import type { Role } from './roles.js';

export const JOB_SUPERVISORS: readonly Role[] = ['admin', 'leader'];

export function mayCancelJob(
  job: { createdBy: string | null },
  user: { id: string; roles: readonly Role[] },
) {
  return job.createdBy === user.id || user.roles.some((r) => JOB_SUPERVISORS.includes(r));
}
