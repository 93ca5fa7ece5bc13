/** 工作台: what is waiting for the signed-in user, as counts that each open the page where it is done. */
import { z } from 'zod';

export const WORKBENCH_ITEMS = [
  'followUpsDue',
  'staleProjects',
  'reviewsToDo',
  'pushesToTell',
  'firmsToReview',
  'expiringQualifications',
] as const;
export type WorkbenchItemKey = (typeof WORKBENCH_ITEMS)[number];

/** Counted exactly up to this many; a larger count shows as "999+". */
export const WORKBENCH_CAP = 999;

export const Workbench = z
  .object({
    items: z.array(
      z.object({
        key: z.enum(WORKBENCH_ITEMS),
        count: z.number().int(),
        /** true when there are more than WORKBENCH_CAP. */
        capped: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Workbench' });
