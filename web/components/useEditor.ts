import { useState } from 'react';

/** Which record a create/edit dialog is open for: `{}` for a new one, `{ id, values }` to edit. */
export function useEditor<T>() {
  const [state, setState] = useState<{ id?: string; values?: T } | null>(null);
  return {
    open: state !== null,
    id: state?.id,
    values: state?.values,
    create: () => setState({}),
    edit: (id: string, values: T) => setState({ id, values }),
    close: () => setState(null),
  };
}
