/** @jest-environment jsdom */
// Thousands of findings: each severity lists the first 200, says how many there are, and shows the rest on
// request; the list of projects under target likewise.
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Finding } from '../../src/core/model';
import { Findings, LIST_SHOWN } from '../../src/taskpane/components/Findings/Findings';

function findings(severity: Finding['severity'], count: number): Finding[] {
  return Array.from({ length: count }, (_, i) => ({ severity, code: 'needs-explanation', cell: `项目支出!B${i + 2}`, message: `第 ${i + 1} 条` }) as unknown as Finding);
}

it('lists the first few hundred of each severity, with a button for all', async () => {
  const user = userEvent.setup();
  render(<Findings findings={[...findings('error', 3), ...findings('warning', 450)]} />);
  const errors = screen.getByRole('region', { name: '错误（3）' });
  expect(within(errors).getAllByRole('listitem')).toHaveLength(3);
  expect(within(errors).queryByRole('button')).not.toBeInTheDocument();

  const warnings = screen.getByRole('region', { name: '警告（450）' });
  expect(within(warnings).getAllByRole('listitem')).toHaveLength(LIST_SHOWN);
  expect(LIST_SHOWN).toBe(200);
  expect(within(warnings).getByText('仅列出前 200 条，共 450 条。')).toBeInTheDocument();
  await user.click(within(warnings).getByRole('button', { name: '显示全部 450 条' }));
  expect(within(warnings).getAllByRole('listitem')).toHaveLength(450);
  expect(within(warnings).queryByRole('button')).not.toBeInTheDocument();
});
