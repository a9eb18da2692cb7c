/**
 * The manager's words per list — banned categories, the whitelist, sentiment words — on top of the
 * shipped lexicons: add several at once (one per line), remove one by closing its tag. Every change
 * re-inspects history in the background.
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Space, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  LEXICON_LISTS,
  type LexiconList,
  type LexiconWordOut,
} from '../../../../server/modules/qa/qa.lexicons.schema.ts';
import { useAddWords, useRemoveWord } from '../../../api/qa-inspection.ts';
import { useT, type MessageKey } from '../../../locales/index.tsx';

const LIST: Record<LexiconList, MessageKey> = {
  rude: 'qaInspection.category.rude',
  promise: 'qaInspection.category.promise',
  privacy: 'qaInspection.category.privacy',
  off_platform: 'qaInspection.category.off_platform',
  whitelist: 'qaInspection.list.whitelist',
  negative: 'qaInspection.list.negative',
  positive: 'qaInspection.list.positive',
  neutral: 'qaInspection.list.neutral',
};
const HELP: Record<LexiconList, MessageKey> = {
  rude: 'qaInspection.help.banned',
  promise: 'qaInspection.help.banned',
  privacy: 'qaInspection.help.banned',
  off_platform: 'qaInspection.help.banned',
  whitelist: 'qaInspection.help.whitelist',
  negative: 'qaInspection.help.sentiment',
  positive: 'qaInspection.help.sentiment',
  neutral: 'qaInspection.help.neutral',
};

function ListPane({ list, words, shipped }: { list: LexiconList; words: LexiconWordOut[]; shipped: number }) {
  const { t } = useT();
  const { message, modal } = App.useApp();
  const [text, setText] = useState('');
  const add = useAddWords();
  const remove = useRemoveWord();
  const lines = text
    .split(/\r?\n/)
    .map((w) => w.trim())
    .filter(Boolean);

  const submit = () =>
    add.mutate(
      { list, words: lines },
      {
        onSuccess: (r) => {
          setText('');
          void message.success(
            t('qaInspection.lexicon.addedResult', { added: r.added.length, skipped: r.skipped.length }),
          );
        },
      },
    );
  const confirmRemove = (w: LexiconWordOut) =>
    modal.confirm({
      title: t('qaInspection.lexicon.removeConfirm', { word: w.word }),
      onOk: () => remove.mutateAsync(w.id),
    });

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t(HELP[list])} {t('qaInspection.lexicon.shipped', { n: shipped })}
      </Typography.Text>
      {words.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('qaInspection.lexicon.noAdded')} />
      ) : (
        <Flex wrap gap={6} data-testid={`lexicon-words-${list}`}>
          {words.map((w) => (
            <Tag
              key={w.id}
              closable
              color={
                list === 'whitelist' ? 'green' : list === 'positive' ? 'cyan' : list === 'neutral' ? 'default' : 'red'
              }
              onClose={(e) => {
                e.preventDefault();
                confirmRemove(w);
              }}
            >
              {w.word}
            </Tag>
          ))}
        </Flex>
      )}
      <Input.TextArea
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('qaInspection.lexicon.addPlaceholder')}
        data-testid="lexicon-input"
      />
      <Button
        type="primary"
        icon={<PlusOutlined />}
        disabled={lines.length === 0 || lines.some((l) => l.length > 40)}
        loading={add.isPending}
        onClick={submit}
        data-testid="lexicon-add"
      >
        {t('qaInspection.lexicon.add')}
      </Button>
    </Space>
  );
}

/** One tab per list with the words added to it. */
export function WordLists({ words, shipped }: { words: LexiconWordOut[]; shipped: Record<LexiconList, number> }) {
  const { t } = useT();
  return (
    <Card size="small" title={t('qaInspection.lexicon.title')}>
      <Tabs
        items={LEXICON_LISTS.map((list) => {
          const mine = words.filter((w) => w.list === list);
          return {
            key: list,
            label: mine.length ? `${t(LIST[list])} (${mine.length})` : t(LIST[list]),
            children: <ListPane list={list} words={mine} shipped={shipped[list] ?? 0} />,
          };
        })}
      />
    </Card>
  );
}
