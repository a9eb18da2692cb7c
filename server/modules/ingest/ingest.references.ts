import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Resolves what files name: agents by login (or person id), shops by id or name. */
export interface References {
  agent(loginOrId: string): string | null;
  shop(idOrName: string): string | null;
}

export async function loadReferences(k: Kysely<Database>): Promise<References> {
  const people = await k.selectFrom('people').select(['id', 'login']).execute();
  const shops = await k.selectFrom('shops').select(['id', 'name']).execute();
  const agents = new Map<string, string>();
  for (const p of people) {
    agents.set(p.id, p.id);
    agents.set(p.login, p.id);
  }
  const shopIds = new Map<string, string>();
  for (const s of shops) {
    shopIds.set(s.id, s.id);
    shopIds.set(s.name, s.id);
  }
  return { agent: (v) => agents.get(v) ?? null, shop: (v) => shopIds.get(v) ?? null };
}
