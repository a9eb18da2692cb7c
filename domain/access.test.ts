import { describe, expect, it } from 'vitest';
import { canReadChatContent, canReadPerson, canWritePerson, assignableRoles, type Actor } from './access.ts';

const actor = (over: Partial<Actor>): Actor => ({ id: 'me', role: 'agent', departmentId: 'd1', groupId: 'g1', ledGroupIds: [], ...over });
const place = (personId: string, groupId: string | null, departmentId: string | null) => ({ personId, groupId, departmentId });

describe('read scope', () => {
  it.each([
    ['an agent reads their own record', actor({}), place('me', 'g1', 'd1'), true],
    ['an agent never reads a colleague in the same group', actor({}), place('other', 'g1', 'd1'), false],
    ['a lead reads their group', actor({ role: 'lead', ledGroupIds: ['g1'] }), place('other', 'g1', 'd1'), true],
    ['a lead does not read another group', actor({ role: 'lead', ledGroupIds: ['g1'] }), place('other', 'g2', 'd1'), false],
    ['a supervisor reads their department', actor({ role: 'supervisor', groupId: null }), place('x', 'g9', 'd1'), true],
    ['a supervisor does not read another department', actor({ role: 'supervisor' }), place('x', 'g9', 'd2'), false],
    ['a supervisor without a department reads nobody else', actor({ role: 'supervisor', departmentId: null }), place('x', null, null), false],
    ['a manager reads everyone', actor({ role: 'manager' }), place('x', 'g9', 'd9'), true],
    ['HR reads everyone', actor({ role: 'hr' }), place('x', 'g9', 'd9'), true],
  ])('%s', (_name, a, p, expected) => {
    expect(canReadPerson(a, p)).toBe(expected);
  });

  it('keeps chat content from HR unless granted', () => {
    const hr = actor({ role: 'hr' });
    expect(canReadChatContent(hr, place('x', 'g1', 'd1'))).toBe(false);
    expect(canReadChatContent(hr, place('x', 'g1', 'd1'), true)).toBe(true);
  });
});

describe('writes', () => {
  it('lets a supervisor change people of their own department only', () => {
    const s = actor({ role: 'supervisor' });
    expect(canWritePerson(s, place('x', 'g1', 'd1'))).toBe(true);
    expect(canWritePerson(s, place('x', 'g2', 'd2'))).toBe(false);
  });

  it('never lets anyone hand out a role above their own', () => {
    expect(assignableRoles(actor({ role: 'supervisor' }))).toEqual(['agent', 'lead']);
    expect(assignableRoles(actor({ role: 'manager' }))).not.toContain('admin');
    expect(assignableRoles(actor({ role: 'lead' }))).toEqual([]);
  });
});
