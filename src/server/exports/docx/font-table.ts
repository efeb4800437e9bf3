/*
 * word/fontTable.xml with the fonts GB/T 9704 names and what a machine without them should use.
 * Current Windows ships 仿宋, 楷体, 黑体 and 宋体 but not 仿宋_GB2312, 楷体_GB2312 or the commercial
 * 方正小标宋简体; Word reads w:altName, the character set (86 = GB2312) and the PANOSE class to pick
 * a substitute, so without this table a missing font falls back to the default face instead.
 */

interface FontEntry {
  name: string;
  altName?: string;
  panose: string;
  charset: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable';
}

const FONTS: FontEntry[] = [
  { name: 'Times New Roman', panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  { name: 'Arial', panose: '020B0604020202020204', charset: '00', family: 'swiss', pitch: 'variable' },
  {
    name: '方正小标宋简体',
    altName: '宋体',
    panose: '02000000000000000000',
    charset: '86',
    family: 'roman',
    pitch: 'variable',
  },
  {
    name: '仿宋_GB2312',
    altName: '仿宋',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '楷体_GB2312',
    altName: '楷体',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
];

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function fontXml(font: FontEntry): string {
  const alt = font.altName ? `<w:altName w:val="${attr(font.altName)}"/>` : '';
  return (
    `<w:font w:name="${attr(font.name)}">${alt}<w:panose1 w:val="${font.panose}"/>` +
    `<w:charset w:val="${font.charset}"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`
  );
}

/** The part that replaces the empty font table the docx package writes. */
export function fontTablePart(): { path: string; data: string } {
  const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const data =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `\n<w:fonts xmlns:w="${ns}">${FONTS.map(fontXml).join('')}</w:fonts>`;
  return { path: 'word/fontTable.xml', data };
}
