import fc from 'fast-check';
import { displayedRate, foldWidth, formatAmount, formatRate, isBlank, readNumber, roundHalfAway } from '../../src/core/numbers';
import { err } from './snapshot';

describe('readNumber', () => {
  const value = (v: Parameters<typeof readNumber>[0], blankIsZero = true) => {
    const read = readNumber(v, blankIsZero);
    return read && read.ok ? read.value : read;
  };

  it('reads numbers and numeric text as clerks type it', () => {
    expect(value(1234.56)).toBe(1234.56);
    expect(value('1,234.56')).toBe(1234.56);
    expect(value('1,234,567')).toBe(1234567);
    expect(value(' 42 ')).toBe(42);
    expect(value('+3.5')).toBe(3.5);
    expect(value('.5')).toBe(0.5);
    expect(value('¥1,200.00')).toBe(1200);
  });

  it('folds full-width digits, point and comma', () => {
    expect(value('１２３．４５')).toBe(123.45);
    expect(value('１，２３４．５')).toBe(1234.5);
    expect(value('－１２')).toBe(-12);
  });

  it('reads accounting negatives', () => {
    expect(value('(1,234.00)')).toBe(-1234);
    expect(value('（1,234.00）')).toBe(-1234);
    expect(value('(1.005)')).toBe(-1.005);
  });

  it('takes blanks and dashes as 0 in money cells, as nothing elsewhere', () => {
    for (const blank of [null, undefined, '', '   ', '-', '—', '——', '–', '－']) {
      expect(value(blank, true)).toBe(0);
      expect(readNumber(blank, false)).toBeNull();
    }
  });

  it('reports a trailing % so the caller can scale it', () => {
    expect(readNumber('95%', false)).toEqual({ ok: true, value: 95, percent: true });
    expect(readNumber('９５．５％', false)).toEqual({ ok: true, value: 95.5, percent: true });
    expect(readNumber(0.95, false)).toEqual({ ok: true, value: 0.95, percent: false });
  });

  it('says why a cell is not a number', () => {
    expect(readNumber('约100', true)).toEqual({ ok: false, reason: 'text', text: '约100' });
    expect(readNumber('1,23', true)).toMatchObject({ ok: false, reason: 'text' });
    expect(readNumber('1.2.3', true)).toMatchObject({ ok: false, reason: 'text' });
    expect(readNumber(true, true)).toMatchObject({ ok: false, reason: 'text' });
    expect(readNumber(new Date(Date.UTC(2021, 0, 1)), true)).toEqual({ ok: false, reason: 'date', text: '2021-01-01' });
    expect(readNumber(new Date(Date.UTC(2021, 0, 1, 12, 30)), true)).toEqual({ ok: false, reason: 'date', text: '2021-01-01 12:30' });
    // NaN and ±Infinity never pass as numbers: read like a stored non-number.
    expect(readNumber(NaN, true)).toEqual({ ok: false, reason: 'invalid', text: 'NaN' });
    expect(readNumber(-Infinity, false)).toEqual({ ok: false, reason: 'invalid', text: '-Infinity' });
    expect(readNumber({ invalid: '12abc' }, true)).toEqual({ ok: false, reason: 'invalid', text: '12abc' });
    expect(readNumber(err('#DIV/0!'), true)).toEqual({ ok: false, reason: 'error', text: '#DIV/0!' });
    expect(readNumber(err('#REF!'), false)).toEqual({ ok: false, reason: 'error', text: '#REF!' });
  });
});

