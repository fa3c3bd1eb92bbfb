// The page bundle for bench/matrix.bench.js: the matrix, and the community that gives it its
// storage policy (the bench measures it with storage="none": see renderMatrix there).
import '../../src/components/community/define.js';
import '../../src/components/partnership-matrix/define.js';
