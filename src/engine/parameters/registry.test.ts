import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { formatParameter, parameterNames, parameters, parseParameter } from '.';

describe('the parameter registry', () => {
  it('gives every parameter its own link key, name and label', () => {
    for (const field of ['key', 'name', 'label'] as const) {
      const values = parameterNames.map((name) => parameters[name][field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
  });

  it.each(parameterNames)(
    '%s: the default is a valid value and its link text reads back as itself',
    (name) => {
      const parameter = parameters[name];
      const value = defaultConfig[name];
      if (parameter.type === 'choice') expect(parameter.values).toContain(value);
      if (parameter.type === 'integer' || parameter.type === 'number') {
        expect(value).toBeGreaterThanOrEqual(parameter.min);
        expect(value).toBeLessThanOrEqual(parameter.max);
      }
      expect(parseParameter(name, formatParameter(name, value))).toBe(value);
    },
  );

  it('reads only what its kind allows', () => {
    expect(parseParameter('n', '0x200')).toBeUndefined();
    expect(parseParameter('n', '250.7')).toBe(250.7); // rounded later, with a notice (configRules.ts)
    expect(parseParameter('metric', 'manhattan')).toBeUndefined();
    expect(parseParameter('pushNegatives', 'yes')).toBeUndefined();
    expect(parseParameter('pushNegatives', '1')).toBe(true);
  });
});
