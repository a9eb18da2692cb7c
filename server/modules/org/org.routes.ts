import { z } from 'zod';
import { canManageOrganisation } from '../../../domain/access.ts';
import { requireActor, type App, type RouteDeps } from '../../http.ts';
import { forbidden } from '../../lib/errors.ts';
import { ApiError } from '../auth/auth.schema.ts';
import type { OrgTable } from './org.repository.ts';
import { createEntity, listEntities, updateEntity } from './org.service.ts';
import { Channel, ChannelInput, Department, DepartmentInput, Group, GroupInput, IdParams, Shop, ShopInput } from './org.schema.ts';

const ENTITIES: { table: OrgTable; item: z.ZodType; input: z.ZodObject; label: string }[] = [
  { table: 'departments', item: Department, input: DepartmentInput, label: 'departments' },
  { table: 'groups', item: Group, input: GroupInput, label: 'groups (售前组, 售后组, 疑难投诉组, 基础咨询组 …)' },
  { table: 'shops', item: Shop, input: ShopInput, label: 'shops (name + platform)' },
  { table: 'channels', item: Channel, input: ChannelInput, label: 'channels (chat, phone, ticket, email, video)' },
];

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/**
 * Departments, groups, shops and channels. Every signed-in person may read them (they are the
 * names the console shows); only managers and admins may change them.
 */
export async function orgRoutes(app: App, { db }: RouteDeps) {
  for (const { table, item, input, label } of ENTITIES) {
    const url = `/api/org/${table}`;
    const tags = ['organisation'];
    app.get(url, { schema: { tags, summary: `List ${label}`, response: { 200: z.array(item), 401: ApiError } } }, async (req) => {
      requireActor(req);
      return listEntities(db.read, table);
    });

    app.post(url, { schema: { tags, summary: `Create one of ${table}`, body: input, response: { 201: item, ...errors } } }, async (req, reply) => {
      const { actor } = requireActor(req);
      if (!canManageOrganisation(actor)) throw forbidden('only managers and admins change the organisation');
      const id = await db.kysely.transaction().execute((trx) => createEntity(trx, actor, table, req.body as Record<string, unknown>));
      const created = (await listEntities(db.kysely, table)).find((e) => e.id === id);
      return reply.code(201).send(created);
    });

    app.patch(
      `${url}/:id`,
      { schema: { tags, summary: `Change one of ${table}`, params: IdParams, body: input.partial(), response: { 200: item, ...errors } } },
      async (req) => {
        const { actor } = requireActor(req);
        if (!canManageOrganisation(actor)) throw forbidden('only managers and admins change the organisation');
        await db.kysely.transaction().execute((trx) => updateEntity(trx, actor, table, req.params.id, req.body as Record<string, unknown>));
        return (await listEntities(db.kysely, table)).find((e) => e.id === req.params.id);
      },
    );
  }
}
