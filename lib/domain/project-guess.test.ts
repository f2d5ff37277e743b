import { describe, expect, it } from "vitest";

import type { GuessInput, ProjectGuess } from "./project-guess";
import { guessProject, namesWord } from "./project-guess";

const PROJECTS = [
  { slug: "express", packageName: "express" },
  { slug: "body-parser", packageName: "body-parser" },
  { slug: "babel", packageName: "@babel/core" },
  { slug: "site", packageName: null },
];

const mail = (over: Partial<GuessInput> = {}): GuessInput => ({
  recipients: ["security@example.org"],
  inboundAddress: "security@example.org",
  subject: "A vulnerability",
  body: "Details follow.",
  ...over,
});

describe("guessProject", () => {
  it.each<[string, Partial<GuessInput>, ProjectGuess | null]>([
    ["nothing named", {}, null],
    ["tagged To address", { recipients: ["security+express@example.org"] }, { slug: "express", from: "address" }],
    [
      "tagged address, any case",
      { recipients: ["Security+Body-Parser@Example.ORG"] },
      { slug: "body-parser", from: "address" },
    ],
    [
      "tagged Delivered-To after a plain To",
      { recipients: ["security@example.org", "security+site@example.org"] },
      { slug: "site", from: "address" },
    ],
    [
      "address wins over subject",
      { recipients: ["security+express@example.org"], subject: "body-parser crash" },
      { slug: "express", from: "address" },
    ],
    [
      "tag of an unknown project falls back to the subject",
      { recipients: ["security+nope@example.org"], subject: "XSS in express" },
      { slug: "express", from: "subject" },
    ],
    ["reply tag (a report key) is not a project", { recipients: ["security+SEC-2026-0001@example.org"] }, null],
    ["tag on another domain", { recipients: ["security+express@elsewhere.org"] }, null],
    ["tag on another mailbox", { recipients: ["abuse+express@example.org"] }, null],
    [
      "no INBOUND_ADDRESS: no address guess",
      { inboundAddress: null, recipients: ["security+express@example.org"] },
      null,
    ],
    [
      "two tagged projects: the address is ambiguous",
      { recipients: ["security+express@example.org", "security+site@example.org"] },
      null,
    ],
    [
      "subject names one package",
      { subject: "Prototype pollution in body-parser" },
      { slug: "body-parser", from: "subject" },
    ],
    ["subject, any case", { subject: "ReDoS in Express" }, { slug: "express", from: "subject" }],
    ["scoped package name", { subject: "RCE via @babel/core plugin" }, { slug: "babel", from: "subject" }],
    ["slug of a project without a package", { subject: "XSS on the site" }, { slug: "site", from: "subject" }],
    ["subject names two: no guess", { subject: "express and body-parser", body: "express" }, null],
    ["body names one", { body: "I found that express mishandles redirects." }, { slug: "express", from: "body" }],
    ["body names one at a sentence's end", { body: "It is in express." }, { slug: "express", from: "body" }],
    ["body names two: no guess", { body: "express uses body-parser" }, null],
    ["not a whole word: expressive", { body: "An expressive bug" }, null],
    ["not a whole word: express-session", { body: "bug in express-session" }, null],
    ["not a whole word: express.js file", { body: "see express.js line 4" }, null],
    ["not a whole word: my-express", { body: "my-express is broken" }, null],
    [
      "web form: no recipients, subject empty",
      { recipients: [], inboundAddress: null, subject: "", body: "site" },
      { slug: "site", from: "body" },
    ],
  ])("%s", (_name, over, expected) => {
    expect(guessProject(mail(over), PROJECTS)).toEqual(expected);
  });

  it("guesses nothing without projects", () => {
    expect(guessProject(mail({ subject: "express" }), [])).toBeNull();
  });
});

describe("namesWord", () => {
  it.each<[string, string, boolean]>([
    ["(express)", "express", true],
    ["express, 4.x", "express", true],
    ["`express`", "express", true],
    ["express_utils", "express", false],
    ["node_modules/express/lib", "express", false],
    ["a+b", "a+b", true],
    ["", "express", false],
  ])("%j names %j: %s", (text, name, expected) => {
    expect(namesWord(text, name)).toBe(expected);
  });
});
