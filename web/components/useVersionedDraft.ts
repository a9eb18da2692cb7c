/**
 * The draft of one stored version of a versioned definition (an appraisal scheme, a QA
 * scorecard): which stored row the URL names, the latest version of its family, whether the
 * page starts a new family (`?copy=1`: id, version and name cleared), and the editable draft,
 * reset whenever the stored version changes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

interface Stored {
  id: string;
  version: number;
}

interface Definition {
  id: string;
  version: number;
  name: { zh: string; en: string };
}

export function useVersionedDraft<S extends Stored, D extends Definition>(
  rows: readonly S[] | undefined,
  id: string,
  version: string,
  toDraft: (row: S) => D,
) {
  const copy = useSearchParams()[0].get('copy') === '1';
  const stored = rows?.find((s) => s.id === id && String(s.version) === version);
  const latest = Math.max(0, ...(rows ?? []).filter((s) => s.id === id).map((s) => s.version));
  // toDraft is a pure parse of the row: the draft depends on the row and the copy flag only
  const parse = useRef(toDraft);
  parse.current = toDraft;
  const initial = useMemo<D | null>(() => {
    if (!stored) return null;
    const d = structuredClone(parse.current(stored));
    return copy ? { ...d, id: '', version: 1, name: { zh: '', en: '' } } : d;
  }, [stored, copy]);
  const [draft, setDraft] = useState<D | null>(initial);
  useEffect(() => setDraft(initial), [initial]);
  return { copy, stored, latest, initial, draft, setDraft };
}
