// The rules of RFC 9116 (security.txt) that apply to an unsigned file: returns each rule broken, so a test
// can expect an empty list and read what went wrong.

const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;
const WEB_FIELDS = ["acknowledgments", "canonical", "contact", "encryption", "hiring", "policy"];
const LANGUAGE_TAG = /^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const YEAR = 365 * 86_400_000;

export function rfc9116Problems(text: string, now: Date): string[] {
  const problems: string[] = [];
  if (!/\r?\n$/.test(text)) problems.push("the last line does not end with a line break");
  const fields: { name: string; value: string }[] = [];
  for (const [i, line] of text
    .replace(/\r?\n$/, "")
    .split(/\r?\n/)
    .entries()) {
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([!-9;-~]+): (.*)$/.exec(line);
    if (!m) {
      problems.push(`line ${i + 1} is neither a comment nor "Field: value": ${line}`);
      continue;
    }
    const [, name = "", value = ""] = m;
    fields.push({ name: name.toLowerCase(), value: value.trim() });
  }
  const all = (name: string) => fields.filter((f) => f.name === name);
  if (all("contact").length === 0) problems.push("no Contact field");
  const expires = all("expires");
  if (expires.length !== 1) problems.push(`Expires appears ${expires.length} times, not once`);
  for (const { value } of expires) {
    if (!RFC3339.test(value)) problems.push(`Expires is not an RFC 3339 date-time: ${value}`);
    const at = Date.parse(value);
    if (!(at > now.getTime())) problems.push(`Expires is not in the future: ${value}`);
    if (at - now.getTime() >= YEAR) problems.push(`Expires is a year or more ahead: ${value}`);
  }
  if (all("preferred-languages").length > 1) problems.push("Preferred-Languages appears more than once");
  for (const { value } of all("preferred-languages"))
    for (const tag of value.split(",").map((t) => t.trim()))
      if (!LANGUAGE_TAG.test(tag)) problems.push(`Preferred-Languages has a tag that is not RFC 5646: ${tag}`);
  for (const f of fields.filter((f) => WEB_FIELDS.includes(f.name))) {
    if (!URI.test(f.value)) problems.push(`${f.name} is not a URI: ${f.value}`);
    if (/^http:/i.test(f.value)) problems.push(`${f.name} is a web URI that does not begin with https://`);
  }
  if (all("canonical").length > 0 && !all("canonical").some((f) => f.value.endsWith("/.well-known/security.txt")))
    problems.push("no Canonical names the /.well-known/security.txt address");
  return problems;
}
