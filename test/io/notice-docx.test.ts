import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { copySample, runCli } from '../support/cli.js';

async function part(file: string, name: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(file))).file(name)!.async('string');
}

/** The paragraphs' text in order, as Word shows them. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

describe('通报.docx in 公文 layout (issue 13)', () => {
  let dir: string;
  let docx: string;
  let document: string;

  beforeAll(async () => {
    dir = copySample('guannan-2009');
    const run = await runCli([path.join(dir, 'annual.xlsx')]);
    expect(run.code).toBe(0);
    docx = path.join(dir, 'annual.通报.docx');
    document = await part(docx, 'word/document.xml');
  });

  it('is written with the pair and named in the summary', async () => {
    const run = await runCli([path.join(dir, 'annual.xlsx')]);
    expect(run.stdout).toContain('annual.通报.docx');
  });

  it('has the title centred in 二号 小标宋, the body from the same text as the .txt in 三号 仿宋', () => {
    const text = readFileSync(path.join(dir, 'annual.通报.txt'), 'utf8');
    const paras = paragraphs(document);
    expect(paras[0]).toBe('灌办发〔2010〕7号');
    expect(paras[2]).toBe('全县2009年绩效管理组织工作评估分档情况通报');
    expect(paras).toContain('各乡镇党委、政府，县委、县政府各部门，县各直属单位，驻灌部省市属单位：');
    const body = text.split('\n').filter((l) => l.startsWith('（一）单位评估分档。'));
    expect(body).toHaveLength(1);
    expect(paras).toContain(body[0]);
    expect(paras).toContain('附件：全县乡科级单位2009年绩效管理组织工作评估分档情况');
    expect(paras).toContain('2010年2月20日');
    expect(document).toMatch(/<w:spacing[^>]*\/><w:jc w:val="center"\/><\/w:pPr><w:r><w:rPr><w:rFonts w:ascii="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(document).toContain('<w:sz w:val="32"/>');
  });

  it('keeps the last lines of the body with the 附件 line and the 落款, so the office and date never stand alone on a page (zhengding\'s did)', () => {
    const notice = document.slice(0, document.indexOf('</w:p>', document.indexOf('</w:sectPr>')) + 6);
    const paras = [...notice.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const at = paras.findIndex((p) => p.includes('附件：全县乡科级单位'));
    const date = paras.findIndex((p) => p.includes('2010年2月20日'));
    expect(at).toBeGreaterThan(0);
    expect(date).toBeGreaterThan(at);
    // The paragraph before the 附件 line (the body's last, after a blank) and all up to the date keep with the next.
    for (const p of paras.slice(at - 2, date)) expect(p).toContain('<w:keepNext/>');
    expect(paras[date]).not.toContain('<w:keepNext/>');
    expect(paras[at - 3]).not.toContain('<w:keepNext/>');
  });

  it('puts the appendix table on its own page, laid out like the 附件 sheet (seed 001)', () => {
    const afterBreak = document.slice(document.indexOf('</w:sectPr>'));
    const paras = paragraphs(afterBreak);
    expect(paras).toContain('附件：');
    expect(afterBreak).toContain('<w:tbl>');
    // Seven columns: the appendix's section lies on its side, the notice's stays upright.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>[\s\S]*<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const cells = [...afterBreak.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(cells).toEqual(expect.arrayContaining(['一、先进单位（16个）', '二、达标单位（27个）', '乡镇', '园区', '部门', '1、新安镇', '10、卫生局']));
    expect(paras.some((p) => p.startsWith('注：1、按百分制综合评估'))).toBe(true);
  });

  it('numbers pages 「— N —」 in 四号宋体 and sets A4 with GB/T 9704 margins', async () => {
    const footer = await part(docx, 'word/footer1.xml');
    expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]* —<\/w:t>/);
    expect(footer).toContain('w:ascii="宋体"');
    expect(footer).toContain('<w:sz w:val="28"/>');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('gives the same bytes on a second run', async () => {
    const first = readFileSync(docx);
    await runCli([path.join(dir, 'annual.xlsx')]);
    expect(readFileSync(docx).equals(first)).toBe(true);
  });
});
