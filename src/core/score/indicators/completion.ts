// The completion words of a qualitative indicator's actual (达成, 部分达成, 未完成…), read longest first so
// that 未达成 / 未完成 / 不及时 / 不合规 / 部分达成 are never taken for 达成 / 完成 / 及时 / 合规.

export type Completion = 'met' | 'partial' | 'missed';

const WORDS: [string, Completion][] = (
  [
    ['达成', 'met'],
    ['达到', 'met'],
    ['完成', 'met'],
    ['合规', 'met'],
    ['及时', 'met'],
    ['效果明显', 'met'],
    ['达标', 'met'],
    ['部分达成', 'partial'],
    ['部分完成', 'partial'],
    ['部分达到', 'partial'],
    ['基本达成', 'partial'],
    ['基本达到', 'partial'],
    ['基本完成', 'partial'],
    ['未达成', 'missed'],
    ['未达到', 'missed'],
    ['未完成', 'missed'],
    ['未按时完成', 'missed'],
    ['未按期完成', 'missed'],
    ['未达标', 'missed'],
    ['不达标', 'missed'],
    ['没有完成', 'missed'],
    ['不合规', 'missed'],
    ['不及时', 'missed'],
  ] as [string, Completion][]
).sort((a, b) => b[0].length - a[0].length);

/** 是 and 否 alone only: inside a sentence they are not a verdict (是否, 主要是). */
const YES_NO = new Map<string, Completion>([
  ['是', 'met'],
  ['否', 'missed'],
]);

const WORST: Record<Completion, number> = { met: 0, partial: 1, missed: 2 };

/** The completion the text states, or null when it has none of the words. Several words: the worst counts. */
export function readCompletion(text: string): Completion | null {
  const bare = text.replace(/[\s\u00a0。.，,！!；;、]/g, '');
  // A Map, not an object: an actual of "toString" is text, not a key of Object.prototype.
  const yesNo = YES_NO.get(bare);
  if (yesNo) return yesNo;
  let found: Completion | null = null;
  for (let i = 0; i < bare.length; ) {
    const hit = WORDS.find(([word]) => bare.startsWith(word, i));
    if (!hit) {
      i++;
      continue;
    }
    i += hit[0].length;
    // 完成率 / 完成值 / 达成数 name a figure, not a verdict (完成率95% is not 完成).
    if (/[率值数量]/.test(bare.charAt(i))) continue;
    if (found === null || WORST[hit[1]] > WORST[found]) found = hit[1];
  }
  return found;
}
