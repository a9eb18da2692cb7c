/** How people's role, level, status and new-hire flag look everywhere in the console. */
import { Rate, Space, Tag } from 'antd';
import type { Level, Role, Status } from '../../domain/org.ts';
import { useT } from '../locales/index.tsx';

const STATUS_COLOR: Record<Status, string> = { active: 'green', on_leave: 'orange', left: 'default' };
const ROLE_COLOR: Record<Role, string> = {
  agent: 'default',
  lead: 'blue',
  supervisor: 'geekblue',
  manager: 'purple',
  hr: 'cyan',
  admin: 'magenta',
};

export function StatusTag({ status }: { status: Status }) {
  const { label } = useT();
  return <Tag color={STATUS_COLOR[status]}>{label('status', status)}</Tag>;
}

export function RoleTag({ role }: { role: Role }) {
  const { label } = useT();
  return <Tag color={ROLE_COLOR[role]}>{label('role', role)}</Tag>;
}

export function NewHireTag() {
  const { t } = useT();
  return <Tag color="gold">{t('people.newHire')}</Tag>;
}

/** 初级 / 资深, or 星级 with its 1–5 stars. */
export function LevelDisplay({ level, star }: { level: Level; star: number | null }) {
  const { label } = useT();
  if (level !== 'star' || !star) return <span>{label('level', level)}</span>;
  return (
    <Space size={4}>
      <span>{label('level', level)}</span>
      <Rate disabled count={5} value={star} style={{ fontSize: 12 }} />
    </Space>
  );
}
