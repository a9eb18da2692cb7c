import { z } from 'zod';
import { requirePermission, type App, type RouteDeps } from '../../http.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { reinspectState, requestReinspect } from './qa.inspection.jobs.ts';
import { LexiconsOut, LexiconWordsAdd, LexiconWordsAdded, ReinspectState } from './qa.lexicons.schema.ts';
import { addWords, listWords, loadRules, removeWord, shippedCounts } from './qa.lexicons.ts';
import { IdParams } from './qa.schema.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['qa'];

/**
 * The manager's words on top of the shipped inspection lexicons (SPEC QA-3): banned words per
 * category, whitelist phrases (whitelisting a shipped word switches it off) and sentiment words.
 * Every change is audited and re-inspects history in the background.
 */
export async function lexiconRoutes(app: App, { db }: RouteDeps) {
  app.get(
    '/api/qa/lexicons',
    {
      schema: {
        tags,
        summary: 'Added words, shipped list sizes and the re-inspection state',
        response: { 200: LexiconsOut, ...errors },
      },
    },
    async (req) => {
      requirePermission(req, 'qa.manage');
      return {
        words: await listWords(db.read),
        shipped: shippedCounts(),
        rulesVersion: (await loadRules(db.read)).version,
        reinspect: reinspectState(db),
      };
    },
  );

  app.post(
    '/api/qa/lexicons/words',
    {
      schema: {
        tags,
        summary: 'Add words to a list (banned category, whitelist, sentiment); history is re-inspected',
        body: LexiconWordsAdd,
        response: { 201: LexiconWordsAdded, ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'qa.manage');
      const r = await db.kysely.transaction().execute((trx) => addWords(trx, actor, req.body));
      const log = (msg: string, err?: unknown) => req.log.error({ err }, msg);
      return reply.code(201).send({ ...r, reinspect: r.added.length ? requestReinspect(db, log) : reinspectState(db) });
    },
  );

  app.delete(
    '/api/qa/lexicons/words/:id',
    {
      schema: {
        tags,
        summary: 'Remove an added word; history is re-inspected',
        params: IdParams,
        response: { 200: z.object({ reinspect: ReinspectState }), ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.manage');
      await db.kysely.transaction().execute((trx) => removeWord(trx, actor, req.params.id));
      return { reinspect: requestReinspect(db, (msg, err) => req.log.error({ err }, msg)) };
    },
  );
}
