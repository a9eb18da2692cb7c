/**
 * People, history and roster import against real SQLite and PostgreSQL (SPEC ORG-2, ING-4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Actor } from '../../domain/access.ts';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildSmallOrg, type SmallOrg } from '../support/factories.ts';
import { importRoster } from '../../server/modules/people/roster.import.ts';
import { changeStatus, getPerson, listPeople, updatePerson } from '../../server/modules/people/people.service.ts';
import { HttpError } from '../../server/lib/errors.ts';
import { listAudit } from '../../server/modules/audit/audit.service.ts';

const HEADER = 'login,name,role,level,star,department,group,lead,mentor,shops,hire_date,status,status_date,email,phone';

for (const dialect of DIALECTS) {
  describe(`people on ${dialect}`, () => {
    let db: TestDb | null;
    let org: SmallOrg;
    let admin: Actor;
    let supervisor: Actor;

    beforeAll(async () => {
      db = await createTestDb(dialect);
      if (!db) return;
      org = await buildSmallOrg(db);
      admin = { id: org.people.admin, role: 'admin', departmentId: null, groupId: null, ledGroupIds: [] };
      supervisor = { id: org.people.supervisor, role: 'supervisor', departmentId: org.departments.cs, groupId: null, ledGroupIds: [] };
    });
    afterAll(async () => db?.dispose());

    const count = async () => Number((await db!.kysely.selectFrom('people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('imports a valid roster, with leads and mentors defined later in the same file', async (ctx) => {
      if (!db) return ctx.skip();
      const csv = [
        HEADER,
        'wangfang,王芳,专员,初级,,客服部,售前一组,zhaolei,liuyang,云裳旗舰店;云裳京东店,2026-10-20,在职,,wangfang@example.com,13900000001',
        'liuyang,刘洋,agent,star,4,客服部,售前一组,zhaolei,,云裳旗舰店,2023-05-01,active,,,',
        'zhaolei,赵磊,lead,senior,,客服部,售前一组,,,,2022-01-10,active,,,',
      ].join('\n');
      const result = await importRoster(db.kysely, admin, 'roster.csv', Buffer.from(csv));
      expect(result).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0 });
      const people = await listPeople(db.kysely, admin, { q: 'wangfang' });
      expect(people).toHaveLength(1);
      const wang = people[0];
      expect(wang).toMatchObject({ role: 'agent', level: 'junior', departmentId: org.departments.cs, groupId: org.groups.presale });
      expect(wang.shopIds.sort()).toEqual([org.shops.jd, org.shops.tmall].sort());
      const lead = (await listPeople(db.kysely, admin, { q: 'zhaolei' }))[0];
      const mentor = (await listPeople(db.kysely, admin, { q: 'liuyang' }))[0];
      expect(wang.leadId).toBe(lead.id);
      expect(wang.mentorId).toBe(mentor.id);
      expect(mentor.star).toBe(4);
    });

    it('re-importing the same file changes nothing and says so', async (ctx) => {
      if (!db) return ctx.skip();
      const csv = [
        HEADER,
        'wangfang,王芳,专员,初级,,客服部,售前一组,zhaolei,liuyang,云裳旗舰店;云裳京东店,2026-10-20,在职,,wangfang@example.com,13900000001',
      ].join('\n');
      const before = await count();
      const result = await importRoster(db.kysely, admin, 'roster.csv', Buffer.from(csv));
      expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
      expect(await count()).toBe(before);
    });

    it('rejects the whole file with row and field when one row is bad, writing nothing', async (ctx) => {
      if (!db) return ctx.skip();
      const csv = [
        HEADER,
        'newgood,新人甲,agent,junior,,客服部,售前一组,,,,2026-11-01,active,,,',
        'newbad,新人乙,agent,expert,,客服部,不存在组,,,,2026-13-01,active,,,',
        'newgood,重复,agent,junior,,客服部,售前一组,,,,2026-11-01,active,,,',
      ].join('\n');
      const before = await count();
      const err = await importRoster(db.kysely, admin, 'bad.csv', Buffer.from(csv)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpError);
      const details = (err as HttpError).details!;
      expect(details).toEqual(
        expect.arrayContaining([
          { row: 3, field: 'level', message: expect.stringContaining('expert') },
          { row: 3, field: 'group', message: expect.stringContaining('不存在组') },
          { row: 3, field: 'hire_date', message: expect.stringContaining('2026-13-01') },
          { row: 4, field: 'login', message: 'duplicate of row 2' },
        ]),
      );
      expect((err as HttpError).message).toMatch(/^bad\.csv: \d+ problem\(s\), nothing imported/);
      expect(await count()).toBe(before);
    });

    it('names a missing or unknown column of the header', async (ctx) => {
      if (!db) return ctx.skip();
      const err = (await importRoster(db.kysely, admin, 'x.csv', Buffer.from('login,name,grade\nx,y,z')).catch((e: unknown) => e)) as HttpError;
      expect(err.details).toEqual(
        expect.arrayContaining([
          { row: 1, field: 'role', message: 'required column missing' },
          { row: 1, field: 'grade', message: expect.stringContaining('unknown column') },
        ]),
      );
    });

    it('reads XLSX rosters, dates typed as Excel dates included', async (ctx) => {
      if (!db) return ctx.skip();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('花名册');
      ws.addRow(HEADER.split(','));
      ws.addRow(['chenjing', '陈静', 'agent', 'senior', null, '客服部', '售后一组', 'leadB', null, '云裳京东店', new Date(Date.UTC(2024, 2, 4)), 'active', null, null, null]);
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      const result = await importRoster(db.kysely, admin, 'roster.xlsx', buf);
      expect(result.created).toBe(1);
      const p = (await listPeople(db.kysely, admin, { q: 'chenjing' }))[0];
      expect(p).toMatchObject({ hireDate: '2024-03-04', groupId: org.groups.afterSales, leadId: org.people.leadB });
    });

    it('refuses rows outside the importing supervisor’s department', async (ctx) => {
      if (!db) return ctx.skip();
      const csv = [HEADER, 'intruder,外部,agent,junior,,直播客服部,直播一组,,,,2026-11-01,active,,,'].join('\n');
      const err = (await importRoster(db.kysely, supervisor, 'r.csv', Buffer.from(csv)).catch((e: unknown) => e)) as HttpError;
      expect(err.details?.[0]).toMatchObject({ row: 2, field: 'login', message: expect.stringContaining('outside your department') });
    });

    it('keeps joining, moving and leaving as history instead of overwriting', async (ctx) => {
      if (!db) return ctx.skip();
      const id = org.people.agentA2;
      await updatePerson(db.kysely, admin, id, { groupId: org.groups.afterSales });
      await updatePerson(db.kysely, admin, id, { level: 'star', star: 2 });
      await changeStatus(db.kysely, admin, id, 'on_leave', '2026-10-01', '产假');
      await changeStatus(db.kysely, admin, id, 'left', '2026-11-15');
      const p = await getPerson(db.kysely, admin, id);
      expect(p.status).toBe('left');
      expect(p.statusSince).toBe('2026-11-15');
      // ordered by effective date: the move and promotion are dated today, after the leave dates
      expect(p.history.map((e) => e.kind)).toEqual(['joined', 'leave_started', 'left', 'moved', 'level_changed']);
      expect(p.history.find((e) => e.kind === 'leave_started')?.detail).toMatchObject({ note: '产假' });
      const audit = await listAudit(db.kysely, { entity: 'person', entityId: id, limit: 50 });
      expect(audit.map((a) => a.action)).toEqual(['people.update', 'people.update', 'people.update', 'people.update', 'people.create']);
      expect(audit[0].before).toMatchObject({ status: 'on_leave' });
      expect(audit[0].after).toMatchObject({ status: 'left' });
    });

    it('flags new hires by the new_hire_days setting', async (ctx) => {
      if (!db) return ctx.skip();
      const wang = (await listPeople(db.kysely, admin, { q: 'wangfang' }))[0];
      const liu = (await listPeople(db.kysely, admin, { q: 'liuyang' }))[0];
      expect(wang.newHire).toBe(true); // hired 2026-10-20
      expect(liu.newHire).toBe(false);
    });
  });
}
