/**
 * The bootstrap's innermost loop (bootstrap-replicate-batch.ts `fillReplicateBins`) as a small
 * WebAssembly function using 128-bit SIMD: for each respondent, its eight replicate weights
 * m_r·w (r = 0…7) are four f64x2 vectors, and each of its competencies adds them to the eight
 * adjacent doubles of its bin with four f64x2.add. JavaScript needs eight scalar load–add–store
 * triples with bounds checks for the same work. f64x2.add is IEEE 754 binary64 addition lane by lane
 * and f64.convert_i32_u · f64.mul the same product as JavaScript's, so every sum is the same bits
 * as the JavaScript loop's (test/stages/analyse/stats/count-based-tests.test.ts compares the two).
 *
 * The module is written out below byte by byte (no compiler at run time, nothing downloaded), one
 * instruction per line with its WebAssembly text. Spec: WebAssembly Core Specification 2.0,
 * binary format (https://webassembly.github.io/spec/core/binary/) and the fixed-width SIMD opcodes
 * (https://github.com/WebAssembly/simd/blob/main/proposals/simd/BinarySIMD.md).
 *
 * scatter(codes, weights, multipliers, bins, slot, end, competencies, competencyStride), all i32
 * byte addresses/counts in the module's memory: for slot = slot … end − 1, w = f64 at
 * weights + 8·slot, m_r = u8 at multipliers + 8·slot + r, and for k = 0 … competencies − 1 the bin
 * at bins + k·competencyStride + 64·(u8 at codes + slot·competencies + k) gets + m_r·w in lane r.
 *
 * draw(s0, s1, s2, s3, rows, table, thresholds, slots, out): poisson-multipliers.ts
 * `drawPoissonMultipliers` with stride 8: xoshiro128** from state (s0…s3), for row = 0 … rows − 1
 * m = u8 at table + (u >>> 20), or where that is 255 the first m with u < f64 at thresholds + 8m;
 * stored as u8 at out + 8·(i32 at slots + 4·row). The same integer operations as the JavaScript
 * (Math.imul = i32.mul, rotations = i32.rotl), so the same multipliers.
 */

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

// Parameters 0–7, then locals: 8 w (f64); 9–12 lanes01…lanes67 (v128); 13 k, 14 codeAt, 15 binBase, 16 bin, 17 lanesAt (i32).
const [CODES, WEIGHTS, MULTIPLIERS, BINS, SLOT, END, COMPETENCIES, STRIDE] = [0, 1, 2, 3, 4, 5, 6, 7];
const [W, LANES01, LANES23, LANES45, LANES67, K, CODE_AT, BIN_BASE, BIN, LANES_AT] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];

const get = (local: number) => [0x20, local]; // local.get
const set = (local: number) => [0x21, local]; // local.set
const i32Const = (value: number) => [0x41, ...signedLeb(value)]; // i32.const
const memarg = (alignLog2: number, offset: number) => [alignLog2, offset]; // offsets < 128 only
const I32_ADD = 0x6a;
const I32_MUL = 0x6c;
const I32_SHL = 0x74;
const I32_GE_U = 0x4f;
const load8u = (offset: number) => [0x2d, ...memarg(0, offset)]; // i32.load8_u
const F64_LOAD = [0x2b, ...memarg(3, 0)]; // f64.load
const F64_CONVERT_I32_U = 0xb8;
const F64_MUL = 0xa2;
const v128Load = (offset: number) => [0xfd, 0x00, ...memarg(3, offset)]; // v128.load
const v128Store = (offset: number) => [0xfd, 0x0b, ...memarg(3, offset)]; // v128.store
const F64X2_SPLAT = [0xfd, 0x14];
const F64X2_REPLACE_LANE_1 = [0xfd, 0x22, 1];
const F64X2_ADD = [0xfd, 0xf0, 0x01];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const END_OP = 0x0b;
const br = (depth: number) => [0x0c, depth];
const brIf = (depth: number) => [0x0d, depth];

