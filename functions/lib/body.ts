/**
 * Reading a JSON request body strictly: the right content type, a size limit checked
 * before and after reading, valid UTF-8 and valid JSON. Error messages describe the
 * problem without quoting the body.
 */
import { isUtf8 } from 'node:buffer';
import type { HttpRequest } from '@azure/functions';
import { ClientError } from './http';
import { jsonErrorPosition } from '../../shared/json';

function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const type = header.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The charset a content type names, if any (JSON is UTF-8, RFC 8259). */
function charsetOf(header: string): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header);
  return match ? match[1].toLowerCase() : null;
}

/** Refuses what the body cannot be read as: anything but JSON, UTF-8 and uncompressed. */
function checkHeaders(request: HttpRequest): void {
  const unsupported = (message: string) => new ClientError(415, 'unsupported_media_type', message);
  const type = request.headers.get('content-type');
  if (!isJsonContentType(type)) {
    throw unsupported('Send the request as JSON, with the header Content-Type: application/json.');
  }
  const charset = charsetOf(type as string);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    throw unsupported('Send the request as UTF-8 JSON (Content-Type: application/json; charset=utf-8).');
  }
  const encoding = request.headers.get('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw unsupported('Send the request body uncompressed: the service does not accept a Content-Encoding.');
  }
}

function tooLarge(maxBytes: number): ClientError {
  return new ClientError(
    413,
    'body_too_large',
    `The request body is larger than the service accepts (${maxBytes.toLocaleString('en-GB')} bytes). Send the rows in smaller batches.`,
  );
}

export async function readJsonBody(
  request: HttpRequest,
  maxBytes: number,
): Promise<{ json: unknown; bytes: number }> {
  checkHeaders(request);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const buffer = Buffer.from(await request.arrayBuffer());
  if (buffer.length > maxBytes) throw tooLarge(maxBytes);
  if (!isUtf8(buffer)) {
    throw new ClientError(400, 'invalid_json', 'The request body is not valid UTF-8 text.');
  }
  // A leading byte order mark is not part of the JSON (as TextDecoder also reads it).
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  const text = buffer.toString('utf8', bom);
  if (text.trim() === '') {
    throw new ClientError(400, 'invalid_json', 'The request body is empty: send a JSON object.');
  }
  try {
    return { json: JSON.parse(text), bytes: buffer.length };
  } catch (error) {
    const at = jsonErrorPosition(error);
    throw new ClientError(
      400,
      'invalid_json',
      `The request body is not valid JSON${at === null ? '' : ` (the problem is near character ${at + 1})`}.`,
    );
  }
}
