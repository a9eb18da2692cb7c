/** How a scorecard version is named in lists: "默认质检表 · v1" (its id until the list has loaded). */
import { useScorecards } from '../../api/qa.ts';
import { useT } from '../../locales/index.tsx';
import { bi } from './text.ts';

export function useCardName(): (id: string, version: number) => string {
  const { locale } = useT();
  const cards = useScorecards();
  return (id, version) => {
    const card = cards.data?.find((c) => c.id === id && c.version === version);
    return `${card ? bi(card.name, locale) : id} · v${version}`;
  };
}
