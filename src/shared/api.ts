/** The API contract: zod schemas shared by the server (validation, OpenAPI) and the web client (types). */
import { z } from 'zod';
import { ORG_KINDS, ROLES } from './roles.js';

export const RoleSchema = z.enum(ROLES);
export const OrgKindSchema = z.enum(ORG_KINDS);
export const IdParams = z.object({ id: z.uuid() });
export const VersionBody = z.object({ version: z.number().int().min(1) });

export const ErrorBody = z
  .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
  .meta({ id: 'Error' });

export const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(64, '用户名最多 64 个字符')
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, '用户名只能包含字母、数字、汉字和 _ . -');
const password = z.string().min(1, '请输入密码').max(200, '密码过长');

export const LoginBody = z.object({ username: z.string().trim().min(1).max(64), password });
export const ChangePasswordBody = z.object({ oldPassword: password, newPassword: password });

export const OrgRef = z.object({ id: z.uuid(), code: z.string(), name: z.string(), path: z.string() });

export const Me = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    org: OrgRef,
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const Org = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: OrgKindSchema,
    regionCode: z.string().nullable(),
    parentId: z.uuid().nullable(),
    path: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Org' });
export type Org = z.infer<typeof Org>;

export const OrgCreate = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[a-z0-9_-]+$/, '编码只能包含小写字母、数字、_ 和 -'),
  name: z.string().trim().min(2, '名称至少 2 个字').max(64),
  kind: OrgKindSchema,
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .nullable()
    .optional(),
  parentId: z.uuid(),
});
export const OrgUpdate = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(2).max(64).optional(),
  kind: OrgKindSchema.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .optional(),
  parentId: z.uuid().optional(),
});

export const User = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    orgId: z.uuid(),
    orgName: z.string(),
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserCreate = z.object({
  username,
  displayName: z.string().trim().min(1, '请填写姓名').max(64),
  password: z.string().max(200),
  roles: z.array(RoleSchema).min(1, '至少选择一个角色'),
  orgId: z.uuid(),
});
export const UserUpdate = z.object({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(64).optional(),
  roles: z.array(RoleSchema).min(1, '至少选择一个角色').optional(),
  orgId: z.uuid().optional(),
  disabled: z.boolean().optional(),
});
export const ResetPassword = z.object({ version: z.number().int().min(1), password: z.string().max(200) });
export const UserQuery = Paging.extend({
  q: z.string().trim().max(64).optional(),
  orgId: z.uuid().optional(),
});
export const UserList = z.object({ items: z.array(User), total: z.number().int() });

/** A colleague someone can hand work to (a project, a push list): no login data, active users only. */
export const Colleague = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    orgName: z.string(),
  })
  .meta({ id: 'Colleague' });
export type Colleague = z.infer<typeof Colleague>;
export const ColleagueList = z.object({ items: z.array(Colleague) });
export const ColleagueQuery = z.object({ role: RoleSchema.optional() });

export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    orgId: z.uuid().nullable(),
    action: z.enum(['create', 'update', 'delete']),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = Paging.extend({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const AuditList = z.object({ items: z.array(AuditEntry), total: z.number().int() });

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const Job = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    orgId: z.uuid(),
    status: z.enum(JOB_STATUSES),
    progress: z.number(),
    message: z.string(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    error: z.string().nullable(),
    result: z.unknown().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    /** Seconds a running job probably still needs; null when not running or too early to say. */
    remainingSeconds: z.number().int().nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof Job>;
export const JobQuery = Paging.extend({
  status: z.enum(JOB_STATUSES).optional(),
  kind: z.string().max(64).optional(),
});
export const JobList = z.object({ items: z.array(Job), total: z.number().int() });
export const AuditExportBody = AuditQuery.omit({ page: true, pageSize: true });
export const AuditExportRequest = AuditExportBody.extend({
  chunkSize: z.number().int().min(1).max(5000).optional().describe('每批导出的行数（默认 500）'),
});

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  migrations: z.enum(['current', 'pending', 'unknown']),
  engine: z.enum(['pglite', 'postgres']),
  version: z.string(),
  uptimeSeconds: z.number(),
});
