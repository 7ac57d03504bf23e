import opentype from "opentype.js";

type Measure = (text: string, fontSize: number, bold: boolean) => number;

/**
 * Text widths from the DejaVu Sans fonts that render the PNGs. Without a canvas, vega estimates every
 * character at 0.8 em, half as wide again as DejaVu Sans, and sizes the chart for text that is not
 * there; summing each character's advance width from the font gives the real layout. (No shaping:
 * ligatures and kerning move widths by well under a pixel at chart sizes.)
 */
export function fontMeasure(regularFont: Uint8Array, boldFont: Uint8Array): Measure {
  const load = (bytes: Uint8Array) => {
    // A copy: opentype takes an ArrayBuffer of its own, and a Buffer's may be a shared pool.
    const font = opentype.parse(bytes.slice().buffer);
    const cache = new Map<string, number>();
    return (char: string) => {
      let width = cache.get(char);
      if (width === undefined) {
        width = (font.charToGlyph(char).advanceWidth ?? font.unitsPerEm * 0.6) / font.unitsPerEm;
        cache.set(char, width);
      }
      return width;
    };
  };
  const regular = load(regularFont);
  const bold = load(boldFont);
  return (text, fontSize, isBold) => {
    const advance = isBold ? bold : regular;
    let em = 0;
    for (const char of text) em += advance(char);
    return em * fontSize;
  };
}
