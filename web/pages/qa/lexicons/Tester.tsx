/** The lexicon tester: type what a customer or an agent might write and see what inspection marks in it. */
import { useState } from 'react';
import { Button, Card, Flex, Input, Radio, Space, Tag, Typography } from 'antd';
import { usePreview } from '../../../api/qa-inspection.ts';
import { useT, type MessageKey } from '../../../locales/index.tsx';
import { HighlightedText } from '../../kpi/conversation/HighlightedText.tsx';
import { categoryKey } from '../alerts/alertText.ts';

const LABEL: Record<'negative' | 'neutral' | 'positive', MessageKey> = {
  negative: 'qaInspection.sentiment.negative',
  neutral: 'qaInspection.sentiment.neutral',
  positive: 'qaInspection.sentiment.positive',
};

/** A text box whose text is inspected under the lexicons in force. */
export function Tester() {
  const { t } = useT();
  const [text, setText] = useState('');
  const [sender, setSender] = useState<'customer' | 'agent'>('agent');
  const preview = usePreview();
  const r = preview.data;
  const tried = preview.variables?.text ?? '';

  return (
    <Card size="small" title={t('qaInspection.tester.title')}>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Radio.Group value={sender} onChange={(e) => setSender(e.target.value as 'customer' | 'agent')}>
          <Radio value="agent">{t('qaInspection.tester.agent')}</Radio>
          <Radio value="customer">{t('qaInspection.tester.customer')}</Radio>
        </Radio.Group>
        <Input.TextArea
          rows={2}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('qaInspection.tester.placeholder')}
          data-testid="tester-input"
        />
        <Button disabled={!text.trim()} loading={preview.isPending} onClick={() => preview.mutate({ text, sender })}>
          {t('qaInspection.tester.run')}
        </Button>
        {r ? (
          <div data-testid="tester-result">
            <Typography.Paragraph style={{ background: '#fafafa', padding: 8, borderRadius: 6, margin: 0 }}>
              <HighlightedText text={tried} finding={r} />
            </Typography.Paragraph>
            <Flex gap={6} wrap style={{ marginTop: 8 }}>
              {r.banned.map((h) => (
                <Tag key={h.start} color="red">
                  {t(categoryKey(h.category))}: {tried.slice(h.start, h.end)}
                </Tag>
              ))}
              {r.sentiment ? (
                <Tag
                  color={
                    r.sentiment.label === 'negative' ? 'orange' : r.sentiment.label === 'positive' ? 'green' : 'default'
                  }
                >
                  {t('qaInspection.tester.sentiment', {
                    label: t(LABEL[r.sentiment.label]),
                    score: r.sentiment.score.toFixed(1),
                  })}
                </Tag>
              ) : null}
              {r.banned.length === 0 && !r.sentiment?.terms.length ? (
                <Typography.Text type="secondary">{t('qaInspection.tester.nothing')}</Typography.Text>
              ) : null}
            </Flex>
          </div>
        ) : null}
      </Space>
    </Card>
  );
}
