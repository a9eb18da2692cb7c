/**
 * Form validation from the server's own zod schemas, with messages in the console's language:
 * `rules={[zodRule(PersonCreate.shape.login, t)]}`. The server checks again; this only saves a
 * round trip and says what is wrong next to the field.
 */
import type { FormRule } from 'antd';
import type { z } from 'zod';
import type { Translate } from '../locales/index.tsx';

type Issue = z.core.$ZodIssue;

/** A message in the console's language for the first thing zod found wrong. */
export function issueMessage(issue: Issue, t: Translate): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? t('form.required') : t('form.tooShort', { min: Number(issue.minimum) });
      return t('form.invalid');
    case 'too_big':
      if (issue.origin === 'string') return t('form.tooLong', { max: Number(issue.maximum) });
      return t('form.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('form.invalidEmail') : t('form.invalidFormat');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? t('form.required') : t('form.invalid');
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'unrecognized_keys':
    case 'custom':
      return t('form.invalid');
  }
}

/**
 * An antd rule that runs `schema` on the field's value. An empty field is left to the
 * `required` rule (so "required" is said once), unless `emptyAs` says what empty means to the
 * API (e.g. null for an optional name) — then that value is checked.
 */
export function zodRule(schema: z.ZodType, t: Translate, opts: { emptyAs?: null | '' } = {}): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const empty = value === '' || value === undefined || value === null;
      if (empty && !('emptyAs' in opts)) return;
      const result = schema.safeParse(empty ? opts.emptyAs : value);
      if (!result.success) throw new Error(issueMessage(result.error.issues[0], t));
    },
  };
}
