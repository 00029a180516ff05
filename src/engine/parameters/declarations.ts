import type { ExplorerConfig } from './registry';

/**
 * What a run parameter declares (registry.ts lists them), and the four kinds of parameter with
 * their text form: how a value is written in a link and read back from one.
 */

/** The pipeline's stages in order (docs/design.md, "Staged pipeline and caching"). */
export type Stage = 'dataset' | 'knn' | 'graph' | 'init' | 'optimizer';
export const stages: readonly Stage[] = ['dataset', 'knn', 'graph', 'init', 'optimizer'];

/**
 * Where a change of a parameter takes effect: the first stage it rebuilds (that stage and every
 * later one), or 'live', taken by the running optimizer without a restart.
 */
export type Effect = Stage | 'live';
/** The effect where it depends on the rest of the configuration; null: no effect on this run. */
export type EffectRule = Effect | ((config: ExplorerConfig) => Stage | null);

/**
 * umap-learn's keyword for a parameter (the UMAP estimator's), or why it has none. `float`: umap-learn
 * documents a float there, so a Python script writes 1.0, not 1.
 */
export type UmapLearnName = { keyword: string; float?: true } | { none: string };

export interface ParameterBase<Value, E extends EffectRule = EffectRule> {
  type: 'integer' | 'number' | 'choice' | 'boolean';
  /** The key in a link (docs/design.md, "URL"); never renamed, so old links keep working. */
  key: string;
  /** How the change notes name it ("k changed: rebuilding the graph"). */
  name: string;
  /** The control's label and accessible name, also the subject of notices; e2e tests find controls by it. */
  label: string;
  /** One sentence on what it does: the control's tooltip. */
  help: string;
  /** A few words always shown under the control, where a glance should tell. */
  hint?: string;
  default: Value;
  effect: E;
  umapLearn: UmapLearnName;
  /** Written to a link only when not the default, so links from before it existed stay as they were. */
  linkOmitsDefault?: true;
  /** A link's text as a value; undefined when the text is not one. */
  parse(text: string): Value | undefined;
  format(value: Value): string;
  /** What a notice says of text `parse` refuses: `k = "0x10" is not a decimal number`. */
  invalid: string;
}

export interface NumberParameter<E extends EffectRule = EffectRule> extends ParameterBase<number, E> {
  type: 'integer' | 'number';
  /** What every way of setting it accepts (controls, links, presets): configRules.ts clamps to it. */
  min: number;
  max: number;
  /** The control is a slider over this range and step (its number field beside it takes min–max)… */
  slider?: { min: number; max: number; step: number };
  /** …or a menu of these values, or else a plain number field. */
  menu?: (config: ExplorerConfig) => readonly number[];
}

export interface ChoiceParameter<Value extends string, E extends EffectRule = EffectRule>
  extends ParameterBase<Value, E> {
  type: 'choice';
  /** Each value and its label in the menu, in menu order. */
  choices: Readonly<Record<Value, string>>;
  values: readonly Value[];
}

export interface BooleanParameter<E extends EffectRule = EffectRule> extends ParameterBase<boolean, E> {
  type: 'boolean';
}

/** What a declaration states; the text form follows from the kind. */
type Declared<P> = Omit<P, 'type' | 'parse' | 'format' | 'invalid'>;

/** Plain decimal notation only: `0x200`, `Infinity` or `1_000` in a hand-written link are mistakes to point out. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const decimalText = {
  parse(text: string): number | undefined {
    const value = Number(text);
    return DECIMAL.test(text.trim()) && Number.isFinite(value) ? value : undefined;
  },
  format: String,
  // Whole numbers are read as any decimal and rounded by configRules.ts, which says so.
  invalid: 'is not a decimal number',
};

export function integerParameter<const E extends EffectRule>(
  declared: Declared<NumberParameter<E>>,
): NumberParameter<E> {
  return { ...declared, type: 'integer', ...decimalText };
}

export function numberParameter<const E extends EffectRule>(
  declared: Declared<NumberParameter<E>>,
): NumberParameter<E> {
  return { ...declared, type: 'number', ...decimalText };
}

export function choiceParameter<const Value extends string, const E extends EffectRule>(
  declared: Omit<Declared<ChoiceParameter<Value, E>>, 'values' | 'default'> & { default: NoInfer<Value> },
): ChoiceParameter<Value, E> {
  // The keys of a record literal typed Record<Value, string> are exactly the values.
  const values = Object.keys(declared.choices) as Value[];
  return {
    ...declared,
    type: 'choice',
    values,
    parse: (text) => values.find((value) => value === text),
    format: (value) => value,
    invalid: `is not one of ${values.join(', ')}`,
  };
}

export function booleanParameter<const E extends EffectRule>(
  declared: Declared<BooleanParameter<E>>,
): BooleanParameter<E> {
  return {
    ...declared,
    type: 'boolean',
    parse: (text) => (text === '1' ? true : text === '0' ? false : undefined),
    format: (value) => (value ? '1' : '0'),
    invalid: 'must be 0 or 1',
  };
}
