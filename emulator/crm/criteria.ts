/**
 * Parser for search criteria such as
 * `((Last_Name:starts_with:G) and (Email:equals:x@y.com))` (Zoho docs: CRM
 * search records).
 * `\` escapes `(`, `)` and `,` in values. `and` binds tighter than `or`.
 */
import type { ZohoRecord } from "../state/seed";

/** A compiled criteria expression. */
export type RecordTest = (record: ZohoRecord) => boolean;

const OPERATORS = new Set([
  "equals",
  "not_equal",
  "starts_with",
  "in",
  "between",
  "greater_than",
  "greater_equal",
  "less_than",
  "less_equal",
]);

/** Compiles criteria; throws Error with a reason when malformed. */
export function compileCriteria(
  text: string,
  knownField: (name: string) => boolean,
): RecordTest {
  const parser = new CriteriaParser(text.trim(), knownField);
  const test = parser.parseOr();
  if (!parser.atEnd()) throw new Error("unexpected text after criteria");
  return test;
}

class CriteriaParser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly knownField: (name: string) => boolean,
  ) {}

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  parseOr(): RecordTest {
    const parts = [this.parseAnd()];
    while (this.keyword("or")) parts.push(this.parseAnd());
    return (r) => parts.some((p) => p(r));
  }

  private parseAnd(): RecordTest {
    const parts = [this.parseTerm()];
    while (this.keyword("and")) parts.push(this.parseTerm());
    return (r) => parts.every((p) => p(r));
  }

  private parseTerm(): RecordTest {
    this.skipSpace();
    if (this.text[this.pos] !== "(") throw new Error("expected (");
    this.pos += 1;
    this.skipSpace();

    if (this.text[this.pos] === "(") {
      const inner = this.parseOr();
      this.expect(")");
      return inner;
    }
    return this.parseCondition();
  }

  private parseCondition(): RecordTest {
    let raw = "";
    while (this.pos < this.text.length && this.text[this.pos] !== ")") {
      const ch = this.text[this.pos] as string;
      raw += ch === "\\" ? ch + (this.text[this.pos + 1] ?? "") : ch;
      this.pos += ch === "\\" ? 2 : 1;
    }
    this.expect(")");

    const [field, op, ...rest] = raw.split(":");
    const value = rest.join(":");
    if (!field || !op || rest.length === 0) throw new Error("bad condition");
    if (!OPERATORS.has(op)) throw new Error(`unknown operator ${op}`);
    if (!this.knownField(field.split(".")[0] ?? "")) {
      throw new Error(`unknown field ${field}`);
    }
    return condition(field, op, value);
  }

  private keyword(word: string): boolean {
    this.skipSpace();
    const next = this.text.slice(this.pos, this.pos + word.length);
    if (next.toLowerCase() !== word) return false;
    this.pos += word.length;
    return true;
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== ch) throw new Error(`expected ${ch}`);
    this.pos += 1;
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.pos] ?? "")) this.pos += 1;
  }
}

/** Splits on unescaped commas and removes the escapes. */
function values(raw: string): string[] {
  return raw.split(/(?<!\\),/).map(unescape);
}

function unescape(raw: string): string {
  return raw.replace(/\\(.)/g, "$1");
}

function fieldValue(record: ZohoRecord, path: string): unknown {
  const [head, sub] = path.split(".");
  const value = record[head ?? ""];
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    return sub ? obj[sub] : (obj.id ?? obj.name);
  }
  return value;
}

function condition(field: string, op: string, raw: string): RecordTest {
  const wanted = values(raw).map((v) => v.toLowerCase());
  const first = wanted[0] ?? "";
  return (record) => {
    const actual = String(fieldValue(record, field) ?? "").toLowerCase();
    const n = Number(actual);
    switch (op) {
      case "equals":
        return actual === unescape(raw).toLowerCase();
      case "not_equal":
        return actual !== unescape(raw).toLowerCase();
      case "starts_with":
        return actual.startsWith(first);
      case "in":
        return wanted.includes(actual);
      case "greater_than":
        return order(actual, n, first) > 0;
      case "greater_equal":
        return order(actual, n, first) >= 0;
      case "less_than":
        return order(actual, n, first) < 0;
      case "less_equal":
        return order(actual, n, first) <= 0;
      default:
        return (
          order(actual, n, first) >= 0 && order(actual, n, wanted[1] ?? "") <= 0
        );
    }
  };
}

function order(actual: string, n: number, wanted: string): number {
  const w = Number(wanted);
  if (!Number.isNaN(n) && !Number.isNaN(w) && actual !== "") return n - w;
  return actual < wanted ? -1 : actual > wanted ? 1 : 0;
}
