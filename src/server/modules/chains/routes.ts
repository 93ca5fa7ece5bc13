/** 产业链图谱 routes: chains and their trees with the org's figures, editing and import/export, the org's
 *  leading chains and strength thresholds, firms on a node and users' placement decisions. */
import { z } from 'zod';
import { chainSchema } from '../../../domain/chain/chain-schema.js';
import { strengthThresholdFields } from '../../../domain/chain/strength.js';
import { ErrorBody, IdParams, Job } from '../../../shared/api.js';
import {
  ChainImportQuery,
  ChainImportResult,
  ChainList,
  ChainTree,
  LeadingChains,
  NodeCreate,
  NodeFirmQuery,
  NodeFirms,
  NodeUpdate,
  PlacementDecision,
  TargetList,
  TargetListCreate,
  TargetListSummary,
  TargetQuery,
  TargetRanking,
  ThresholdsBody,
  WeightsBody,
} from '../../../shared/chain-api.js';
import { VersionQuery } from '../../../shared/enterprise-api.js';
import { type Actor, access } from '../../access.js';
import { datedXlsx, sendDownload, XLSX_TYPE } from '../../download.js';
import type { App } from '../../types.js';
import { chainTree, listChains, saveThresholds, setLeadingChains, thresholdsOf } from './chains.js';
import { createNode, deleteNode, exportChain, updateNode } from './edit.js';
import { exportNodeTable } from './export.js';
import { importChain } from './import.js';
import { decidePlacement, nodeFirms, startPlacement } from './placements.js';
import {
  getTargetList,
  listTargetLists,
  rankTargets,
  saveTargetList,
  saveWeights,
  weightsOf,
} from './targets.js';
import { exportTargetList } from './targets-export.js';

