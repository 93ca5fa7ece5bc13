/** 三维评价 routes: open a project's evaluation, its AI profile, the committee (experts, assignment,
 *  blind reviews), due diligence, the decision, the scoring model's versions, and the Word report. */
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../../shared/api.js';
import {
  DdItemParams,
  DdItemUpdate,
  DecisionCreate,
  EvaluationSettingsUpdate,
  EvaluationView,
  ExpertAssign,
  ExpertCreate,
  ExpertUpdate,
  ModelSave,
  ProfileRun,
  ReviewSubmit,
} from '../../../shared/evaluation-api.js';
import { type Actor, access } from '../../access.js';
import { DOCX_TYPE, sendDownload } from '../../download.js';
import type { App } from '../../types.js';
import {
  assignExperts,
  createExpert,
  listExperts,
  myReviews,
  submitReview,
  updateExpert,
} from './committee.js';
import { recordDecision, updateDdItem } from './decide.js';
import { ensureEvaluation, evaluationIdOf } from './evaluations.js';
import { modelHistory, saveModel } from './models.js';
import { runProfile } from './profile-run.js';
import { evaluationReport } from './report.js';
import { readEvaluationSettings, saveEvaluationSettings } from './settings.js';
import { evaluationView } from './view.js';

const tags = ['evaluation'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function evaluationRoutes(app: App) {
  const { db } = app.database;
  const readers = { access: access.roles('admin', 'leader', 'officer', 'analyst', 'expert') };
  const staff = { access: access.roles('admin', 'leader', 'officer', 'analyst') };
  const officers = { access: access.roles('admin', 'leader', 'officer') };
  const leaders = { access: access.roles('admin', 'leader') };
  const experts = { access: access.roles('expert') };
  const admins = { access: access.roles('admin') };
  const view = (actor: Actor, id: string) => evaluationView(db, actor, id);

  app.post('/api/v1/projects/:id/evaluation', {
    config: officers,
    schema: {
      tags,
      summary: '打开（或新建）项目的三维评价',
      params: IdParams,
      response: { 200: EvaluationView, ...errors },
    },
    handler: async (req) => {
      const { evaluation } = await ensureEvaluation(db, req.actor as Actor, req.params.id);
      return view(req.actor as Actor, evaluation.id);
    },
  });
  app.get('/api/v1/projects/:id/evaluation', {
    config: staff,
    schema: {
      tags,
      summary: '读取项目的三维评价（不新建；尚未开始时 404）',
      params: IdParams,
      response: { 200: EvaluationView, 404: ErrorBody },
    },
    handler: async (req) => {
      const id = await evaluationIdOf(db, req.actor as Actor, req.params.id);
      return view(req.actor as Actor, id);
    },
  });
  app.get('/api/v1/evaluations/:id', {
    config: readers,
    schema: {
      tags,
      summary: '三维评价详情（专家只能看到分配给自己的项目，提交前看不到他人评分）',
      params: IdParams,
      response: { 200: EvaluationView, 404: ErrorBody },
    },
    handler: (req) => view(req.actor as Actor, req.params.id),
  });

  app.post('/api/v1/evaluations/:id/profile', {
    config: officers,
    schema: {
      tags,
      summary:
        'AI研判：读取商业计划书（项目附件），剔除并标记隐藏与注入内容，抽取事实并按评估模型生成创新力画像',
      params: IdParams,
      body: ProfileRun,
      response: { 200: EvaluationView, ...errors },
    },
    handler: async (req) => {
      // The model's settings are read from the environment at each reading (see runProfile).
      await runProfile(db, req.actor as Actor, req.params.id, req.body.attachmentId);
      return view(req.actor as Actor, req.params.id);
    },
  });

  app.get('/api/v1/experts', {
    config: staff,
    schema: { tags, summary: '专家库' },
    handler: async (req) => ({ items: await listExperts(db, req.actor as Actor) }),
  });
  app.post('/api/v1/experts', {
    config: admins,
    schema: {
      tags,
      summary: '新增专家（研究领域、任职单位、申报的利益关系）',
      body: ExpertCreate,
      response: { 201: z.unknown(), ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await createExpert(db, req.actor as Actor, req.body)),
  });
  app.patch('/api/v1/experts/:id', {
    config: admins,
    schema: {
      tags,
      summary: '修改专家信息或停用专家（停用后不再能被分配）',
      params: IdParams,
      body: ExpertUpdate,
      response: { 200: z.unknown(), ...errors },
    },
    handler: (req) => updateExpert(db, req.actor as Actor, req.params.id, req.body),
  });
  app.post('/api/v1/evaluations/:id/experts', {
    config: admins,
    schema: {
      tags,
      summary: '分配评审专家：逐一检查利益冲突（本人申报，或企业图谱中两步以内的关联）',
      params: IdParams,
      body: ExpertAssign,
      response: { 200: z.unknown(), ...errors },
    },
    handler: (req) => assignExperts(db, req.actor as Actor, req.params.id, req.body.expertIds),
  });
  app.get('/api/v1/my-reviews', {
    config: experts,
    schema: { tags, summary: '我的评审：分配给本人的评估项目及是否已提交、是否回避' },
    handler: (req) => myReviews(db, req.actor as Actor),
  });
  app.post('/api/v1/evaluations/:id/reviews', {
    config: experts,
    schema: {
      tags,
      summary: '专家提交评审：各维度 1–9 分、意见与推荐（背对背，提交后方可查看他人评分）',
      params: IdParams,
      body: ReviewSubmit,
      response: { 200: z.unknown(), ...errors },
    },
    handler: (req) => submitReview(db, req.actor as Actor, req.params.id, req.body),
  });

  app.put('/api/v1/evaluations/:id/due-diligence/:itemId', {
    config: staff,
    schema: {
      tags,
      summary: '填写尽调事项：通过 / 关注 / 不通过 / 不适用，附说明和附件',
      params: DdItemParams,
      body: DdItemUpdate,
      response: { 200: EvaluationView, ...errors },
    },
    handler: async (req) => {
      await updateDdItem(db, req.actor as Actor, req.params.id, req.params.itemId, req.body);
      return view(req.actor as Actor, req.params.id);
    },
  });
  app.post('/api/v1/evaluations/:id/decision', {
    config: leaders,
    schema: {
      tags,
      summary: '领导作出评估决定：通过 / 有条件通过 / 不通过（不通过即终止项目）',
      params: IdParams,
      body: DecisionCreate,
      response: { 200: EvaluationView, ...errors },
    },
    handler: async (req) => {
      await recordDecision(db, req.actor as Actor, req.params.id, req.body);
      return view(req.actor as Actor, req.params.id);
    },
  });

  app.get('/api/v1/evaluations/:id/report.docx', {
    config: staff,
    schema: {
      tags,
      summary: '导出评估报告（Word）：画像与雷达图、研判意见、委员会、尽调、建议与决定',
      params: IdParams,
    },
    handler: async (req, reply) => {
      const v = await view(req.actor as Actor, req.params.id);
      const file = {
        asciiName: 'evaluation-report.docx',
        name: `评估报告-${v.projectName}.docx`,
        type: DOCX_TYPE,
      };
      return sendDownload(reply, file, await evaluationReport(v));
    },
  });

  app.get('/api/v1/evaluation-settings', {
    config: staff,
    schema: {
      tags,
      summary: '评估规则：尽调清单、三方权重（默认 AI 30%、委员会 50%、尽调 20%）、专家分歧阈值',
    },
    handler: (req) => readEvaluationSettings(db, req.actor as Actor),
  });
  app.put('/api/v1/evaluation-settings', {
    config: admins,
    schema: {
      tags,
      summary: '修改评估规则（乐观锁；新开的评估使用新清单）',
      body: EvaluationSettingsUpdate,
      response: { 200: z.unknown(), ...errors },
    },
    handler: (req) => saveEvaluationSettings(db, req.actor as Actor, req.body),
  });

  app.get('/api/v1/scoring-model', {
    config: staff,
    schema: { tags, summary: '当前评估模型及其版本历史' },
    handler: (req) => modelHistory(db, req.actor as Actor),
  });
  app.put('/api/v1/scoring-model', {
    config: admins,
    schema: {
      tags,
      summary: '保存评估模型为新版本（校验权重、分档与禁止的输入）',
      body: ModelSave,
      response: { 200: z.unknown(), ...errors },
    },
    handler: (req) => saveModel(db, req.actor as Actor, req.body.model, req.body.basedOn, req.body.note),
  });
}
