/** SHA-256 of a file's bytes, streamed (the run manifest decides staleness from it); shares the runner's known hashes. */
export { sha256File as hashFile } from '../io/hash.ts';
