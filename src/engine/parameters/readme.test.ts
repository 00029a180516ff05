import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rebuildFrom } from '../changeSummary';
import { defaultConfig, type ExplorerConfig, effectOf } from '../config';
import { formatNumber } from '../messages';
import {
  choiceParameterNames,
  choiceParameters,
  type Effect,
  type ParameterName,
  parameterNames,
  parameters,
  withParameter,
} from '.';

// The README's parameter table is the registry's: this test writes the table from the registry and
// compares. When a parameter changes, paste the expected table between the README's markers.

const README = new URL('../../../README.md', import.meta.url);
const START = '<!-- parameter table: from src/engine/parameters, checked by readme.test.ts -->';
const END = '<!-- end of parameter table -->';

const effectWords = (effect: Effect | null) =>
  effect === null ? 'none' : effect === 'live' ? 'applied live' : rebuildFrom[effect];

/** The effect on the default configuration, then where another choice changes it: "…; none when dataset is csv". */
function effectCell(name: ParameterName): string {
  const usual = effectOf(name, defaultConfig);
  const exceptions = new Map<string, string[]>();
  for (const other of choiceParameterNames) {
    for (const value of choiceParameters[other].values) {
      const effect = effectOf(name, withParameter(defaultConfig, other, value));
      if (effect === usual) continue;
      const when = `${effectWords(effect)} when ${other} is`;
      exceptions.set(when, [...(exceptions.get(when) ?? []), value]);
    }
  }
  const cases = [...exceptions].map(([when, values]) => `${when} ${values.join(' or ')}`);
  return [effectWords(usual), ...cases].join('; ');
}

function valuesCell(name: ParameterName): string {
  const parameter = parameters[name];
  const omitted = parameter.linkOmitsDefault ? ' (in a link only when not the default)' : '';
  if (parameter.type === 'choice') return `${parameter.values.join(', ')}${omitted}`;
  if (parameter.type === 'boolean') return `0 or 1${omitted}`;
  const whole = parameter.type === 'integer' ? ', whole' : '';
  return `${formatNumber(parameter.min)}–${formatNumber(parameter.max)}${whole}${omitted}`;
}

function defaultCell(value: ExplorerConfig[ParameterName]): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return value;
}

function umapLearnCell(name: ParameterName): string {
  const { umapLearn } = parameters[name];
  return 'keyword' in umapLearn ? `\`${umapLearn.keyword}\`` : `none: ${umapLearn.none}`;
}

/** The table as markdown, columns padded to their widest cell. */
function parameterTable(): string {
  const header = ['key', 'control', 'values', 'default', 'a change', 'umap-learn', 'what it does'];
  const rows = parameterNames.map((name) => [
    `\`${parameters[name].key}\``,
    parameters[name].label,
    valuesCell(name),
    defaultCell(defaultConfig[name]),
    effectCell(name),
    umapLearnCell(name),
    parameters[name].help,
  ]);
  // Columns as they display (Biome pads them so): a combining mark (the bar of Z̄) takes no width.
  const width = (cell: string) => cell.replace(/\p{M}/gu, '').length;
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => width(row[column]))));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell + ' '.repeat(widths[column] - width(cell))).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

describe("README's parameter table", () => {
  it('is the registry’s', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, `README.md needs the markers ${START} and ${END}`).toBeGreaterThan(-1);
    expect(readme.slice(start + START.length, end).trim()).toBe(parameterTable());
  });
});
