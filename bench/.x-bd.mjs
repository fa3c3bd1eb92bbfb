import { readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
import { gzipSync } from 'node:zlib';
const f = process.argv[2];
const code = readFileSync(f, 'utf8');
const map = JSON.parse(readFileSync(f + '.map', 'utf8'));
const c = new SourceMapConsumer(map);
const lines = code.split('\n');
const bytes = new Map();
// attribute each char to source by generated position
let mappings = [];
c.eachMapping((m) => mappings.push(m));
mappings.sort((a,b)=> a.generatedLine-b.generatedLine || a.generatedColumn-b.generatedColumn);
const chunks = new Map();
for (let i=0;i<mappings.length;i++){
  const m=mappings[i], n=mappings[i+1];
  const line=lines[m.generatedLine-1];
  const end = n && n.generatedLine===m.generatedLine ? n.generatedColumn : line.length;
  const s=line.slice(m.generatedColumn,end);
  const src=(m.source||'?').replace(/.*node_modules\//,'nm/').replace(/.*\/src\//,'src/');
  chunks.set(src,(chunks.get(src)||'')+s);
}
const rows=[...chunks].map(([k,v])=>[k,v.length,gzipSync(v).length]).sort((a,b)=>b[1]-a[1]);
let tot=0; for(const r of rows){tot+=r[1]; console.log(String(r[1]).padStart(7), String(r[2]).padStart(6), r[0]);}
console.log('total',tot, code.length);