describe('roundHalfAway (Excel ROUND)', () => {
  it('scales by exactly 10 ** decimals, from its table or beyond it', () => {
    // The fast path's rule written with the power itself: the table of scales must give the same answer everywhere.
    const byPower = (value: number, decimals: number) => {
      const magnified = Math.abs(value) * 10 ** decimals;
      if (magnified < 1e9 && Math.abs(magnified - Math.floor(magnified) - 0.5) > 1e-6) return (value < 0 ? -1 : 1) * (Math.round(magnified) / 10 ** decimals);
      return null; // near a tie: the decimal path, tested below
    };
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let i = 0; i < 5000; i++) {
      const value = random() * 10 ** ((i % 9) - 2);
      for (const decimals of [-1, 0, 1, 2, 4, 8, 9, 12]) {
        const expected = byPower(value, decimals);
        if (expected !== null && !Object.is(roundHalfAway(value, decimals), expected)) throw new Error(`roundHalfAway(${value}, ${decimals})`);
      }
    }
    expect(roundHalfAway(123.456, -1)).toBe(120);
    expect(roundHalfAway(0.123456789125, 11)).toBe(0.12345678913);
  });

  it('rounds half away from zero in decimal, not in binary', () => {
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(2.5, 0)).toBe(3);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
    expect(roundHalfAway(18999 / 20000, 4)).toBe(0.95);
    expect(roundHalfAway(9.995, 2)).toBe(10);
    expect(roundHalfAway(0.005, 2)).toBe(0.01);
    expect(roundHalfAway(0.004, 2)).toBe(0);
    expect(roundHalfAway(1.0049999, 2)).toBe(1);
  });

  it('leaves values with fewer places, zero and huge numbers alone', () => {
    expect(roundHalfAway(0, 2)).toBe(0);
    expect(roundHalfAway(12.5, 2)).toBe(12.5);
    expect(roundHalfAway(1e20, 2)).toBe(1e20);
    expect(roundHalfAway(Infinity, 2)).toBe(Infinity);
  });

  it('agrees with decimal rounding of the written number', () => {
    // A number written with up to 13 digits, 6 of them decimals, rounded to `d` places in integer arithmetic.
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (n, places, d) => {
        fc.pre(d < places);
        const written = Number(n) / 10 ** places;
        const abs = n < 0n ? -n : n;
        const unit = 10n ** BigInt(places - d);
        let q = abs / unit;
        if ((abs % unit) * 2n >= unit) q += 1n;
        const expected = (n < 0n ? -1 : 1) * (Number(q) / 10 ** d);
        expect(roundHalfAway(written, d) + 0).toBe(expected + 0); // + 0 folds -0 into 0
      }),
    );
  });
});

describe('displayed values', () => {
  it('shows a rate as Excel would with 2 decimals of a percent', () => {
    expect(displayedRate(0.94995)).toBe(0.95);
    expect(displayedRate(0.949949)).toBe(0.9499);
    expect(formatRate(18999 / 20000, 'fixed')).toBe('95.00%');
    expect(formatRate(0.96484, 'fixed')).toBe('96.48%');
    expect(formatRate(1, 'trim')).toBe('100%');
    expect(formatRate(1, 'fixed')).toBe('100.00%');
    expect(formatRate(0.955, 'trim')).toBe('95.5%');
    expect(formatRate(2190.49 / 2270.4, 'fixed')).toBe('96.48%');
  });

  it('shows amounts with 2 decimals, trimmed or fixed, never -0', () => {
    expect(formatAmount(2190.49, 'trim')).toBe('2190.49');
    expect(formatAmount(126, 'trim')).toBe('126');
    expect(formatAmount(126, 'fixed')).toBe('126.00');
    expect(formatAmount(2.675, 'fixed')).toBe('2.68');
    expect(formatAmount(1.005, 'fixed')).toBe('1.01');
    expect(formatAmount(-1.005, 'fixed')).toBe('-1.01');
    expect(formatAmount(-0.001, 'fixed')).toBe('0.00');
    expect(formatAmount(21.685, 'trim')).toBe('21.69');
  });
});

describe('small helpers', () => {
  it('folds full-width characters and the ideographic space', () => {
    expect(foldWidth('ＡＢｃ１２３（％）')).toBe('ABc123(%)');
    expect(foldWidth('合\u3000计')).toBe('合 计');
  });

  it('knows a blank cell', () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank('  ')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank('-')).toBe(false);
  });
});
