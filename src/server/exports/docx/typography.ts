import type { Locale } from '../../../common/locale.js';
import type { HeadingLevel } from './outline.js';

/*
 * Page and type settings of GB/T 9704-2012 (see shared/standards/gbt9704-docx.md), shared by the
 * .docx writer and the print view. Lengths are twips (1/20 pt), sizes half-points, as OOXML wants.
 */

export const PAGE = {
  // A4, 210 × 297 mm.
  width: 11906,
  height: 16838,
  // 天头 37 mm, 订口 28 mm; bottom and right follow from the 156 × 225 mm type area.
  margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
  // Word measures the footer from the page's bottom edge to the footer's baseline area: 35 mm of
  // bottom margin less 7 mm gap less one 4号 line (≈5 mm) puts the page number 7 mm below the type area.
  footer: 1304,
} as const;

/** Width of the type area: 156 mm. */
export const TYPE_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export interface FontSpec {
  /** East-Asian font name written into the .docx (w:eastAsia). */
  eastAsia: string;
  /** Font for digits and Latin letters (w:ascii, w:hAnsi). */
  latin: string;
  halfPoints: number;
  bold?: boolean;
  /** The same face as a CSS stack with fallbacks that exist on Linux, macOS and Windows. */
  css: string;
}

export interface Typography {
  title: FontSpec;
  subtitle: FontSpec;
  body: FontSpec;
  headings: Record<HeadingLevel, FontSpec>;
  table: FontSpec;
  tableHeader: FontSpec;
  pageNumber: FontSpec;
  /** Exact line pitch: 22 lines fill the 225 mm type area at ≈29 pt. */
  lineTwips: number;
  tableLineTwips: number;
  /** Width of one character of body text, the 字 the standard measures indents in (one em). */
  charTwips: number;
  /** The date line's distance from the right margin, in 字: GB/T 9704 says 4. */
  dateIndentChars: number;
  firstLineIndent: number;
  paragraphAfter: number;
}

const LATIN_SERIF = "'Times New Roman', Times, 'Liberation Serif'";
const CSS = {
  xiaobiaosong:
    `${LATIN_SERIF}, '方正小标宋简体', 'FZXiaoBiaoSong-B05S', ` +
    `'STZhongsong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif`,
  fangsong: `${LATIN_SERIF}, '仿宋_GB2312', FangSong, 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif`,
  heiti: `${LATIN_SERIF}, '黑体', SimHei, 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif`,
  kaiti: `${LATIN_SERIF}, '楷体_GB2312', KaiTi, 'STKaiti', 'Noto Serif CJK SC', serif`,
  songti: `${LATIN_SERIF}, '宋体', SimSun, 'Songti SC', 'Noto Serif CJK SC', serif`,
  arial: "Arial, 'Liberation Sans', Helvetica, sans-serif",
};

const zh = (eastAsia: string, css: string, halfPoints: number): FontSpec => ({
  eastAsia,
  latin: 'Times New Roman',
  halfPoints,
  css,
});

const ZH: Typography = {
  title: zh('方正小标宋简体', CSS.xiaobiaosong, 44), // 二号
  subtitle: zh('楷体_GB2312', CSS.kaiti, 32),
  body: zh('仿宋_GB2312', CSS.fangsong, 32), // 三号
  headings: {
    1: zh('黑体', CSS.heiti, 32),
    2: zh('楷体_GB2312', CSS.kaiti, 32),
    3: zh('仿宋_GB2312', CSS.fangsong, 32),
    4: zh('仿宋_GB2312', CSS.fangsong, 32),
  },
  table: zh('仿宋_GB2312', CSS.fangsong, 28), // 四号
  tableHeader: zh('黑体', CSS.heiti, 28),
  pageNumber: zh('宋体', CSS.songti, 28), // 4号宋体
  lineTwips: 580,
  tableLineTwips: 400,
  charTwips: 320,
  dateIndentChars: 4,
  firstLineIndent: 640,
  paragraphAfter: 0,
};

// English has no national layout; keep the page, structure and numbering, at sizes English readers expect.
const en = (latin: string, css: string, halfPoints: number, bold = false): FontSpec => ({
  eastAsia: latin,
  latin,
  halfPoints,
  bold,
  css,
});
const serif = `${LATIN_SERIF}, serif`;
const EN: Typography = {
  title: en('Arial', CSS.arial, 36, true),
  subtitle: en('Times New Roman', serif, 26),
  body: en('Times New Roman', serif, 26),
  headings: {
    1: en('Arial', CSS.arial, 28, true),
    2: en('Arial', CSS.arial, 26, true),
    3: en('Times New Roman', serif, 26, true),
    4: en('Times New Roman', serif, 26),
  },
  table: en('Times New Roman', serif, 22),
  tableHeader: en('Arial', CSS.arial, 22, true),
  pageNumber: en('Times New Roman', serif, 24),
  lineTwips: 380,
  tableLineTwips: 300,
  charTwips: 260,
  dateIndentChars: 0,
  firstLineIndent: 0,
  paragraphAfter: 120,
};

export const TYPOGRAPHY: Record<Locale, Typography> = { 'zh-CN': ZH, en: EN };

/** Rough printed width, for centring the issuer over the date: CJK glyphs are one em, others half. */
export function textWidthTwips(text: string, t: Typography): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFEF]/.test(ch) ? t.charTwips : t.charTwips / 2;
  return width;
}