const tags = ['chains'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function chainRoutes(app: App) {
  const { db } = app.database;
  const readers = { access: access.roles('admin', 'leader', 'officer', 'analyst') };
  const placers = { access: access.roles('admin', 'officer') };
  const admins = { access: access.roles('admin') };

  app.get('/api/v1/chains', {
    config: readers,
    schema: { tags, summary: '产业链列表：本组织的主导产业链在前', response: { 200: ChainList } },
    handler: (req) => listChains(db, req.actor as Actor),
  });
  app.get('/api/v1/chains/:id', {
    config: readers,
    schema: {
      tags,
      summary: '产业链图谱：节点树及本组织每个节点的企业数、营收、高企与专精特新、龙头和强弱',
      params: IdParams,
      response: { 200: ChainTree, 404: ErrorBody },
    },
    handler: (req) => chainTree(db, req.actor as Actor, req.params.id),
  });
  app.get('/api/v1/chains/:id/nodes.xlsx', {
    config: readers,
    schema: {
      tags,
      summary: '导出链节点表 XLSX（防公式注入）',
      params: IdParams,
      response: { 200: z.any(), 404: ErrorBody },
    },
    handler: async (req, reply) => {
      const tree = await chainTree(db, req.actor as Actor, req.params.id);
      const file = {
        asciiName: 'chain-nodes.xlsx',
        name: datedXlsx(`${tree.chain.name}产业链节点表`),
        type: XLSX_TYPE,
      };
      return sendDownload(reply, file, exportNodeTable(tree));
    },
  });
  app.get('/api/v1/chains/:id/export', {
    config: readers,
    schema: {
      tags,
      summary: '导出产业链 JSON（可修改后再导入）',
      params: IdParams,
      response: { 200: chainSchema, 404: ErrorBody },
    },
    handler: (req) => exportChain(db, req.actor as Actor, req.params.id),
  });
  app.post('/api/v1/chains/import', {
    config: admins,
    schema: {
      tags,
      summary:
        '导入产业链 JSON：本组织没有该编码的链则新建；有则就地更新——按节点路径保留原节点（企业匹配与用户决定随之保留），新增文件中新的节点，删除文件中已没有的节点',
      querystring: ChainImportQuery,
      body: chainSchema,
      response: { 200: ChainImportResult, ...errors },
    },
    handler: (req) => importChain(db, req.actor as Actor, req.body, req.query.dryRun ?? false),
  });
  app.post('/api/v1/chain-nodes', {
    config: admins,
    schema: {
      tags,
      summary: '新增链节点（最多 3 级）',
      body: NodeCreate,
      response: { 201: z.any(), ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await createNode(db, req.actor as Actor, req.body)),
  });
  app.patch('/api/v1/chain-nodes/:id', {
    config: admins,
    schema: {
      tags,
      summary: '修改链节点：改名、关键词、产品、技术、行业代码，或移到同一条链的其他节点下（乐观锁）',
      params: IdParams,
      body: NodeUpdate,
      response: { 200: z.any(), ...errors },
    },
    handler: (req) => updateNode(db, req.actor as Actor, req.params.id, req.body),
  });
  app.delete('/api/v1/chain-nodes/:id', {
    config: admins,
    schema: {
      tags,
      summary: '删除链节点及其全部下级节点和企业匹配',
      params: IdParams,
      querystring: VersionQuery,
      response: { 200: z.object({ deleted: z.int() }), ...errors },
    },
    handler: (req) => deleteNode(db, req.actor as Actor, req.params.id, req.query.version),
  });
  app.put('/api/v1/chains/leading', {
    config: admins,
    schema: {
      tags,
      summary: '设置本组织的主导产业链（如“3+1”），按顺序',
      body: LeadingChains,
      response: { 200: ChainList, ...errors },
    },
    handler: (req) => setLeadingChains(db, req.actor as Actor, req.body.chainIds),
  });
  app.get('/api/v1/chains/thresholds', {
    config: readers,
    schema: {
      tags,
      summary: '本组织判定节点强弱（优势/一般/薄弱/缺失）的标准',
      response: { 200: strengthThresholdFields.extend({ version: z.int() }) },
    },
    handler: async (req) => {
      const { t, version } = await thresholdsOf(db, (req.actor as Actor).orgId);
      return { ...t, version };
    },
  });
  app.put('/api/v1/chains/thresholds', {
    config: admins,
    schema: {
      tags,
      summary: '修改强弱标准（乐观锁）',
      body: ThresholdsBody,
      response: { 200: strengthThresholdFields.extend({ version: z.int() }), ...errors },
    },
    handler: (req) => saveThresholds(db, req.actor as Actor, req.body),
  });
  app.post('/api/v1/chains/placement', {
    config: placers,
    schema: {
      tags,
      summary: '重新匹配：按行业代码、经营范围与主要产品把本组织的企业放到链节点上（后台任务）',
      response: { 202: Job },
    },
    handler: async (req, reply) => reply.code(202).send(await startPlacement(db, req.actor as Actor)),
  });
  app.get('/api/v1/chain-nodes/:id/firms', {
    config: readers,
    schema: {
      tags,
      summary: '节点上的企业：本地企业或外地目标企业，含匹配置信度与依据',
      params: IdParams,
      querystring: NodeFirmQuery,
      response: { 200: NodeFirms, 404: ErrorBody },
    },
    handler: (req) => nodeFirms(db, req.actor as Actor, req.params.id, req.query),
  });
  app.post('/api/v1/chain-nodes/:id/placements', {
    config: placers,
    schema: {
      tags,
      summary: '确认、否决或手工添加企业在节点上的位置（重新匹配时保留）',
      params: IdParams,
      body: PlacementDecision,
      response: { 200: z.object({ status: z.string() }), ...errors },
    },
    handler: (req) => decidePlacement(db, req.actor as Actor, req.params.id, req.body),
  });

  app.get('/api/v1/chain-nodes/:id/targets', {
    config: readers,
    schema: {
      tags,
      summary: '靶向招商：为该节点排序外地目标企业（契合度、规模、创新、成长、融资、以商引商），逐项说明',
      params: IdParams,
      querystring: TargetQuery,
      response: { 200: TargetRanking, 404: ErrorBody },
    },
    handler: (req) => rankTargets(db, req.actor as Actor, req.params.id, req.query),
  });
  app.get('/api/v1/chains/target-weights', {
    config: readers,
    schema: {
      tags,
      summary: '本组织靶向招商的各项权重（默认值及理由见 docs/CHAINS.md）',
      response: { 200: WeightsBody },
    },
    handler: async (req) => {
      const { w, version } = await weightsOf(db, (req.actor as Actor).orgId);
      return { ...w, version };
    },
  });
  app.put('/api/v1/chains/target-weights', {
    config: admins,
    schema: {
      tags,
      summary: '修改靶向招商权重（乐观锁）',
      body: WeightsBody,
      response: { 200: WeightsBody, ...errors },
    },
    handler: (req) => saveWeights(db, req.actor as Actor, req.body),
  });
  app.post('/api/v1/target-lists', {
    config: placers,
    schema: {
      tags,
      summary: '保存目标企业清单：当前排序、权重和每家企业的各项得分',
      body: TargetListCreate,
      response: { 201: TargetList, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await saveTargetList(db, req.actor as Actor, req.body)),
  });
  app.get('/api/v1/target-lists', {
    config: readers,
    schema: { tags, summary: '本组织的目标企业清单', response: { 200: z.array(TargetListSummary) } },
    handler: (req) => listTargetLists(db, req.actor as Actor),
  });
  app.get('/api/v1/target-lists/:id', {
    config: readers,
    schema: {
      tags,
      summary: '目标企业清单详情',
      params: IdParams,
      response: { 200: TargetList, 404: ErrorBody },
    },
    handler: (req) => getTargetList(db, req.actor as Actor, req.params.id),
  });
  app.get('/api/v1/target-lists/:id/export', {
    config: readers,
    schema: {
      tags,
      summary: '导出目标企业清单 XLSX（防公式注入）',
      params: IdParams,
      response: { 200: z.any(), 404: ErrorBody },
    },
    handler: async (req, reply) => {
      const list = await getTargetList(db, req.actor as Actor, req.params.id);
      const file = { asciiName: 'target-list.xlsx', name: datedXlsx(list.name), type: XLSX_TYPE };
      return sendDownload(reply, file, exportTargetList(list));
    },
  });
}
