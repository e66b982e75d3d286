// The API's refusals (unknown method, arguments that fail validation or nest too deep) carry a
// message code with values beside the English text, so the interface says them in its language;
// the English catalogue entry gives back exactly the English text the CLI and logs show.
import { describe, expect, it } from 'vitest';
import { dispatch, MAX_INPUT_DEPTH } from '../../../src/main/services/dispatch.js';
import type { PlenaryApi } from '../../../src/shared/api.js';
import { translate } from '../../../src/shared/i18n/index.js';

// Never reached: every call below is refused before a service runs.
const api = {} as PlenaryApi;

async function refusal(method: string, raw: unknown) {
  const r = await dispatch(api, method, raw);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error;
}

describe('dispatch refusals are coded messages', () => {
  it('an unknown method, a missing field and a too deep argument: English as before, French and Spanish from the code', async () => {
    const unknown = await refusal('drafts.explode', {});
    expect(unknown).toEqual({ code: 'UNKNOWN_METHOD', message: 'Unknown API method: drafts.explode', msg: { code: 'api.unknownMethod', values: { method: 'drafts.explode' } } });
    expect(translate('fr', `errors.${unknown.msg!.code}`, unknown.msg!.values)).toBe('Méthode d’API inconnue\u00a0: drafts.explode');

    const field = await refusal('drafts.open', { path: 42 });
    expect(field.code).toBe('BAD_INPUT');
    expect(field.message).toMatch(/^Invalid arguments for drafts\.open: path: /);
    expect(field.msg).toMatchObject({ code: 'api.invalidField', values: { method: 'drafts.open', field: 'path' } });
    expect(translate('es', `errors.${field.msg!.code}`, field.msg!.values)).toMatch(/^Argumentos no válidos para drafts\.open: path: /);

    let deep: unknown = 'x';
    for (let k = 0; k <= MAX_INPUT_DEPTH; k++) deep = [deep];
    const nested = await refusal('drafts.open', { path: deep });
    expect(nested.msg).toEqual({ code: 'api.tooDeep', values: { method: 'drafts.open', depth: MAX_INPUT_DEPTH } });

    for (const e of [unknown, field, nested]) expect(translate('en', `errors.${e.msg!.code}`, e.msg!.values)).toBe(e.message);
    expect(translate('fr', 'errors.api.tooDeep', nested.msg!.values)).toBe(`Arguments non valides pour drafts.open\u00a0: plus de ${MAX_INPUT_DEPTH}\u00a0niveaux d’imbrication.`);
  });
});
