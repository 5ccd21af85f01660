// ExcelJS's XML writer (Node build only; the browser build has no such path and webpack resolves it to an
// empty module). Used by src/gateways/xlsx/excelAdapter.ts alone.
declare module 'exceljs/lib/utils/xml-stream' {
  const XmlStream: unknown;
  export default XmlStream;
}
