/**
 * Stable error codes: one table from code to HTTP status and its messages.
 * The server answers `{ code, message, details }`; clients may translate by code.
 */
export const ERRORS = {
  'request.invalid': [400, '请求参数不合法', 'The request is invalid'],
  'request.malformed_json': [400, '请求体不是合法的 JSON', 'The request body is not valid JSON'],
  'request.too_large': [413, '请求体过大', 'The request body is too large'],
  'request.unsupported_media_type': [415, '不支持的请求内容类型', 'Unsupported content type'],
  'request.bad': [400, '请求有误', 'Bad request'],
  'request.header_too_large': [
    431,
    '请求地址或请求头过长（如筛选条件过多），请缩短后重试',
    'The address or headers of the request are too long (too many filters?); shorten them and retry',
  ],
  'route.not_found': [404, '接口不存在', 'No such route'],
  'auth.required': [401, '请先登录', 'Please sign in'],
  'auth.invalid_credentials': [401, '用户名或密码错误', 'Wrong username or password'],
  'auth.disabled': [403, '该账户已停用，请联系管理员', 'This account is disabled'],
  'auth.locked': [
    429,
    '登录失败次数过多，账户已临时锁定，请稍后再试',
    'Too many failed sign-ins; try again later',
  ],
  'auth.csrf': [403, '安全校验失败（CSRF），请刷新页面后重试', 'CSRF check failed; reload the page'],
  'auth.forbidden': [403, '无权执行此操作', 'You are not allowed to do this'],
  'auth.wrong_password': [400, '原密码不正确', 'The current password is wrong'],
  'password.weak': [
    400,
    '密码至少 8 位，且须同时包含字母和数字',
    'Password: 8+ characters with letters and digits',
  ],
  'conflict.stale': [409, '数据已被他人修改，请刷新后重试', 'Someone else changed this; reload and retry'],
  'conflict.duplicate': [409, '数据重复，已存在相同记录', 'A record with the same key exists'],
  'review.exists': [409, '本期双月点评已创建，请直接打开', 'This review already exists; open it'],
  'org.not_found': [404, '组织不存在或无权访问', 'Organisation not found'],
  'org.code_taken': [409, '组织编码已被使用', 'That organisation code is taken'],
  'org.kind_level': [
    400,
    '下级组织的类型须低于上级（如：市下设区、县或园区，园区下只能设园区）',
    'A sub-organisation must be of a lower level than its parent',
  ],
  'org.parent_outside_scope': [
    403,
    '上级组织不在您的管辖范围内',
    'Parent organisation is outside your scope',
  ],
  'org.cycle': [
    400,
    '不能把组织移动到它自己的下级之下',
    'An organisation cannot move under its own descendant',
  ],
  'mapping.not_found': [404, '列对应方案不存在或无权访问', 'Column mapping not found'],
  'org.own': [409, '不能删除自己所在的组织', 'You cannot delete your own organisation'],
  // deleteOrg appends what the org still holds (下级组织、用户、政策 …): the text here names none of it.
  'org.not_empty': [409, '组织不为空，无法删除', 'The organisation is not empty and cannot be deleted'],
  'user.not_found': [404, '用户不存在或无权访问', 'User not found'],
  'user.username_taken': [409, '用户名已被使用', 'That username is taken'],
  'user.self_lockout': [
    400,
    '不能停用自己、移除自己的管理员角色或把自己调到其他组织',
    'You cannot disable yourself, drop your own admin role or move yourself to another organisation',
  ],
  'job.not_found': [404, '任务不存在或无权访问', 'Job not found'],
  'job.not_yours': [
    403,
    '只能取消自己发起的任务；管理员和分管领导可取消本组织的任何任务',
    'Only whoever started a job, or an administrator or leader, may cancel it',
  ],
  'job.not_cancellable': [409, '任务已结束，无法取消', 'The job has already finished'],
  'job.no_file': [404, '该任务没有可下载的文件', 'This job has no file to download'],
  'upload.missing_file': [400, '请选择要上传的文件', 'Choose a file to upload'],
  'upload.empty_file': [
    400,
    '文件是空的（0 字节），请检查后重新上传',
    'The file is empty (0 bytes); check it and upload again',
  ],
  'upload.too_large': [413, '文件过大，超过上传上限', 'The file exceeds the upload limit'],
  'upload.too_many_parts': [
    400,
    '一次只能上传一个文件，表单字段也不能过多',
    'Upload one file at a time, with few form fields',
  ],
  'upload.malformed': [
    400,
    '上传中断或内容不完整，请重新上传',
    'The upload broke off or is incomplete; upload the file again',
  ],
  'upload.bad_type': [
    415,
    '只支持 CSV（UTF-8 或 GBK）和 XLSX 文件',
    'Only CSV (UTF-8 or GBK) and XLSX files are supported',
  ],
  'import.unreadable': [400, '无法读取该文件', 'The file cannot be read'],
  'enterprise.not_found': [404, '企业不存在或无权访问', 'Enterprise not found'],
  'enterprise.merged': [
    409,
    '该企业已并入另一家企业，请在合并后的企业档案中查看和修改',
    'This firm was merged into another; view and edit the merged firm',
  ],
  'enterprise.merge_other_org': [
    409,
    '两家企业属于不同组织，不能合并',
    'The two firms belong to different organisations and cannot be merged',
  ],
  'enterprise.year_not_found': [
    404,
    '该年度数据不存在或已被删除',
    'No figures for that year, or they were removed',
  ],
  'enterprise.qualification_not_found': [
    404,
    '该资质不存在或已被删除',
    'That qualification does not exist or was removed',
  ],
  'screening.not_found': [404, '筛查记录不存在或无权访问', 'Screening run not found'],
  'screening.running': [
    409,
    '本组织已有一次筛查正在进行，请等它完成后再发起',
    'A screening run of this organisation is still in progress',
  ],
  'track.not_found': [404, '培育记录不存在或无权访问', 'Cultivation record not found'],
  'track.invalid_move': [409, '培育阶段不能这样变更', 'That stage change is not allowed'],
  'track.exists': [
    409,
    '该企业本年度已在这一梯队的培育库中',
    'The firm is already in this tier’s pool for that year',
  ],
  'policy.not_found': [404, '政策不存在或无权访问', 'Policy not found'],
  'policy.read_only': [
    403,
    '上级组织发布的政策只能查看，不能修改',
    'A policy of a higher organisation can be read, not changed',
  ],
  'policy.not_published': [409, '政策尚未发布，不能推送', 'The policy is not published yet'],
  'policy.closed': [409, '该政策的申报已截止', 'The policy’s application window has closed'],
  'policy.has_pushes': [
    409,
    '该政策已有推送记录，不能删除；可改回草稿停止推送',
    'The policy has pushes and cannot be deleted; set it back to draft instead',
  ],
  'push.not_found': [404, '推送记录不存在或无权访问', 'Push not found'],
  'push.already_told': [
    409,
    '该企业已告知，推送不能再转交；如需重新告知，先改回待告知',
    'The firm has been told; set the push back to pending before handing it over',
  ],
  'graph.entity_not_found': [404, '企业、自然人或机构不存在或无权访问', 'Entity not found'],
  'target_list.not_found': [404, '目标企业清单不存在或无权访问', 'Target list not found'],
  'target_list.empty': [
    409,
    '该节点目前没有可招引的目标企业，不能保存空清单；可先扩充目标企业库或调整节点关键词',
    'The node has no target firms yet; an empty list cannot be saved',
  ],
  'project.not_found': [404, '招商项目不存在或无权访问', 'Project not found'],
  'project.duplicate': [
    409,
    '该企业已有本市在谈的项目，请先与负责人沟通；确认仍要新建请勾选“知悉重复”',
    'This firm is already an active project in the city; acknowledge to create anyway',
  ],
  'project.bad_move': [409, '项目不能这样推进', 'The project cannot move there'],
  'project.landing_not_local': [
    400,
    '落地注册企业须为本地在册企业；外地目标企业请先在企业库中登记其在本地注册的公司',
    'The landing firm must be registered locally; record the local company in the registry first',
  ],
  'project.bad_owner': [
    400,
    '负责人须为本组织或下级组织在职的招商专员、分管领导或管理员',
    'The owner must be an active officer, leader or administrator of your organisation',
  ],
  'assignee.invalid': [
    400,
    '负责人须为本组织或下级组织在职的招商专员、分管领导或管理员',
    'The owner must be an active officer, leader or administrator of your organisation',
  ],
  'project.bad_chain_node': [
    400,
    '所属产业链环节须为本组织可见的产业链中的节点',
    'The chain links must be nodes of chains your organisation sees',
  ],
  'attachment.not_found': [404, '附件不存在或无权访问', 'Attachment not found'],
  'attachment.bad_type': [415, '附件类型不被接受', 'This attachment type is not accepted'],
  'attachment.too_many': [
    409,
    '每个项目最多 50 个附件，请先删除不需要的附件',
    'A project holds at most 50 attachments',
  ],
  'review.not_found': [404, '双月点评不存在或无权访问', 'Review not found'],
  'review.project_not_in_review': [
    400,
    '该项目不在本次点评范围内（只点评本组织在谈的项目）',
    'The project is not part of this review',
  ],
  'overlap.not_overlapping': [
    400,
    '所选项目不是同一企业的在谈项目，无需协调',
    'The projects chosen are not active projects on one firm',
  ],
  'saved_view.not_found': [404, '视图不存在', 'Saved view not found'],
  'evaluation.not_found': [404, '评估不存在或无权访问', 'Evaluation not found'],
  'evaluation.no_plan': [400, '请先上传商业计划书（项目附件）', 'Upload the business plan first'],
  'evaluation.bad_document': [400, '商业计划书无法读取', 'The business plan cannot be read'],
  'evaluation.decided': [409, '该评估已作出决定，不能再修改', 'The evaluation is decided'],
  'evaluation.committee_incomplete': [
    409,
    '技术委员会评审未完成，不能作出通过或有条件通过的决定',
    'The committee review is not complete; the project cannot be approved yet',
  ],
  'expert.not_found': [404, '专家不存在或无权访问', 'Expert not found'],
  'expert.bad_user': [
    400,
    '关联的登录账户须为本组织或下级组织在职的专家账户',
    'The linked login must be an active expert account of your organisation',
  ],
  'expert.bad_firm': [
    400,
    '任职单位和申报利益关系的企业须为本组织企业库中的企业',
    'The employer and declared firms must be firms in your registry',
  ],
  'expert.bad_party': [
    400,
    '专家在企业图谱中的主体须为本组织的自然人、机构或企业',
    "The expert's graph party must be a person, institution or firm of your organisation",
  ],
  'review.not_assigned': [403, '您不是该项目的评审专家', 'You are not on this panel'],
  'review.conflicted': [
    403,
    '您与该项目存在利益冲突，不能评分',
    'You have a conflict of interest and cannot score',
  ],
  'review.already_submitted': [409, '您已提交评审意见，不能重复提交', 'Your review is already submitted'],
  'due_diligence.item_not_found': [404, '尽调事项不存在', 'Due-diligence item not found'],
  'chain.not_found': [404, '产业链不存在或无权访问', 'Industry chain not found'],
  'chain.node_not_found': [404, '链节点不存在或无权访问', 'Chain node not found'],
  'chain.placement_not_found': [
    404,
    '该企业不在此节点上，不能确认或否决；可用“添加到本节点”放上',
    'The firm is not on this node, so there is nothing to confirm or reject; add it to the node instead',
  ],
  'chain.read_only': [
    403,
    '上级组织的产业链只能查看；如需调整，请复制为本组织的产业链',
    'A chain of a higher organisation can be read, not changed; copy it to your organisation',
  ],
  'chain.key_taken': [
    409,
    '本组织已有相同编码的产业链',
    'Your organisation already has a chain with this key',
  ],
  'chain.bad_move': [
    409,
    '不能这样移动：节点不能移到自己的下级之下，只能在同一条产业链内移动，且最多 3 级',
    'Cannot move there: nodes stay in their chain, cannot go under themselves, and go 3 levels deep',
  ],
  'chain.too_deep': [
    409,
    '节点最多 3 级，第 3 级节点下不能再添加下级节点',
    'Nodes go 3 levels deep: a third-level node cannot have children',
  ],
  'chain.too_many_nodes': [409, '产业链的节点数已达上限', 'The chain has as many nodes as it may'],
  'chain.duplicate_name': [
    409,
    '同一上级下的节点不能重名',
    'Nodes under the same parent need different names',
  ],
  'chain.segment_fixed': [
    409,
    '上游/中游/下游环节固定，不能移动、改名或删除',
    'Segments cannot be moved, renamed or deleted',
  ],
  internal: [500, '服务器内部错误，请联系管理员', 'Internal server error'],
  'service.unavailable': [503, '服务暂不可用', 'Service unavailable'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof ERRORS;

export function errorMessage(code: ErrorCode, lang: 'zh' | 'en' = 'zh'): string {
  const [, zh, en] = ERRORS[code];
  return lang === 'en' ? en : zh;
}
