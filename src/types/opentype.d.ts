// The part of opentype.js the chart renderer uses (the package ships no type declarations).
declare module "opentype.js" {
  interface Glyph {
    readonly advanceWidth?: number;
  }
  interface Font {
    readonly unitsPerEm: number;
    charToGlyph(char: string): Glyph;
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
