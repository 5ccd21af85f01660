// A cell's text as Excel shows it (issue 9: a clerk's 95% arrives as 0.95 with a % format).
import { formatNumber, generalText, shownValue } from '../../src/core/shown';

describe('shown values', () => {
  it('percent formats', () => {
    expect(formatNumber(0.95, '0%')).toBe('95%');
    expect(formatNumber(0.95, '0.00%')).toBe('95.00%');
    expect(formatNumber(0.9549, '0.0%')).toBe('95.5%');
    expect(formatNumber(1, '0%')).toBe('100%');
    expect(formatNumber(0.12345, '0.00%')).toBe('12.35%');
  });

  it('General is the shortest text, without float noise', () => {
    expect(formatNumber(0.1 + 0.2, null)).toBe('0.3');
    expect(formatNumber(95, 'General')).toBe('95');
    expect(generalText(-0)).toBe('0');
    expect(shownValue(4.8)).toBe('4.8');
  });

  it('decimals, thousands, optional digits, literal text, currency and sections', () => {
    expect(formatNumber(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatNumber(1234.5, '0')).toBe('1235');
    expect(formatNumber(2.5, '0.##')).toBe('2.5');
    expect(formatNumber(2, '0.##')).toBe('2');
    expect(formatNumber(8, '0"个"')).toBe('8个');
    expect(formatNumber(12.3, '[$¥-804]#,##0.00')).toBe('¥12.30');
    expect(formatNumber(-5, '0.00;(0.00)')).toBe('(5.00)');
    expect(formatNumber(-5, '0.00')).toBe('-5.00');
    expect(formatNumber(-0.001, '0')).toBe('0');
    expect(formatNumber(0, '#,##0.00;-#,##0.00;"-"')).toBe('-');
    expect(formatNumber(1500000, '#,##0,')).toBe('1,500');
  });

  it('formats it does not render fall back to the General text', () => {
    expect(formatNumber(12345, '0.00E+00')).toBe('12345');
    expect(formatNumber(0.5, '# ?/?')).toBe('0.5');
    expect(formatNumber(3, '@')).toBe('3');
  });

  it('text, dates, booleans and errors as written', () => {
    expect(shownValue(' ≥95% ')).toBe('≥95%');
    expect(shownValue(new Date(Date.UTC(2022, 11, 31)))).toBe('2022-12-31');
    expect(shownValue(true)).toBe('TRUE');
    expect(shownValue({ error: '#DIV/0!' })).toBe('#DIV/0!');
    expect(shownValue(null)).toBe('');
  });
});
