/**
 * A tiny S3-compatible server on 127.0.0.1, enough for the calls S3Storage
 * makes through the real AWS SDK (path-style): PutObject, the multipart
 * upload calls, GetObject, HeadObject, DeleteObject. It checks no signature.
 * Lets the tests run the SDK end to end without a network or a MinIO.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { buffer } from "node:stream/consumers";

export interface FakeS3 {
  endpoint: string;
  bucket: string;
  objects: Map<string, Buffer>;
  /** Multipart uploads created and neither completed nor aborted. */
  pendingUploads: Map<string, { key: string; parts: Map<number, Buffer> }>;
  calls: string[];
  /** Answer 500 to every UploadPart of this part number (to simulate a failing back-end). */
  failPartNumber?: number;
  close(): Promise<void>;
}

export async function startFakeS3(bucket = "guichet-test"): Promise<FakeS3> {
  const state: Omit<FakeS3, "endpoint" | "close"> = { bucket, objects: new Map(), pendingUploads: new Map(), calls: [] };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "Content-Type": "application/xml" });
      response.end(errorXml("InternalError", String(error)));
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const url = new URL(request.url ?? "/", "http://localhost");
    const [, requestBucket, ...keyParts] = url.pathname.split("/");
    const key = keyParts.map(decodeURIComponent).join("/");
    const method = request.method ?? "GET";
    const uploadId = url.searchParams.get("uploadId");
    const body = method === "PUT" || method === "POST" ? await buffer(request) : Buffer.alloc(0);

    if (requestBucket !== bucket) return send(response, 404, errorXml("NoSuchBucket", "no such bucket"));

    if (method === "POST" && url.searchParams.has("uploads")) {
      state.calls.push("CreateMultipartUpload");
      const id = randomUUID();
      state.pendingUploads.set(id, { key, parts: new Map() });
      return send(response, 200, `<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`);
    }
    if (method === "PUT" && uploadId) {
      const partNumber = Number(url.searchParams.get("partNumber"));
      state.calls.push(`UploadPart ${partNumber}`);
      const upload = state.pendingUploads.get(uploadId);
      if (!upload) return send(response, 404, errorXml("NoSuchUpload", "no such upload"));
      if (state.failPartNumber === partNumber) return send(response, 500, errorXml("InternalError", "disk full"));
      upload.parts.set(partNumber, body);
      response.setHeader("ETag", `"part-${partNumber}"`);
      return send(response, 200, "");
    }
    if (method === "POST" && uploadId) {
      state.calls.push("CompleteMultipartUpload");
      const upload = state.pendingUploads.get(uploadId);
      if (!upload) return send(response, 404, errorXml("NoSuchUpload", "no such upload"));
      const numbers = [...upload.parts.keys()].sort((a, b) => a - b);
      state.objects.set(key, Buffer.concat(numbers.map((number) => upload.parts.get(number) ?? Buffer.alloc(0))));
      state.pendingUploads.delete(uploadId);
      return send(response, 200, `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><ETag>"done"</ETag></CompleteMultipartUploadResult>`);
    }
    if (method === "DELETE" && uploadId) {
      state.calls.push("AbortMultipartUpload");
      state.pendingUploads.delete(uploadId);
      return send(response, 204, "");
    }
    if (method === "PUT") {
      state.calls.push("PutObject");
      state.objects.set(key, body);
      response.setHeader("ETag", '"object"');
      return send(response, 200, "");
    }
    if (method === "GET" || method === "HEAD") {
      state.calls.push(method === "GET" ? "GetObject" : "HeadObject");
      const object = state.objects.get(key);
      if (!object) {
        if (method === "HEAD") return send(response, 404, "");
        return send(response, 404, errorXml("NoSuchKey", "The specified key does not exist."));
      }
      response.writeHead(200, { "Content-Length": object.length, "Content-Type": "application/octet-stream", ETag: '"object"' });
      response.end(method === "GET" ? object : undefined);
      return;
    }
    if (method === "DELETE") {
      state.calls.push("DeleteObject");
      state.objects.delete(key);
      return send(response, 204, "");
    }
    send(response, 405, errorXml("MethodNotAllowed", method));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeS3 = Object.assign(state, {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return fake;
}

function send(response: http.ServerResponse, status: number, body: string) {
  if (body) response.setHeader("Content-Type", "application/xml");
  response.writeHead(status);
  response.end(body);
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}
