// Text from a workbook on the terminal: a cell holding ESC or BEL must not recolour, retitle or beep the
// clerk's terminal, nor fake a line of our output with a newline of its own.

// Every C0 control (tab and newline included: one finding stays one line), DEL and every C1 control.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// JSON.stringify escapes C0 but leaves DEL and C1 raw.
const DEL_C1 = /[\u007f-\u009f]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The line with each control character shown as a `\u001b`-style escape. */
export function terminalSafe(line: string): string {
  return line.replace(CONTROL, escape);
}

/** JSON text with DEL and C1 escaped too: the same JSON once parsed (they can only occur inside strings). */
export function jsonSafe(json: string): string {
  return json.replace(DEL_C1, escape);
}
