import { VcfFault } from './errors.ts';

/** One key=value pair of a structured meta line (`##INFO=<ID=DP,Number=1,…>`). */
export interface MetaPair {
  key: string;
  value: string;
  /** The value was written in double quotes (Description must be). */
  quoted: boolean;
  /** The value was a `[a, b]` list (META Values must be). */
  bracketed: boolean;
}

/**
 * Splits the inside of `<…>` into pairs. Quoted values may hold commas and `\"` / `\\` escapes;
 * `[…]` lists may hold commas and spaces; a bare value runs to the next comma and may not hold
 * whitespace — a value with spaces has to be quoted, else "A B" reads as two broken pairs.
 */
export function parseStructured(body: string, field: string): MetaPair[] {
  const pairs: MetaPair[] = [];
  const n = body.length;
  let i = 0;
  while (i < n) {
    const eq = body.indexOf('=', i);
    const comma = body.indexOf(',', i);
    if (eq < 0 || (comma >= 0 && comma < eq)) {
      const text = body.slice(i, comma >= 0 ? comma : n);
      throw new VcfFault(field, `"${text}" is not a key=value pair`);
    }
    const key = body.slice(i, eq);
    if (key.length === 0 || /\s/.test(key)) throw new VcfFault(field, `illegal key "${key}"`);
    if (pairs.some((pair) => pair.key === key)) throw new VcfFault(field, `key ${key} appears twice`);
    let j = eq + 1;
    const pair: MetaPair = { key, value: '', quoted: false, bracketed: false };
    if (body[j] === '"') {
      let value = '';
      for (j++; j < n && body[j] !== '"'; j++) {
        if (body[j] === '\\' && (body[j + 1] === '"' || body[j + 1] === '\\')) j++;
        value += body[j];
      }
      if (j >= n) throw new VcfFault(field, `${key}: the quoted value has no closing quote`);
      pair.value = value;
      pair.quoted = true;
      j++;
    } else if (body[j] === '[') {
      const close = body.indexOf(']', j);
      if (close < 0) throw new VcfFault(field, `${key}: the [ list has no closing ]`);
      pair.value = body.slice(j, close + 1);
      pair.bracketed = true;
      j = close + 1;
    } else {
      const end = body.indexOf(',', j);
      pair.value = body.slice(j, end < 0 ? n : end);
      j = end < 0 ? n : end;
      if (pair.value.length === 0) throw new VcfFault(field, `${key} has an empty value`);
      if (/\s/.test(pair.value)) {
        throw new VcfFault(field, `${key}: value "${pair.value}" contains whitespace and is not quoted`);
      }
    }
    if (j < n && body[j] !== ',') {
      throw new VcfFault(field, `${key}: unexpected text after the value: "${body.slice(j)}"`);
    }
    if (j === n - 1) throw new VcfFault(field, 'trailing comma');
    pairs.push(pair);
    i = j + 1;
  }
  return pairs;
}

const URL_SHAPE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([^:/\s]*)(?::(\d+))?(?:\/\S*)?$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * A URL as ##assembly and ##pedigreeDB require: scheme://[user@]host[:port][/path]. The host is
 * a dotted IPv4 address or a DNS name whose top label is not all digits (RFC 1123 §2.1), so
 * `ftp://8080:8080/…` is refused; only file:// may omit the host.
 */
export function isUrl(text: string): boolean {
  const shape = URL_SHAPE.exec(text);
  if (!shape) return false;
  const host = shape[1] ?? '';
  if (host === '') return text.toLowerCase().startsWith('file://');
  const ip = IPV4.exec(host);
  if (ip) return ip.slice(1).every((octet) => Number(octet) <= 255);
  const labels = host.split('.');
  return labels.every((label) => HOST_LABEL.test(label)) && !/^\d+$/.test(labels[labels.length - 1] ?? '');
}
