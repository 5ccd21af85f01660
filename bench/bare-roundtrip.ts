// The baseline the command is compared with: ExcelJS alone reading a workbook and writing it back,
// in its own process like the command. Usage: node build/bench/bare-roundtrip.js IN.xlsx OUT.xlsx
import ExcelJS from 'exceljs';

async function roundTrip(input: string, output: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(output);
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: bare-roundtrip IN.xlsx OUT.xlsx\n');
  process.exitCode = 2;
} else {
  roundTrip(input, output).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