/** The lanes (2·pair, 2·pair + 1) of this slot's replicate weights, m_r · w, as one f64x2. */
const lanePair = (pair: number, local: number) => [
  ...get(LANES_AT), ...load8u(2 * pair), F64_CONVERT_I32_U, ...get(W), F64_MUL, ...F64X2_SPLAT,
  ...get(LANES_AT), ...load8u(2 * pair + 1), F64_CONVERT_I32_U, ...get(W), F64_MUL, ...F64X2_REPLACE_LANE_1,
  ...set(local),
];

/** bins[bin + 16·part …] += lanes (one f64x2). */
const addLanes = (part: number, local: number) => [...get(BIN), ...get(BIN), ...v128Load(16 * part), ...get(local), ...F64X2_ADD, ...v128Store(16 * part)];

const scatterBody = [
  // locals: 1 × f64, 4 × v128, 5 × i32
  3, 1, F64, 4, V128, 5, I32,
  ...BLOCK,
  ...LOOP, // slots
  ...get(SLOT), ...get(END), I32_GE_U, ...brIf(1),
  ...get(WEIGHTS), ...get(SLOT), ...i32Const(3), I32_SHL, I32_ADD, ...F64_LOAD, ...set(W),
  ...get(MULTIPLIERS), ...get(SLOT), ...i32Const(3), I32_SHL, I32_ADD, ...set(LANES_AT),
  ...lanePair(0, LANES01), ...lanePair(1, LANES23), ...lanePair(2, LANES45), ...lanePair(3, LANES67),
  ...get(CODES), ...get(SLOT), ...get(COMPETENCIES), I32_MUL, I32_ADD, ...set(CODE_AT),
  ...get(BINS), ...set(BIN_BASE),
  ...i32Const(0), ...set(K),
  ...BLOCK,
  ...LOOP, // competencies
  ...get(K), ...get(COMPETENCIES), I32_GE_U, ...brIf(1),
  ...get(BIN_BASE), ...get(CODE_AT), ...get(K), I32_ADD, ...load8u(0), ...i32Const(6), I32_SHL, I32_ADD, ...set(BIN),
  ...addLanes(0, LANES01), ...addLanes(1, LANES23), ...addLanes(2, LANES45), ...addLanes(3, LANES67),
  ...get(BIN_BASE), ...get(STRIDE), I32_ADD, ...set(BIN_BASE),
  ...get(K), ...i32Const(1), I32_ADD, ...set(K),
  ...br(0),
  END_OP, // loop competencies
  END_OP, // block
  ...get(SLOT), ...i32Const(1), I32_ADD, ...set(SLOT),
  ...br(0),
  END_OP, // loop slots
  END_OP, // block
  END_OP, // function
];

// draw: parameters 0–8, then locals 9 row, 10 uniform, 11 shifted, 12 multiplier (i32).
const [S0, S1, S2, S3, ROWS, TABLE, THRESHOLDS, SLOTS, OUT] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const [ROW, UNIFORM, SHIFTED, MULTIPLIER] = [9, 10, 11, 12];
const I32_XOR = 0x73;
const I32_SHR_U = 0x76;
const I32_ROTL = 0x77;
const I32_EQ = 0x46;
const I32_LOAD = [0x28, ...memarg(2, 0)];
const I32_STORE8 = [0x3a, ...memarg(0, 0)];
const F64_GE = 0x66;
const IF = [0x04, 0x40];
/** local a = a XOR local b */
const xorInto = (target: number, other: number) => [...get(target), ...get(other), I32_XOR, ...set(target)];

