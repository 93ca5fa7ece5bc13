/** The closed loop's reports: 月度跟踪 (JSON, XLSX, DOCX), 双月点评 sessions and ratings, 季度考核
 *  (JSON, XLSX) and 年度总结 (JSON, XLSX), each over the caller's org and the orgs below it. */
import { eq } from 'drizzle-orm';
import { orgs } from '../../../db/schema/index.js';
import { ErrorBody, IdParams } from '../../../shared/api.js';
import {
  Assessment,
  AssessmentQuery,
  MonthlyQuery,
  MonthlyReport,
  RatingPut,
  ReviewCreate,
  ReviewDetail,
  ReviewList,
  YearQuery,
  YearSummary,
} from '../../../shared/pipeline-api.js';
import { type Actor, access } from '../../access.js';
import { DOCX_TYPE, sendDownload, XLSX_TYPE } from '../../download.js';
import type { App } from '../../types.js';
import { quarterlyAssessment } from './assessment.js';
import { assessmentXlsx, monthlyDocx, monthlyXlsx, yearXlsx } from './export.js';
import { monthlyReport } from './monthly.js';
import { createReview, listReviews, rateProject, reviewDetail } from './reviews.js';
import { yearSummary } from './year.js';

const tags = ['project-reports'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function projectReportRoutes(app: App) {
  const { db } = app.database;
  const readers = { access: access.roles('admin', 'leader', 'officer', 'analyst') };
  const leaders = { access: access.roles('admin', 'leader') };
  const orgName = async (id: string) =>
    (await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, id)))[0]?.name ?? '';

  app.get('/api/v1/project-reports/monthly', {
    config: readers,
    schema: {
      tags,
      summary: '月度跟踪：按负责人或团队列出在谈项目及本月跟进、阶段变化',
      querystring: MonthlyQuery,
      response: { 200: MonthlyReport },
    },
    handler: (req) => monthlyReport(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/project-reports/monthly.xlsx', {
    config: readers,
    schema: { tags, summary: '月度跟踪（Excel）', querystring: MonthlyQuery },
    handler: async (req, reply) => {
      const report = await monthlyReport(db, req.actor as Actor, req.query);
      const name = `月度跟踪-${req.query.month}.xlsx`;
      return sendDownload(
        reply,
        { asciiName: `monthly-${req.query.month}.xlsx`, name, type: XLSX_TYPE },
        monthlyXlsx(report),
      );
    },
  });
  app.get('/api/v1/project-reports/monthly.docx', {
    config: readers,
    schema: { tags, summary: '月度跟踪（Word）', querystring: MonthlyQuery },
    handler: async (req, reply) => {
      const actor = req.actor as Actor;
      const report = await monthlyReport(db, actor, req.query);
      const buf = await monthlyDocx(report, await orgName(actor.orgId));
      const name = `月度跟踪-${req.query.month}.docx`;
      return sendDownload(
        reply,
        { asciiName: `monthly-${req.query.month}.docx`, name, type: DOCX_TYPE },
        buf,
      );
    },
  });

  app.get('/api/v1/project-reviews', {
    config: readers,
    schema: { tags, summary: '双月点评列表', response: { 200: ReviewList } },
    handler: (req) => listReviews(db, req.actor as Actor),
  });
  app.post('/api/v1/project-reviews', {
    config: leaders,
    schema: {
      tags,
      summary: '发起双月点评（每个组织每期一次；period 为两个月中的第一个月）',
      body: ReviewCreate,
      response: { 201: ReviewDetail, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createReview(db, req.actor as Actor, req.body.period)),
  });
  app.get('/api/v1/project-reviews/:id', {
    config: readers,
    schema: {
      tags,
      summary: '双月点评：参评项目及各位领导的评价',
      params: IdParams,
      response: { 200: ReviewDetail, 404: ErrorBody },
    },
    handler: (req) => reviewDetail(db, req.actor as Actor, req.params.id),
  });
  app.put('/api/v1/project-reviews/:id/ratings', {
    config: leaders,
    schema: {
      tags,
      summary: '点评一个项目：推进良好 / 一般 / 滞后，附评语（再次点评覆盖本人之前的评价）',
      params: IdParams,
      body: RatingPut,
      response: { 200: ReviewDetail, ...errors },
    },
    handler: (req) => rateProject(db, req.actor as Actor, req.params.id, req.body),
  });

  app.get('/api/v1/project-reports/assessment', {
    config: readers,
    schema: {
      tags,
      summary: '季度考核：按负责人或团队排名，列出每项得分',
      querystring: AssessmentQuery,
      response: { 200: Assessment },
    },
    handler: (req) => quarterlyAssessment(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/project-reports/assessment.xlsx', {
    config: readers,
    schema: { tags, summary: '季度考核（Excel）', querystring: AssessmentQuery },
    handler: async (req, reply) => {
      const a = await quarterlyAssessment(db, req.actor as Actor, req.query);
      // By owner and by team are two different tables: their files must not overwrite each other.
      const by = req.query.by === 'team' ? '按团队' : '按负责人';
      const name = `季度考核-${req.query.quarter}-${by}.xlsx`;
      return sendDownload(
        reply,
        { asciiName: `assessment-${req.query.quarter}-${req.query.by}.xlsx`, name, type: XLSX_TYPE },
        assessmentXlsx(a),
      );
    },
  });
  app.get('/api/v1/project-reports/year', {
    config: readers,
    schema: {
      tags,
      summary: '年度总结：落地项目、高质量项目占比、人才与科学家团队，按来源和产业链',
      querystring: YearQuery,
      response: { 200: YearSummary },
    },
    handler: (req) => yearSummary(db, req.actor as Actor, req.query.year),
  });
  app.get('/api/v1/project-reports/year.xlsx', {
    config: readers,
    schema: { tags, summary: '年度总结（Excel）', querystring: YearQuery },
    handler: async (req, reply) => {
      const s = await yearSummary(db, req.actor as Actor, req.query.year);
      const name = `年度总结-${req.query.year}.xlsx`;
      return sendDownload(
        reply,
        { asciiName: `year-${req.query.year}.xlsx`, name, type: XLSX_TYPE },
        yearXlsx(s),
      );
    },
  });
}
