import { z } from 'zod';
import { requireActor, requirePermission, type App, type RouteDeps } from '../../http.ts';
import { badRequest } from '../../lib/errors.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { IdParams } from '../org/org.schema.ts';
import { ImportResult, Person, PersonCreate, PersonDetail, PersonListQuery, PersonUpdate, StatusChange } from './people.schema.ts';
import * as people from './people.service.ts';
import { importRoster, rosterTemplateCsv } from './roster.import.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['people'];

/**
 * The roster. Reads are scoped by role (an agent sees themself, a lead their group, a
 * supervisor their department, HR/managers/admins everyone); writes need people.write and
 * stay inside the writer's scope.
 */
export async function peopleRoutes(app: App, { db }: RouteDeps) {
  const k = db.kysely;

  app.get(
    '/api/people',
    { schema: { tags, summary: 'People the caller may see', querystring: PersonListQuery, response: { 200: z.array(Person), ...errors } } },
    async (req) => people.listPeople(db.read, requireActor(req).actor, req.query),
  );

  app.get(
    '/api/people/:id',
    { schema: { tags, summary: 'One person with employment history', params: IdParams, response: { 200: PersonDetail, ...errors } } },
    async (req) => people.getPerson(db.read, requireActor(req).actor, req.params.id),
  );

  app.post(
    '/api/people',
    { schema: { tags, summary: 'Add a person', body: PersonCreate, response: { 201: PersonDetail, ...errors } } },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'people.write');
      const id = await k.transaction().execute((trx) => people.createPerson(trx, actor, req.body));
      return reply.code(201).send(await people.getPerson(k, actor, id));
    },
  );

  app.patch(
    '/api/people/:id',
    { schema: { tags, summary: 'Change a person', params: IdParams, body: PersonUpdate, response: { 200: PersonDetail, ...errors } } },
    async (req) => {
      const { actor } = requirePermission(req, 'people.write');
      await k.transaction().execute((trx) => people.updatePerson(trx, actor, req.params.id, req.body));
      return people.getPerson(k, actor, req.params.id);
    },
  );

  app.post(
    '/api/people/:id/status',
    { schema: { tags, summary: 'Mark active, on leave or left from a date', params: IdParams, body: StatusChange, response: { 200: PersonDetail, ...errors } } },
    async (req) => {
      const { actor } = requirePermission(req, 'people.write');
      await k.transaction().execute((trx) => people.changeStatus(trx, actor, req.params.id, req.body.status, req.body.date, req.body.note));
      return people.getPerson(k, actor, req.params.id);
    },
  );

  app.post(
    '/api/people/:id/password',
    {
      schema: {
        tags,
        summary: 'Set a temporary password for someone',
        params: IdParams,
        body: z.object({ password: z.string().min(8).max(200) }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'people.write');
      await k.transaction().execute((trx) => people.resetPassword(trx, actor, req.params.id, req.body.password));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/people/import',
    {
      schema: {
        tags,
        summary: 'Import a roster (CSV or XLSX, multipart field "file"); all rows or none',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'people.import');
      const file = await req.file();
      if (!file) throw badRequest('upload a file in the multipart field "file"', [{ field: 'file', message: 'missing' }]);
      const data = await file.toBuffer();
      return importRoster(k, actor, file.filename, data, req.query.dryRun === 'true');
    },
  );

  app.get(
    '/api/people/import/template.csv',
    { schema: { tags, summary: 'Roster template (CSV)' } },
    async (req, reply) => {
      requirePermission(req, 'people.import');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="roster-template.csv"')
        .send(`\ufeff${rosterTemplateCsv()}\n`);
    },
  );
}
