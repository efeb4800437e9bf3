import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/*
 * Reading .docx files back in tests: a part of the archive as XML, and LibreOffice laying documents
 * out as PDF for poppler to read — the only way to know a real word processor shows the text.
 */

export const DOCX_TOOLS_INSTALL = 'apt-get install -y libreoffice-writer poppler-utils fonts-noto-cjk';

export function requireTools(...tools: string[]): void {
  const missing = tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length)
    throw new Error(`${missing.join(', ')} not found. These tests need Debian packages: ${DOCX_TOOLS_INSTALL}`);
}

export const runTool = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });

/** Stands the free Noto CJK faces in for the official document faces (see the file's comment). */
export const FONTCONFIG_FILE = join(import.meta.dirname, '..', 'fixtures', 'fontconfig', 'fonts.conf');

/**
 * Converts .docx files to PDF beside them: one LibreOffice start, with a profile of its own (no
 * shared lock), and the font aliases of the test fixtures.
 */
export function convertToPdf(dir: string, files: string[]): void {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    env: { ...process.env, HOME: dir, FONTCONFIG_FILE },
    timeout: 120_000,
    stdio: 'pipe',
  });
}

/** Just enough of a zip reader to open a part of a .docx (no dependency for a test). */
export function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i -= 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.subarray(at + 46, at + 46 + nameLength).toString('utf8') === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));
      return (zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the archive`);
}

/** The text of a .docx body, runs joined: what a reader of the XML would see, without the markup. */
export const docxText = (zip: Buffer): string =>
  [...zipEntry(zip, 'word/document.xml').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
