/** Sentences for the drill-down (SPEC DSH-1): each round with its start, end, duration and why it counted. */
import { localEpochMs } from '../time.ts';
import type { RoundFact } from './facts.ts';
import type { MetricSettings } from './settings.ts';

export type ExplainLocale = 'zh-CN' | 'en-US';

function at(ms: number, timeZone: string): string {
  return new Date(localEpochMs(ms, timeZone)).toISOString().slice(0, 19).replace('T', ' ');
}

const OPENED = {
  'zh-CN': { customer: '顾客消息', handoff: '机器人转人工', transfer: '转接' },
  'en-US': { customer: 'a customer message', handoff: 'the hand-off', transfer: 'the transfer' },
} as const;

/** Why a round counted or not, in the console's language, with its times in the organisation zone. */
export function explainRound(round: RoundFact, settings: MetricSettings, locale: ExplainLocale = 'zh-CN'): string {
  const tz = settings.timeZone;
  const hours = `${settings.serviceHours.start}–${settings.serviceHours.end}`;
  const cap = settings.roundCapS;
  const who = round.agentId ?? (locale === 'zh-CN' ? '无人' : 'nobody');
  const opened = `${at(round.openAt, tz)}`;
  const ended = at(round.endAt, tz);
  const by = OPENED[locale][round.openedBy];
  const zh = locale === 'zh-CN';
  const parts: string[] = [zh ? `${opened} 由${by}开启` : `Opened ${opened} by ${by}`];
  if (!round.unanswered) {
    const capped = round.waitS !== null && round.waitS > cap;
    parts.push(
      zh
        ? `${ended} 由 ${who} 回复，等待 ${round.waitS} 秒${capped ? `，按封顶 ${cap} 秒计` : ''}`
        : `answered ${ended} by ${who} after ${round.waitS} s${capped ? `, counted as the ${cap} s cap` : ''}`,
    );
  } else {
    const how = {
      transfer: zh ? `${ended} 未回复即被转接` : `transferred ${ended} before any reply`,
      handoff: zh ? `${ended} 未回复即被转出` : `handed on ${ended} before any reply`,
      close: zh ? `${ended} 会话关闭时仍未回复` : `conversation closed ${ended} without a reply`,
      end: zh ? `截至 ${ended} 一直未回复` : `never answered (data ends ${ended})`,
      reply: '',
    }[round.closedBy];
    parts.push(
      zh
        ? `${how}，记为未回复，按封顶 ${cap} 秒计在 ${who} 名下`
        : `${how}: unanswered, charged to ${who} at the ${cap} s cap`,
    );
  }
  const why = {
    answered: zh ? `计入：在服务时间 ${hours} 内开始` : `Counted: opened inside service hours ${hours}`,
    answered_capped: zh ? `计入：在服务时间 ${hours} 内开始` : `Counted: opened inside service hours ${hours}`,
    unanswered: zh ? `计入：在服务时间 ${hours} 内开始` : `Counted: opened inside service hours ${hours}`,
    outside_service_hours: zh
      ? `不计入：在服务时间 ${hours} 外开始${round.offline ? '（离线消息）' : ''}`
      : `Not counted: opened outside service hours ${hours}${round.offline ? ' (an offline message)' : ''}`,
    closed_day: zh ? `不计入：${round.day} 为非服务日` : `Not counted: ${round.day} is not a service day`,
    no_agent: zh ? '不计入：会话从未分配给客服' : 'Not counted: no agent ever owned the conversation',
  }[round.reason];
  const first = round.isFirst && round.countsForResponse ? (zh ? '（首响）' : ' (first response)') : '';
  return zh ? `${parts.join('；')}。${why}${first}。` : `${parts.join('; ')}. ${why}${first}.`;
}
