/** write-good ships no types; bench only needs its one function. */
declare module 'write-good' {
  export default function writeGood(text: string): { index: number; offset: number; reason: string }[];
}
