// Plain JavaScript on purpose: a worker thread is started by Node itself, without the TypeScript loader
// that tsx or vitest give the main thread. Runs pdf-lib on one untrusted upload; see pdf.ts for why.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
// The CommonJS build is the one Node loads for `import 'pdf-lib'`; requiring both from it shares one instance.
const { PDFDocument } = require('pdf-lib');
const DecodeStream = require('pdf-lib/cjs/core/streams/DecodeStream.js').default;

class StreamTooLarge extends Error {}
// pdf-lib skips objects it cannot parse and carries on, so the refusal is remembered here as well as thrown.
let streamTooLarge = false;

// pdf-lib inflates object and xref streams while loading, with no bound: a 1 MB upload can ask for
// gigabytes. Every decoder grows its output through ensureBuffer, so this caps all of them. The patch
// lives only in this worker's copy of pdf-lib.
const ensureBuffer = DecodeStream.prototype.ensureBuffer;
DecodeStream.prototype.ensureBuffer = function (requested) {
  if (requested > workerData.maxDecodedBytes) {
    streamTooLarge = true;
    throw new StreamTooLarge();
  }
  return ensureBuffer.call(this, requested);
};

// pdf-lib reports recoverable damage on the console; a server log is no place for it.
console.warn = () => {};
console.log = () => {};
console.info = () => {};

async function inspect(bytes) {
  let doc;
  try {
    // Encryption is read from pdf-lib's isEncrypted below: its EncryptedPDFError is compiled to ES5 and
    // fails instanceof, so the thrown error cannot be told apart from a broken file.
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    return { error: 'pdf_broken', reason: streamTooLarge ? 'stream_too_large' : 'parse' };
  }
  if (streamTooLarge) return { error: 'pdf_broken', reason: 'stream_too_large' };
  if (doc.isEncrypted) return { error: 'pdf_encrypted' };
  try {
    // Walks the page tree, which a damaged file may lack or loop; pdf-lib then throws.
    const pageCount = doc.getPageCount();
    return pageCount > 0 ? { pageCount } : { error: 'pdf_broken', reason: 'no_pages' };
  } catch {
    return { error: 'pdf_broken', reason: 'page_tree' };
  }
}

parentPort.postMessage(await inspect(workerData.bytes));
