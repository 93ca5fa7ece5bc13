/** 培育库 routes: screening runs (start, list, ladder, firms, export), a firm's diagnostic card, the
 *  firms' paths through the pool (发现 → 服务 → 申报 → 认定), yearly statistics and targets. */
import { z } from 'zod';
import { ErrorBody, IdParams, Job } from '../../../shared/api.js';
import {
  Diagnosis,
  DiagnosisQuery,
  Ladder,
  ResultQuery,
  ScreeningCreate,
  ScreeningResults,
  ScreeningRun,
  Stats,
  TargetsBody,
  Track,
  TrackBulkCreate,
  TrackCreate,
  TrackList,
  TrackMove,
  TrackQuery,
  YearParams,
} from '../../../shared/cultivation-api.js';
import { type Actor, access } from '../../access.js';
import { datedXlsx, sendDownload, XLSX_TYPE } from '../../download.js';
import type { App } from '../../types.js';
import { enterpriseDiagnosis } from './diagnosis.js';
import { exportScreeningResults } from './export.js';
import { listScreenings, screeningLadder, screeningResultsPage, startScreening } from './screenings.js';
import { cultivationStats, setTargets } from './stats.js';
import { createTrack, createTracksFromScreening, listTracks, moveTrack } from './tracks.js';

const tags = ['cultivation'];

export function cultivationRoutes(app: App) {
  const { db } = app.database;
  const readers = { access: access.roles('admin', 'leader', 'officer', 'analyst') };
  const runners = { access: access.roles('admin', 'leader', 'officer') };

  app.post('/api/v1/cultivation/screenings', {
    config: runners,
    schema: {
      tags,
      summary: '发起培育筛查：用各梯队认定办法评估本组织全部本地企业（后台任务）',
      body: ScreeningCreate,
      response: { 202: z.object({ runId: z.uuid(), job: Job }), 400: ErrorBody, 409: ErrorBody },
    },
    handler: async (req, reply) => {
      const started = await startScreening(db, req.actor as Actor, req.body);
      app.jobs?.wake();
      return reply.code(202).send(started);
    },
  });
  app.get('/api/v1/cultivation/screenings', {
    config: readers,
    schema: { tags, summary: '筛查记录（最近 50 次）', response: { 200: z.array(ScreeningRun) } },
    handler: (req) => listScreenings(db, req.actor as Actor),
  });
  app.get('/api/v1/cultivation/screenings/:id/ladder', {
    config: readers,
    schema: {
      tags,
      summary:
        '梯队阶梯：各梯队已认定、可申报（发现一批）、接近、差距较大、数据不足的企业数，及与上次筛查的对比',
      params: IdParams,
      response: { 200: Ladder, 404: ErrorBody },
    },
    handler: (req) => screeningLadder(db, req.actor as Actor, req.params.id),
  });
  app.get('/api/v1/cultivation/screenings/:id/results', {
    config: readers,
    schema: {
      tags,
      summary: '某梯队的筛查结果：企业、得分、未满足条件与“还差什么”',
      params: IdParams,
      querystring: ResultQuery,
      response: { 200: ScreeningResults, 404: ErrorBody },
    },
    handler: (req) => screeningResultsPage(db, req.actor as Actor, req.params.id, req.query),
  });
  app.get('/api/v1/cultivation/screenings/:id/results/export', {
    config: readers,
    schema: {
      tags,
      summary: '导出某梯队的筛查结果 XLSX（含未满足条件与差距；防公式注入）',
      params: IdParams,
      querystring: ResultQuery.omit({ page: true, pageSize: true }),
      response: { 200: z.any(), 404: ErrorBody },
    },
    handler: async (req, reply) => {
      // Fail before the download starts if the run is not the user's.
      await screeningResultsPage(db, req.actor as Actor, req.params.id, {
        ...req.query,
        page: 1,
        pageSize: 1,
      });
      const file = {
        asciiName: 'screening.xlsx',
        name: datedXlsx(`培育筛查-${req.query.tier}`),
        type: XLSX_TYPE,
      };
      return sendDownload(
        reply,
        file,
        exportScreeningResults(db, req.actor as Actor, req.params.id, req.query),
      );
    },
  });
  app.get('/api/v1/enterprises/:id/eligibility', {
    config: readers,
    schema: {
      tags,
      summary: '企业诊断卡：按评估日期适用的认定办法，给出各梯队结论、得分与差距',
      params: IdParams,
      querystring: DiagnosisQuery,
      response: { 200: Diagnosis, 404: ErrorBody },
    },
    handler: (req) => enterpriseDiagnosis(db, req.actor as Actor, req.params.id, req.query),
  });
  app.get('/api/v1/cultivation/tracks', {
    config: readers,
    schema: {
      tags,
      summary: '培育库：各企业在各梯队的培育路径（发现、服务、申报、认定/未通过）',
      querystring: TrackQuery,
      response: { 200: TrackList },
    },
    handler: (req) => listTracks(db, req.actor as Actor, req.query),
  });
  app.post('/api/v1/cultivation/tracks', {
    config: runners,
    schema: {
      tags,
      summary: '把一家企业纳入某梯队某年度的培育库（发现）',
      body: TrackCreate,
      response: { 200: Track, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: (req) => createTrack(db, req.actor as Actor, req.body),
  });
  app.post('/api/v1/cultivation/tracks/from-screening', {
    config: runners,
    schema: {
      tags,
      summary: '发现一批：把一次筛查中某梯队“可申报”（或“接近”“待补资料”）的企业全部纳入培育库',
      body: TrackBulkCreate,
      response: { 200: z.object({ added: z.int() }), 400: ErrorBody, 404: ErrorBody },
    },
    handler: (req) => createTracksFromScreening(db, req.actor as Actor, req.body),
  });
  app.patch('/api/v1/cultivation/tracks/:id', {
    config: runners,
    schema: {
      tags,
      summary: '推进培育阶段（只能向前；申报须填批次，未通过须填原因，认定须填日期并写入企业资质）',
      params: IdParams,
      body: TrackMove,
      response: { 200: Track, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: (req) => moveTrack(db, req.actor as Actor, req.params.id, req.body),
  });
  app.get('/api/v1/cultivation/stats/:year', {
    config: readers,
    schema: {
      tags,
      summary: '年度统计：各梯队发现、服务、申报、认定数，通过率，年度目标与净增',
      params: YearParams,
      response: { 200: Stats },
    },
    handler: (req) => cultivationStats(db, req.actor as Actor, req.params.year),
  });
  app.put('/api/v1/cultivation/targets/:year', {
    config: { access: access.roles('admin', 'leader') },
    schema: {
      tags,
      summary: '设定本组织某年度各梯队的申报与认定目标',
      params: YearParams,
      body: TargetsBody,
      response: { 200: Stats, 400: ErrorBody },
    },
    handler: (req) => setTargets(db, req.actor as Actor, req.params.year, req.body),
  });
}
