/** API contract of the enterprise registry (企业库). */
import { z } from 'zod';
import { Paging } from './api.js';

const Source = z.record(z.string(), z.unknown());
const Provenance = z.object({
  source: Source,
  asOf: z.string(),
  fields: z.record(z.string(), z.object({ source: Source, asOf: z.string() })).optional(),
});

export const EnterpriseSummary = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    uscc: z.string().nullable(),
    name: z.string(),
    aliases: z.array(z.object({ name: z.string(), kind: z.enum(['short', 'former']) })),
    regionCode: z.string().nullable(),
    industrySection: z.string().nullable(),
    industryDivision: z.string().nullable(),
    establishedOn: z.string().nullable(),
    registeredCapital: z.number().nullable(),
    universe: z.enum(['local', 'target']),
    reviewReason: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'EnterpriseSummary' });

export const EnterpriseYear = z.object({
  year: z.number().int(),
  employees: z.number().nullable(),
  techStaff: z.number().nullable(),
  rdStaff: z.number().nullable(),
  revenue: z.number().nullable(),
  mainRevenue: z.number().nullable(),
  hightechRevenue: z.number().nullable(),
  rdExpense: z.number().nullable(),
  rdExpenseDomestic: z.number().nullable(),
  totalCost: z.number().nullable(),
  netProfit: z.number().nullable(),
  totalAssets: z.number().nullable(),
  totalLiabilities: z.number().nullable(),
  taxPaid: z.number().nullable(),
  provenance: Provenance,
});

export const EnterpriseDetail = EnterpriseSummary.extend({
  legalRep: z.string().nullable(),
  address: z.string().nullable(),
  businessScope: z.string().nullable(),
  mainProducts: z.string().nullable(),
  listed: z.boolean(),
  provenance: Provenance,
  years: z.array(EnterpriseYear),
  ip: z.array(z.object({ kind: z.string(), count: z.number().int(), provenance: Provenance })),
  qualifications: z.array(
    z.object({
      tier: z.string(),
      certificateNo: z.string().nullable(),
      issuedOn: z.string().nullable(),
      expiresOn: z.string().nullable(),
      provenance: Provenance,
    }),
  ),
}).meta({ id: 'EnterpriseDetail' });

export const EnterpriseQuery = Paging.extend({
  q: z.string().trim().max(100).optional(),
  universe: z.enum(['local', 'target']).optional(),
  review: z.coerce.boolean().optional(),
});
export const EnterpriseList = z.object({ items: z.array(EnterpriseSummary), total: z.number().int() });
