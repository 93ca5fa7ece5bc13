/** Every kind of object the audit log records, with the name a user reads (page, filter, CSV export).
 *  writeAudit takes only these keys, so a new kind cannot reach the log without a name. */
export const AUDIT_ENTITY_NAMES = {
  user: '用户',
  org: '组织',
  job: '任务',
  enterprise: '企业',
  enterprise_seed: '演示企业数据',
  duplicate_dismissal: '非重复标记',
  import_mapping: '导入列对应方案',
  relation_seed: '演示关系数据',
  chain: '产业链',
  chain_node: '产业链节点',
  chain_placement: '企业链上位置',
  chain_settings: '产业链强弱标准',
  org_chains: '主导产业链',
  target_weights: '靶向招商权重',
  target_list: '目标清单',
  project: '招商项目',
  project_attachment: '项目附件',
  follow_up: '跟进记录',
  project_review: '双月点评',
  project_rating: '点评评级',
  pipeline_settings: '项目流程设置',
  evaluation: '三维评价',
  evaluation_settings: '评估设置',
  evaluation_decision: '评估决定',
  expert: '专家',
  expert_review: '专家评审',
  due_diligence_item: '尽调事项',
  scoring_model: '评估模型',
  cultivation_track: '培育跟踪',
  cultivation_targets: '培育年度目标',
  policy: '政策',
  policy_push: '政策推送',
} as const;

export type AuditEntity = keyof typeof AUDIT_ENTITY_NAMES;

export const AUDIT_ENTITIES = Object.keys(AUDIT_ENTITY_NAMES) as AuditEntity[];
