/** @jest-environment jsdom */
// 导出 Word in the pane: the host's exportDocx with the pane's settings, then a download of the document; the
// workbook's errors (and nothing to download) when it cannot be evaluated; the host's failure explained.
import '@testing-library/jest-dom';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HostError } from '../../src/gateways/host';
import { App } from '../../src/taskpane/App';
import { FakeHost } from './fakeHost';
import { notWrittenOutcome } from './outcomes';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const blobs: Blob[] = [];
const urls = URL as unknown as { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: (url: string) => void };

beforeEach(() => {
  blobs.length = 0;
  urls.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return `blob:http://localhost/${blobs.length}`;
  };
  urls.revokeObjectURL = () => undefined;
});

afterEach(() => {
  delete urls.createObjectURL;
  delete urls.revokeObjectURL;
});

async function renderPane(host = new FakeHost(), language: 'zh' | 'en' = 'zh') {
  const user = userEvent.setup();
  render(<App host={host} language={language} theme="light" storage={null} />);
  await act(async () => undefined);
  return { host, user };
}

it('exports with the pane’s settings, showing progress, then offers the document for download', async () => {
  const { host, user } = await renderPane(new FakeHost({ lang: 'en', target: 0.93 }));
  const button = screen.getByRole('button', { name: '导出 Word' });
  await user.click(button);
  expect(host.exportDocxCalls).toHaveLength(1);
  expect(host.exportDocxCalls[0].settings).toMatchObject({ lang: 'en', target: 0.93 });
  expect(button).toHaveAttribute('aria-disabled', 'true');
  expect(screen.getByRole('button', { name: /生成自评报告/ })).toHaveAttribute('aria-disabled', 'true');
  expect(screen.getByText('正在生成 Word 文档…')).toBeInTheDocument();

  const bytes = new Uint8Array([80, 75, 3, 4]);
  await act(async () => host.exportDocxCalls[0].answer.resolve({ ok: true, name: '示例局自评报告.docx', bytes }));
  const link = screen.getByRole('link', { name: '下载 Word 文档' });
  expect(link).toHaveAttribute('download', '示例局自评报告.docx');
  expect(link).toHaveAttribute('href', 'blob:http://localhost/1');
  expect(blobs[0].type).toBe(DOCX);
  expect(screen.getByText(/^示例局自评报告\.docx：报告正文与附表1、附表4/)).toBeInTheDocument();
  expect(button).not.toHaveAttribute('aria-disabled', 'true');
  // Nothing was generated or written: export is a read.
  expect(host.generateCalls).toHaveLength(0);
});

it('shows the workbook’s errors and offers nothing to download when it cannot be evaluated', async () => {
  const { host, user } = await renderPane();
  await user.click(screen.getByRole('button', { name: '导出 Word' }));
  const notWritten = notWrittenOutcome();
  if (notWritten.ok) throw new Error('expected findings');
  await act(async () => host.exportDocxCalls[0].answer.resolve({ ok: false, findings: notWritten.findings }));
  expect(screen.getByText('未生成 Word 文档：请先在工作簿中更正以下错误。')).toBeInTheDocument();
  const errors = screen.getByRole('region', { name: /^错误/ });
  expect(within(errors).getAllByRole('button').map((b) => b.textContent)).toEqual(expect.arrayContaining(['项目支出!C2']));
  expect(screen.queryByRole('link', { name: '下载 Word 文档' })).not.toBeInTheDocument();
});

it('explains a host failure, in English too', async () => {
  const { host, user } = await renderPane(new FakeHost(), 'en');
  await user.click(screen.getByRole('button', { name: 'Export to Word' }));
  await act(async () => host.exportDocxCalls[0].answer.reject(new HostError('busy', 'throttled')));
  expect(screen.getByText('The Word document could not be made.')).toBeInTheDocument();
  expect(screen.getByText(/Excel is busy/)).toBeInTheDocument();
});
