import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parameterNames, parameters } from '../../engine/parameters';
import { Controls } from '../Controls';

/** Text as React writes it into HTML. */
const html = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

describe('Controls', () => {
  const markup = renderToStaticMarkup(createElement(Controls));

  it.each(parameterNames)('has a control for %s, with its label and its help as tooltip', (name) => {
    const { label, help } = parameters[name];
    // A checkbox's label goes on with its state: "push negatives <output>off</output>".
    expect([`>${html(label)}</label>`, `>${html(label)} <output`].some((text) => markup.includes(text))).toBe(
      true,
    );
    expect(markup).toContain(`title="${html(help)}"`);
  });
});
