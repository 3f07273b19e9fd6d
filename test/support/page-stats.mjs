// Figures for a rendered PDF, read from `pdftotext -bbox`: pages, and for each page its heading,
// the median height of its words (a word box is about 1.08 times the type size), whether it
// carries a page number, and words beyond the page's edge. Used by render-pages.sh.
import { execFileSync } from 'node:child_process';

const file = process.argv[2];
const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
};
const all = [];
const lines = pages.map(([, w, h, content], i) => {
  const words = [...content.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)]
    .map(([, x0, y0, x1, y1, t]) => ({ x0: +x0, y0: +y0, x1: +x1, y1: +y1, t }));
  const text = words.map((x) => x.t).join('');
  const numbered = /第\d+页共\d+页|—\d+—/.test(text.replace(/\s/g, ''));
  // Body words: not the page header (top 60 pt) nor footer (bottom 60 pt).
  const body = words.filter((x) => x.y0 > 60 && x.y1 < +h - 60);
  const heights = body.map((x) => x.y1 - x.y0);
  all.push(...heights);
  const out = words.filter((x) => x.x0 < 0 || x.y0 < 0 || x.x1 > +w + 0.5 || x.y1 > +h + 0.5).length;
  const head = words.filter((x) => x.y1 < 60).map((x) => x.t).join('') || (body[0]?.t ?? '');
  const flags = [numbered ? '' : '无页码', body.length === 0 ? '空白页' : '', out > 0 ? `出界 ${out}` : ''].filter(Boolean).join(' ');
  return `  ${String(i + 1).padStart(3)} ${+w > +h ? '横' : '竖'} 字高 ${median(heights).toFixed(1)} 词 ${String(body.length).padStart(4)} ${head.slice(0, 40)} ${flags}`;
});
console.log(`${file.split('/').pop()}: ${pages.length} 页，字高中位数 ${median(all).toFixed(1)} pt`);
if (process.env.PAGES) console.log(lines.join('\n'));
