import { createHmac } from "node:crypto";

// A keyed blind index of the words of encrypted text, so search still finds
// whole words: each normalised word becomes HMAC-SHA256(search key, word),
// truncated to 64 bits and written in the letters a–p (so PostgreSQL's text
// search parser keeps it as one word). What it leaks: which rows share a word,
// and how many distinct words a row has — never the words themselves.

/** Words too common to tell reports apart: left out of the index and of queries. */
const STOPWORDS = new Set(
  (
    "a an and are as at be but by can could did do does for from had has have he her his i if in into is it its " +
    "me my no not of on or our she so that the their them then there these they this to was we were what when " +
    "which who will with would you your"
  ).split(" "),
);

const MAX_WORD = 64;
/** the most distinct words one text adds to the index */
export const MAX_WORDS = 5000;

/** The distinct words of a text as search sees them: NFKC, lower case, letters and digits, no stop words. */
export function normalizedWords(text: string): string[] {
  const words = new Set<string>();
  for (const w of text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 2 || w.length > MAX_WORD || STOPWORDS.has(w)) continue;
    words.add(w);
    if (words.size >= MAX_WORDS) break;
  }
  return [...words];
}

const LETTERS = "abcdefghijklmnop";

export function wordHash(key: Buffer, word: string): string {
  const mac = createHmac("sha256", key).update(word, "utf8").digest().subarray(0, 8);
  let out = "";
  for (const byte of mac) out += LETTERS[byte >> 4]! + LETTERS[byte & 15]!;
  return out;
}

/** The blind index of a text: one hash per distinct word, sorted (so their order tells nothing). */
export function blindIndex(key: Buffer, text: string | null | undefined): string[] {
  if (!text) return [];
  return normalizedWords(text)
    .map((w) => wordHash(key, w))
    .sort();
}
