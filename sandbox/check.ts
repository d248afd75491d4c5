// Input checks with AWS-style messages. Each service builds one Check with its own error code.
import { ApiError } from './errors';

export type Json = Record<string, unknown>;

interface StrOpts { required?: boolean; min?: number; max?: number; pattern?: RegExp }
interface NumOpts { required?: boolean; min?: number; max?: number; integer?: boolean }

export class Check {
  constructor(
    readonly code: string,
    private readonly missingCode = code,
    private readonly status = 400,
  ) {}

  fail(message: string): ApiError {
    return new ApiError(this.code, message, this.status);
  }

  private constraint(key: string, value: unknown, what: string): ApiError {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    return this.fail(`1 validation error detected: Value '${shown}' at '${memberName(key)}' failed to satisfy constraint: ${what}`);
  }

  missing(key: string): ApiError {
    return new ApiError(this.missingCode, `1 validation error detected: Value null at '${memberName(key)}' failed to satisfy constraint: Member must not be null`, this.status);
  }

  str(obj: Json, key: string, opts: StrOpts & { required: true }): string;
  str(obj: Json, key: string, opts?: StrOpts): string | undefined;
  str(obj: Json, key: string, opts: StrOpts = {}): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (opts.required) throw this.missing(key);
      return undefined;
    }
    if (typeof value !== 'string') throw this.constraint(key, value, 'Member must be a string');
    if (opts.min !== undefined && value.length < opts.min) throw this.constraint(key, value, `Member must have length greater than or equal to ${opts.min}`);
    if (opts.max !== undefined && value.length > opts.max) throw this.constraint(key, value, `Member must have length less than or equal to ${opts.max}`);
    if (opts.pattern && !opts.pattern.test(value)) throw this.constraint(key, value, `Member must satisfy regular expression pattern: ${opts.pattern.source}`);
    return value;
  }

  num(obj: Json, key: string, opts: NumOpts = {}): number | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (opts.required) throw this.missing(key);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) throw this.constraint(key, value, 'Member must be a number');
    if (opts.integer && !Number.isInteger(value)) throw this.constraint(key, value, 'Member must be an integer');
    if (opts.min !== undefined && value < opts.min) throw this.constraint(key, value, `Member must have value greater than or equal to ${opts.min}`);
    if (opts.max !== undefined && value > opts.max) throw this.constraint(key, value, `Member must have value less than or equal to ${opts.max}`);
    return value;
  }

  bool(obj: Json, key: string): boolean | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw this.constraint(key, value, 'Member must be a boolean');
    return value;
  }

  oneOf<T extends string>(obj: Json, key: string, values: readonly T[], required = false): T | undefined {
    const value = this.str(obj, key, { required });
    if (value !== undefined && !values.includes(value as T)) {
      throw this.constraint(key, value, `Member must satisfy enum value set: [${values.join(', ')}]`);
    }
    return value as T | undefined;
  }

  obj(obj: Json, key: string, required = false): Json | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) throw this.missing(key);
      return undefined;
    }
    if (typeof value !== 'object' || Array.isArray(value)) throw this.constraint(key, value, 'Member must be a structure');
    return value as Json;
  }

  list(obj: Json, key: string, opts: { required?: boolean; min?: number; max?: number } = {}): unknown[] | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (opts.required) throw this.missing(key);
      return undefined;
    }
    if (!Array.isArray(value)) throw this.constraint(key, value, 'Member must be a list');
    if (opts.min !== undefined && value.length < opts.min) throw this.constraint(key, value, `Member must have length greater than or equal to ${opts.min}`);
    if (opts.max !== undefined && value.length > opts.max) throw this.constraint(key, value, `Member must have length less than or equal to ${opts.max}`);
    return value;
  }

  strList(obj: Json, key: string, opts: { required?: boolean; min?: number; max?: number } = {}): string[] | undefined {
    const value = this.list(obj, key, opts);
    if (value && value.some((v) => typeof v !== 'string')) throw this.constraint(key, value, 'Member must be a list of strings');
    return value as string[] | undefined;
  }

  objList(obj: Json, key: string, opts: { required?: boolean; min?: number; max?: number } = {}): Json[] | undefined {
    const value = this.list(obj, key, opts);
    if (value && value.some((v) => typeof v !== 'object' || v === null || Array.isArray(v))) {
      throw this.constraint(key, value, 'Member must be a list of structures');
    }
    return value as Json[] | undefined;
  }
}

function memberName(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

/** Parses a JSON request body: empty means `{}`, anything but an object is refused. */
export function parseJsonBody(body: Buffer, fail: (message: string) => ApiError): Json {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw fail('Request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('Request body must be a JSON object');
  return value as Json;
}
