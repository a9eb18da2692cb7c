/**
 * Problems said where they are: each row names its place (a link when the place can be opened)
 * and what is wrong there. Used by the scheme and scorecard editors for their own checks and for
 * a server's refusal alike.
 */
import { List, Typography } from 'antd';

export interface PlacedProblem<P> {
  path: P;
  message: string;
}

export function ProblemList<P>({
  problems,
  label,
  onSelect,
  canSelect,
}: {
  problems: PlacedProblem<P>[];
  /** how to name a problem's place */
  label(path: P): string;
  /** opens a problem's place; without it places are plain text */
  onSelect?(path: P): void;
  /** whether a place can be opened (all can when `onSelect` is given and this is not) */
  canSelect?(path: P): boolean;
}) {
  return (
    <List size="small" split={false}>
      {problems.map(({ path, message }, i) => (
        <List.Item key={i} style={{ padding: '2px 0', border: 0 }}>
          <Typography.Text>
            {onSelect && (canSelect?.(path) ?? true) ? (
              <Typography.Link onClick={() => onSelect(path)}>{label(path)}</Typography.Link>
            ) : (
              <Typography.Text strong>{label(path)}</Typography.Text>
            )}
            {' — '}
            {message}
          </Typography.Text>
        </List.Item>
      ))}
    </List>
  );
}
