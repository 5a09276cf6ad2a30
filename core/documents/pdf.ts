import { Worker } from 'node:worker_threads';
import { documentError } from './errors.js';

export interface InspectedPdf {
  pageCount: number;
}

export interface PdfLimits {
  /** Wall time for one parse; a file that takes longer is refused, and its parse stopped. */
  timeoutMs: number;
  /** JavaScript heap of the parsing worker. */
  maxHeapMb: number;
  /** Largest single stream pdf-lib may inflate while loading (object and xref streams). */
  maxDecodedStreamBytes: number;
}

export const PDF_LIMITS: Readonly<PdfLimits> = {
  timeoutMs: 15_000,
  maxHeapMb: 256,
  maxDecodedStreamBytes: 64 * 1024 * 1024,
};

const workerUrl = new URL('./pdf-worker.mjs', import.meta.url);

type WorkerReply = { pageCount: number } | { error: 'pdf_encrypted' | 'pdf_broken'; reason?: string };

/**
 * Checks that an upload is a PDF a doctor can open: it must parse, must not be encrypted (a password
 * the doctor does not have) and must have at least one page. The bytes are stored unchanged.
 *
 * pdf-lib runs in a worker thread: its parse is synchronous JavaScript that would stall the bots for
 * a large file, it inflates compressed streams without bound (a 1 MB upload took 1.1 GB and 6 s in a
 * measurement), and only a worker can be stopped mid-parse. Refusals: pdf_encrypted, pdf_broken.
 */
export function inspectPdf(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<InspectedPdf> {
  return new Promise((resolve, reject) => {
    // A Buffer may be a view into a larger pooled ArrayBuffer, which cloning would copy whole; an exact copy is moved instead.
    const copy = new Uint8Array(bytes);
    const worker = new Worker(workerUrl, {
      workerData: { bytes: copy, maxDecodedBytes: limits.maxDecodedStreamBytes },
      transferList: [copy.buffer],
      // The worker is plain JavaScript; inheriting a TypeScript loader's flags would only slow its start.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, stackSizeMb: 4 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(broken('timeout'))), limits.timeoutMs);
    worker.once('message', (reply: WorkerReply) =>
      settle(() => {
        if ('pageCount' in reply) resolve({ pageCount: reply.pageCount });
        else if (reply.error === 'pdf_encrypted') reject(documentError('pdf_encrypted'));
        else reject(broken(reply.reason ?? 'parse'));
      }),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      // Running out of the heap limit is the file's doing; any other worker failure is ours and stays visible.
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? broken('heap') : err)),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`PDF worker exited with code ${code} before answering`))));
  });
}

function broken(reason: string) {
  return documentError('pdf_broken', { reason });
}
