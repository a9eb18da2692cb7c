import { describe, expect, it } from 'vitest';
import { agent, autoReply, bot, buildConversation, customer, handoff, sh, type Step } from '../../metrics/factories.ts';
import { compileLexicons, inspectConversation, inspectionSettings, type InspectionSettings } from './index.ts';

const lexicons = compileLexicons();
const say = (step: Step, text: string): Step => ({ ...step, text });
const inspect = (steps: Step[], settings?: Partial<InspectionSettings>, context = {}) =>
  inspectConversation(buildConversation(steps), lexicons, inspectionSettings(settings), context);

describe('inspectConversation', () => {
  it('alerts when the customer’s negative words exceed 3 % of the conversation', () => {
    const r = inspect([
      say(customer('10:00'), '收到的衣服有破洞，太失望了'),
      say(agent('a1', '10:01'), '亲，非常抱歉，麻烦您拍一下照片，我马上为您处理'),
    ]);
    expect(r.negativeWords).toBe(2);
    expect(r.words).toBe(8 + 13);
    expect(r.negativeShare).toBeCloseTo(2 / 21);
    expect(r.alerts).toEqual([
      { kind: 'negative_share', messageIndex: 0, messageId: 'm1', at: sh('10:00'), negativeShare: 2 / 21 },
    ]);
    expect(r.findings[0].sentiment?.label).toBe('negative');
  });

  it('raises no negative-share alert at or below the threshold', () => {
    const r = inspect(
      [say(customer('10:00'), '有点慢'), say(agent('a1', '10:01'), '亲，让您久等了，包裹已经到转运中心了')],
      { negativeShareThreshold: 0.5 },
    );
    expect(r.negativeShare).toBeGreaterThan(0);
    expect(r.alerts).toEqual([]);
  });

  it('counts only the customer’s words in the customer scope', () => {
    const steps = [say(customer('10:00'), '太慢了'), say(agent('a1', '10:01'), '亲，非常抱歉让您久等了，今天一定发出')];
    expect(inspect(steps).words).toBeGreaterThan(inspect(steps, { negativeShareScope: 'customer' }).words);
  });

  it('checks agent messages and auto replies for banned words, not the customer’s', () => {
    const r = inspect([
      say(customer('10:00'), '能加我微信吗'),
      say(autoReply('a1', '10:00'), '亲，绝对正品哦'),
      say(agent('a1', '10:01'), '自己看物流'),
    ]);
    expect(r.bannedHits).toBe(2);
    expect(r.bannedByCategory).toEqual({ rude: 1, promise: 1, privacy: 0, off_platform: 0 });
    expect(r.alerts.filter((a) => a.kind === 'banned_word').map((a) => [a.messageId, a.categories])).toEqual([
      ['m2', ['promise']],
      ['m3', ['rude']],
    ]);
  });

  it('alerts on a wait longer than the setting between a customer message and the next real reply', () => {
    const steps = [
      say(customer('10:00'), '什么时候发货？'),
      say(autoReply('a1', '10:00'), '客服稍后回复您'),
      say(agent('a1', '10:06'), '今天发'),
    ];
    const r = inspect(steps);
    expect(r.longestWaitS).toBe(360);
    expect(r.alerts).toEqual([{ kind: 'long_wait', messageIndex: 0, messageId: 'm1', at: sh('10:00'), waitS: 360 }]);
    expect(inspect(steps, { longWaitS: 400 }).alerts).toEqual([]);
    expect(inspect(steps, {}, { inServiceHours: () => false }).alerts).toEqual([]);
  });

  it('reports a customer left without a reply, and an open wait when live', () => {
    const steps = [
      say(customer('10:00'), '在吗'),
      say(agent('a1', '10:01'), '在的'),
      say(customer('10:02'), '能便宜点吗？'),
    ];
    const r = inspect(steps);
    expect(r.unanswered).toEqual({ messageIndex: 2, messageId: 'm3', since: sh('10:02') });
    const live = inspect(steps, {}, { now: sh('10:12') });
    expect(live.longWaits).toEqual([{ messageIndex: 2, replyIndex: null, waitS: 600 }]);
  });

  it('does not call a closing thanks unanswered', () => {
    const r = inspect([
      say(customer('10:00'), '退款到了吗？'),
      say(agent('a1', '10:01'), '到了'),
      say(customer('10:02'), '好的谢谢'),
    ]);
    expect(r.unanswered).toBeNull();
  });

  it('counts bot answers as replies until a human joins', () => {
    const r = inspect([
      say(customer('10:00'), '发什么快递？'),
      say(bot('10:00'), '默认中通'),
      say(customer('10:01'), '转人工'),
      handoff('a1', '10:01'),
      say(bot('10:01'), '已为您转接'),
      say(agent('a1', '10:03'), '您好'),
    ]);
    expect(r.longestWaitS).toBe(120);
    expect(r.unanswered).toBeNull();
  });

  it('finds a question asked again after an answer', () => {
    const r = inspect([
      say(customer('10:00'), '快递到哪了？'),
      say(agent('a1', '10:01'), '在路上'),
      say(customer('10:05'), '我的快递到哪了？'),
      say(agent('a1', '10:06'), '明天到'),
    ]);
    expect(r.repeatedQuestions).toEqual([{ messageIndex: 2, repeatsIndex: 0, similarity: 4 / 6 }]);
  });

  it('finds a long question asked again, sorting its bigrams the long way too', () => {
    // over 64 kept characters: the bigrams are sorted by the typed-array sort, not the insertion sort
    const long =
      '请问一下我上周三在你们店里买的那台空气净化器到底什么时候能发货呀我已经等了整整一个星期了还没有任何物流信息能帮我查一下吗谢谢客服小姐姐辛苦了';
    const r = inspect([
      say(customer('10:00'), long),
      say(agent('a1', '10:01'), '在查'),
      say(customer('10:05'), `${long}？？`),
    ]);
    expect(r.repeatedQuestions).toEqual([{ messageIndex: 2, repeatsIndex: 0, similarity: 1 }]);
  });

  it('does not call a question sent twice before any answer a repeat', () => {
    const r = inspect([say(customer('10:00'), '快递到哪了？'), say(customer('10:01'), '快递到哪了？？')]);
    expect(r.repeatedQuestions).toEqual([]);
  });

  it('says the conversation ended upset when the last customer messages are negative', () => {
    const upset = inspect([
      say(customer('10:00'), '衣服质量太差了'),
      say(agent('a1', '10:01'), '规定就是这样'),
      say(customer('10:02'), '行吧'),
    ]);
    expect(upset.endedUpset).toBe(true);
    const calmed = inspect([
      say(customer('10:00'), '太差了'),
      say(agent('a1', '10:01'), '马上处理'),
      say(customer('10:02'), '好的谢谢'),
    ]);
    expect(calmed.endedUpset).toBe(false);
    expect(calmed.sentimentIndex).toBe(0);
  });

  it('reads messages in time order whatever the input order', () => {
    const steps = [say(agent('a1', '10:07'), '今天发'), say(customer('10:00'), '什么时候发货？')];
    const r = inspect(steps);
    expect(r.longWaits).toEqual([{ messageIndex: 1, replyIndex: 0, waitS: 420 }]);
  });

  it('returns an empty inspection for an empty conversation', () => {
    const r = inspectConversation([], lexicons);
    expect(r).toMatchObject({ conversationId: '', bannedHits: 0, negativeShare: 0, alerts: [], unanswered: null });
  });
});

describe('inspectionSettings', () => {
  it('refuses nonsense', () => {
    expect(() => inspectionSettings({ negativeShareThreshold: 2 })).toThrow(RangeError);
    expect(() => inspectionSettings({ bannedSenders: ['robot' as 'bot'] })).toThrow(RangeError);
    expect(inspectionSettings().negativeShareThreshold).toBe(0.03);
  });
});
