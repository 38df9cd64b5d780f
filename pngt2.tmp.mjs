import { Resvg } from '@resvg/resvg-js';
import fs from 'fs';
import subsetFont from 'subset-font';
const svg = fs.readFileSync('out/2022/figures/gap-heatmap.svg','utf8');
const dir='node_modules/.cache/skillgap-fonts/ddb6f3e62d016364/';
const fonts=[dir+'DejaVuSans.ttf',dir+'DejaVuSans-Bold.ttf'];
const text = [...new Set(svg.replace(/<[^>]*>/g,''))].join('');
let t=performance.now();
const tiny = await Promise.all(fonts.map(async f=>{const b=await subsetFont(fs.readFileSync(f), text+'0123456789', {targetFormat:'truetype'}); const p='/tmp/'+f.split('/').pop(); fs.writeFileSync(p,b); return p;}));
console.log('subset ms', (performance.now()-t).toFixed(0), tiny.map(p=>fs.statSync(p).size));
for (const fs_ of [fonts, tiny, fonts, tiny]) {
const opts = { fitTo:{mode:'zoom', value:2}, background:'white', font:{ loadSystemFonts:false, fontFiles: fs_, defaultFontFamily:'DejaVu Sans', sansSerifFamily:'DejaVu Sans'} };
let t=performance.now(); const r=new Resvg(svg,opts); const t1=performance.now(); const img=r.render(); const t2=performance.now(); const png=img.asPng(); const t3=performance.now();
console.log(`${fs_[0]} new ${(t1-t).toFixed(0)} render ${(t2-t1).toFixed(0)} asPng ${(t3-t2).toFixed(0)} ${png.length} ${require_hash(png)}`);
}
function require_hash(b){let h=0;for(const x of b)h=(h*31+x)|0;return h;}
