import { describe, expect, it } from 'vitest';
import { createCallbackData, StaleButtonError } from '../../../bot/shared/callback-data.js';

const langData = createCallbackData('lang', { locale: String });
const deleteData = createCallbackData('delete-me', { confirm: Boolean });
const docData = createCallbackData('docDel', { patientId: Number, documentId: Number, confirm: Boolean });

interface Parser {
  unpack(data: string): unknown;
  parse(data: unknown): unknown;
  filter(): RegExp;
}

describe('strict callback data', () => {
  it('what pack made comes back unchanged', () => {
    const packed = docData.pack({ patientId: 12, documentId: 345, confirm: true });
    expect(docData.unpack(packed)).toEqual({ patientId: 12, documentId: 345, confirm: true });
    expect(docData.filter().test(packed)).toBe(true);
    expect(langData.unpack('lang:ru')).toEqual({ locale: 'ru' });
  });

  it.each([
    [langData, 'lang:ru:extra'],
    [langData, 'lang'],
    [deleteData, 'delete-me:1:1'],
    [deleteData, 'delete-me:yes'],
    [docData, 'docDel:1:1abc:2'],
    [docData, 'docDel:1:Infinity:2'],
    [docData, 'docDel:1:1.5:2'],
    [docData, 'docDel:1:1e3:2'],
    [docData, 'docDel:1:01:2'],
    [docData, 'docDel:1:99999999999999999999:2'],
    [docData, 'other:1:1:1'],
  ] as [Parser, string][])('%#: %s is refused by unpack (StaleButtonError), parse and filter', (data, packed) => {
    expect(() => data.unpack(packed)).toThrow(StaleButtonError);
    expect(data.parse(packed)).toBeUndefined();
    expect(data.filter().test(packed)).toBe(false);
    expect(packed.match(data.filter())).toBeNull();
  });

  it('data that is not a string parses to nothing', () => {
    for (const data of [undefined, null, 42, { locale: 'ru' }]) expect(langData.parse(data)).toBeUndefined();
  });

  it('a filter with a clause still matches only its value', () => {
    expect(docData.filter({ confirm: true }).test('docDel:1:2:1')).toBe(true);
    expect(docData.filter({ confirm: true }).test('docDel:0:2:1')).toBe(false);
  });
});
