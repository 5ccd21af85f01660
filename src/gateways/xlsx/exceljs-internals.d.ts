// ExcelJS's writer modules (Node build only; the browser build has no such paths and webpack resolves them to
// an empty module). Used by src/gateways/xlsx/excelAdapter.ts alone.
declare module 'exceljs/lib/*' {
  const part: unknown;
  export default part;
}