const drawBody = [
  // locals: 4 × i32
  1, 4, I32,
  ...BLOCK,
  ...LOOP, // rows
  ...get(ROW), ...get(ROWS), I32_GE_U, ...brIf(1),
  // uniform = rotl(s1 · 5, 7) · 9; shifted = s1 << 9; then the xoshiro128** state update
  ...get(S1), ...i32Const(5), I32_MUL, ...i32Const(7), I32_ROTL, ...i32Const(9), I32_MUL, ...set(UNIFORM),
  ...get(S1), ...i32Const(9), I32_SHL, ...set(SHIFTED),
  ...xorInto(S2, S0), ...xorInto(S3, S1), ...xorInto(S1, S2), ...xorInto(S0, S3), ...xorInto(S2, SHIFTED),
  ...get(S3), ...i32Const(11), I32_ROTL, ...set(S3),
  // multiplier = table[uniform >>> 20]; 255 → first m with uniform < thresholds[m]
  ...get(TABLE), ...get(UNIFORM), ...i32Const(20), I32_SHR_U, I32_ADD, ...load8u(0), ...set(MULTIPLIER),
  ...get(MULTIPLIER), ...i32Const(255), I32_EQ,
  ...IF,
  ...i32Const(0), ...set(MULTIPLIER),
  ...BLOCK,
  ...LOOP,
  ...get(UNIFORM), F64_CONVERT_I32_U, ...get(THRESHOLDS), ...get(MULTIPLIER), ...i32Const(3), I32_SHL, I32_ADD, ...F64_LOAD, F64_GE,
  0x45, ...brIf(1), // i32.eqz: stop at the first threshold above uniform
  ...get(MULTIPLIER), ...i32Const(1), I32_ADD, ...set(MULTIPLIER),
  ...br(0),
  END_OP, // loop
  END_OP, // block
  END_OP, // if
  // out[8 · slots[row]] = multiplier
  ...get(OUT), ...get(SLOTS), ...get(ROW), ...i32Const(2), I32_SHL, I32_ADD, ...I32_LOAD, ...i32Const(3), I32_SHL, I32_ADD,
  ...get(MULTIPLIER), ...I32_STORE8,
  ...get(ROW), ...i32Const(1), I32_ADD, ...set(ROW),
  ...br(0),
  END_OP, // loop rows
  END_OP, // block
  END_OP, // function
];

/** Signed LEB128 (small non-negative constants). */
function signedLeb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if (value === 0 && (byte & 0x40) === 0) return [...bytes, byte];
    bytes.push(byte | 0x80);
  }
}

/** Unsigned LEB128. */
function leb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
const name = (text: string) => [text.length, ...Array.from(text, (char) => char.charCodeAt(0))];

const MODULE_BYTES = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // \0asm, version 1
  ...section(1, [2, 0x60, 8, I32, I32, I32, I32, I32, I32, I32, I32, 0, 0x60, 9, I32, I32, I32, I32, I32, I32, I32, I32, I32, 0]), // types: (8 × i32) → (), (9 × i32) → ()
  ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x03, 1, ...leb(65536)]), // import env.memory: shared, 1 … 65,536 pages
  ...section(3, [2, 0, 1]), // function 0 has type 0, function 1 type 1
  ...section(7, [2, ...name('scatter'), 0x00, 0, ...name('draw'), 0x00, 1]), // exports
  ...section(10, [2, ...leb(scatterBody.length), ...scatterBody, ...leb(drawBody.length), ...drawBody]),
]);

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is not available (callers use the JavaScript loop). */
export function scatterModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(MODULE_BYTES);
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

export type ScatterFunction = (
  codes: number, weights: number, multipliers: number, bins: number, slot: number, end: number, competencies: number, competencyStride: number,
) => void;

export type DrawFunction = (
  s0: number, s1: number, s2: number, s3: number, rows: number, table: number, thresholds: number, slots: number, out: number,
) => void;

/** An instance of the module over `memory`. */
export function instantiateScatter(module: WebAssembly.Module, memory: WebAssembly.Memory): { scatter: ScatterFunction; draw: DrawFunction } {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return { scatter: instance.exports.scatter as ScatterFunction, draw: instance.exports.draw as DrawFunction };
}
