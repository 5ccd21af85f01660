/** @jest-environment jsdom */
// jsdom does no layout, so the 320 px check is on the CSS itself: in every state, no style the pane's tree
// uses may ask for a box wider than a 320 px task pane, and nothing is sized inline in px.
import '@testing-library/jest-dom';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HostError } from '../../src/gateways/host';
import { App } from '../../src/taskpane/App';
import { FakeHost } from './fakeHost';
import { notWrittenOutcome, writtenOutcome } from './outcomes';

const PANE = 320;

/** Every `width`, `min-width` and `flex-basis` in px in the class rules that elements of the tree use. */
function pixelWidths(root: HTMLElement): { rule: string; px: number }[] {
  const used = new Set<string>();
  for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) for (const c of el.classList) used.add(c);
  const found: { rule: string; px: number }[] = [];
  for (const sheet of [...document.styleSheets]) {
    for (const rule of [...sheet.cssRules]) {
      if (!(rule instanceof CSSStyleRule)) continue;
      const classes = [...rule.selectorText.matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
      if (classes.length === 0 || !classes.some((c) => used.has(c))) continue;
      for (const prop of ['width', 'min-width', 'flex-basis']) {
        const match = /^(\d+(?:\.\d+)?)px$/.exec(rule.style.getPropertyValue(prop).trim());
        if (match) found.push({ rule: rule.cssText, px: Number(match[1]) });
      }
    }
  }
  return found;
}

/** Inline widths in px (the progress bar's inline percentage is fine). */
function inlineWidths(root: HTMLElement): string[] {
  return [root, ...root.querySelectorAll<HTMLElement>('*')].flatMap((el) => [el.style.width, el.style.minWidth]).filter((w) => w.endsWith('px'));
}

it.each(['light', 'dark'] as const)('asks for nothing wider than a %s 320 px pane, in any state', async (theme) => {
  const host = new FakeHost();
  const user = userEvent.setup();
  const { container } = render(<App host={host} language="zh" theme={theme} storage={null} />);
  await act(async () => undefined);
  const check = () => {
    expect(pixelWidths(container).filter((w) => w.px > PANE)).toEqual([]);
    expect(inlineWidths(container)).toEqual([]);
  };
  check();

  await user.click(screen.getByRole('button', { name: /设置/ }));
  await user.type(screen.getByRole('textbox', { name: '执行率目标（%）' }), '120');
  await user.click(screen.getByRole('button', { name: '插入模板' }));
  await act(async () => host.insertTemplateCalls[0].reject(new HostError('protected', 'x')));
  check();

  await user.clear(screen.getByRole('textbox', { name: '执行率目标（%）' }));
  await user.click(screen.getByRole('button', { name: /生成自评报告/ }));
  act(() => host.lastGenerate.onProgress?.('computing'));
  check();
  await act(async () => host.lastGenerate.answer.resolve(writtenOutcome({ highlight: 'fill' })));
  check();

  await user.click(screen.getByRole('button', { name: /生成自评报告/ }));
  await act(async () => host.lastGenerate.answer.resolve(notWrittenOutcome()));
  check();
});
