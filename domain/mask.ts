/**
 * Masking of customer personal data (SPEC NF-2): phone numbers keep their first 3 and last 4
 * digits (138****5678), e-mail keeps the first character of the local part, addresses keep
 * the first 6 characters (province/city).
 */

/** 13812345678 → 138****5678; short numbers keep only the last 2 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length === 0) return '';
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** zhang.san@example.com → z***@example.com */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** 浙江省杭州市西湖区文三路 90 号 → 浙江省杭州市****** */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 6 ? '*'.repeat(chars.length) : `${chars.slice(0, 6).join('')}******`;
}

/** Phone numbers appearing inside free text (chat messages) are masked in place. */
export function maskPhonesInText(text: string): string {
  return text.replace(/(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g, '$1****$3');
}
