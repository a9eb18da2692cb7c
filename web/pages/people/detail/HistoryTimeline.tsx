/** The employment history (任职履历): appended entries, never overwritten, newest first. */
import { Empty, Timeline, Typography } from 'antd';
import { LEVELS, ROLES, STATUSES, type Level } from '../../../../domain/org.ts';
import type { EmploymentEvent } from '../../../../server/modules/people/people.schema.ts';
import type { Directory } from '../../../components/useDirectory.ts';
import { useT, type I18n } from '../../../locales/index.tsx';

const COLOR: Record<EmploymentEvent['kind'], string> = {
  joined: 'green',
  rejoined: 'green',
  returned: 'blue',
  leave_started: 'orange',
  left: 'gray',
  moved: 'blue',
  level_changed: 'purple',
  role_changed: 'purple',
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const isOf = <T extends string>(values: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (values as readonly string[]).includes(v);

/** "A → B" lines from what the server recorded with the entry. */
function describe(e: EmploymentEvent, i18n: I18n, dir: Directory): string[] {
  const { t, label, localName } = i18n;
  const d = e.detail ?? {};
  const none = t('common.none');
  const groupName = (id: unknown) => {
    const g = dir.group(str(id));
    return g ? localName(g) : none;
  };
  const deptName = (id: unknown) => {
    const x = dir.department(str(id));
    return x ? localName(x) : none;
  };
  const levelText = (l: unknown, star: unknown) =>
    isOf<Level>(LEVELS, l)
      ? `${label('level', l)}${l === 'star' && typeof star === 'number' ? ` ${'★'.repeat(star)}` : ''}`
      : none;
  const lines: string[] = [];
  switch (e.kind) {
    case 'joined':
      if (d.groupId) lines.push(`${t('people.group')}: ${groupName(d.groupId)}`);
      if (isOf(ROLES, d.role)) lines.push(`${t('people.role')}: ${label('role', d.role)}`);
      if (d.level) lines.push(`${t('people.level')}: ${levelText(d.level, d.star)}`);
      break;
    case 'moved':
      if (d.fromDepartmentId !== d.toDepartmentId)
        lines.push(`${t('people.department')}: ${deptName(d.fromDepartmentId)} → ${deptName(d.toDepartmentId)}`);
      if (d.fromGroupId !== d.toGroupId)
        lines.push(`${t('people.group')}: ${groupName(d.fromGroupId)} → ${groupName(d.toGroupId)}`);
      break;
    case 'level_changed':
      lines.push(`${t('people.level')}: ${levelText(d.from, d.fromStar)} → ${levelText(d.to, d.toStar)}`);
      break;
    case 'role_changed':
      if (isOf(ROLES, d.from) && isOf(ROLES, d.to))
        lines.push(`${t('people.role')}: ${label('role', d.from)} → ${label('role', d.to)}`);
      break;
    case 'left':
    case 'leave_started':
    case 'returned':
    case 'rejoined':
      if (isOf(STATUSES, d.from) && isOf(STATUSES, d.to))
        lines.push(`${t('people.status')}: ${label('status', d.from)} → ${label('status', d.to)}`);
      break;
  }
  const note = str(d.note);
  if (note) lines.push(t('people.historyNote', { note }));
  return lines;
}

export function HistoryTimeline({ history, dir }: { history: EmploymentEvent[]; dir: Directory }) {
  const i18n = useT();
  if (history.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={i18n.t('people.noHistory')} />;
  const ordered = [...history].sort(
    (a, b) => b.onDate.localeCompare(a.onDate) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <Timeline
      data-testid="history"
      items={ordered.map((e) => ({
        key: e.id,
        color: COLOR[e.kind],
        children: (
          <div>
            <Typography.Text strong>{i18n.label('eventKind', e.kind)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {e.onDate}
            </Typography.Text>
            {describe(e, i18n, dir).map((line) => (
              <div key={line}>
                <Typography.Text type="secondary">{line}</Typography.Text>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
