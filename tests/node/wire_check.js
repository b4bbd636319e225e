#!/usr/bin/env node
// Wire-level gRPC checks with Node's own HTTP/2 stack (no gRPC library in between), for what
// gRPC clients hide from their users: the compressed-flag byte and grpc-encoding, trailers-only
// responses, percent-encoded grpc-message bytes, the server's own grpc-timeout handling,
// content-type / method handling and the receive size limit. Server contract: interop.proto.
//
//   node wire_check.js --address 127.0.0.1:5000 --case server_gzip_response
'use strict';

const http2 = require('http2');
const path = require('path');
const zlib = require('zlib');
const protoLoader = require('@grpc/proto-loader');

const PROTO = path.join(__dirname, '..', 'EducationHub.Testing', 'Protos', 'interop.proto');
const SERVICE = '/educationhub.testing.v1.TestService/';

class Mismatch extends Error {}
const check = (ok, what) => { if (!ok) throw new Mismatch(what); };
const checkEqual = (actual, expected, what) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Mismatch(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
};

const methods = protoLoader.loadSync(PROTO, { keepCase: true, defaults: true })['educationhub.testing.v1.TestService'];
const encode = (method, message) => methods[method].requestSerialize(message);
const decode = (method, bytes) => methods[method].responseDeserialize(bytes);

function frame(bytes, compressed) {
  const header = Buffer.alloc(5);
  header.writeUInt8(compressed ? 1 : 0, 0);
  header.writeUInt32BE(bytes.length, 1);
  return Buffer.concat([header, bytes]);
}

function parseFrames(body) {
  const frames = [];
  for (let offset = 0; offset < body.length;) {
    check(body.length - offset >= 5, `truncated frame header at byte ${offset}`);
    const length = body.readUInt32BE(offset + 1);
    frames.push({ compressed: body.readUInt8(offset), bytes: body.subarray(offset + 5, offset + 5 + length) });
    offset += 5 + length;
  }
  return frames;
}

// One HTTP/2 request; resolves with response headers, body, trailers and whether the response
// ended in its first HEADERS frame (trailers-only).
function request(session, { path: requestPath, method = 'POST', headers = {}, body = Buffer.alloc(0) }) {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': method, ':path': requestPath, 'content-type': 'application/grpc', te: 'trailers', ...headers });
    const chunks = [];
    let responseHeaders = null;
    let responseFlags = 0;
    let trailers = null;
    stream.on('response', (h, flags) => { responseHeaders = h; responseFlags = flags; });
    stream.on('trailers', (t) => { trailers = t; });
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve({
      headers: responseHeaders,
      body: Buffer.concat(chunks),
      trailers,
      trailersOnly: (responseFlags & http2.constants.NGHTTP2_FLAG_END_STREAM) !== 0,
    }));
    stream.on('error', reject);
    stream.end(body);
  });
}

const statusOf = (r) => (r.trailers && r.trailers['grpc-status']) || r.headers['grpc-status'];

const cases = {
  async server_gzip_response(session) {
    const r = await request(session, {
      path: SERVICE + 'UnaryCall',
      headers: { 'grpc-accept-encoding': 'identity,gzip' },
      body: frame(encode('UnaryCall', { response_size: 5000, response_compressed: true })),
    });
    checkEqual(r.headers[':status'], 200, 'HTTP status');
    check(String(r.headers['content-type']).startsWith('application/grpc'), `content-type ${r.headers['content-type']}`);
    checkEqual(r.headers['grpc-encoding'], 'gzip', 'grpc-encoding response header');
    const frames = parseFrames(r.body);
    checkEqual(frames.map((f) => f.compressed), [1], 'compressed flags of the response frames');
    check(frames[0].bytes.length < 5000, `a "compressed" 5000-byte zero payload took ${frames[0].bytes.length} bytes`);
    checkEqual(decode('UnaryCall', zlib.gunzipSync(frames[0].bytes)).payload.body.length, 5000, 'gunzipped payload size');
    checkEqual(statusOf(r), '0', 'grpc-status');
  },

  async no_gzip_unless_accepted(session) {
    const r = await request(session, {
      path: SERVICE + 'UnaryCall',
      headers: { 'grpc-accept-encoding': 'identity' },
      body: frame(encode('UnaryCall', { response_size: 5000, response_compressed: true })),
    });
    const frames = parseFrames(r.body);
    checkEqual(frames.map((f) => f.compressed), [0], 'compressed flags when the client does not accept gzip');
    checkEqual(decode('UnaryCall', frames[0].bytes).payload.body.length, 5000, 'payload size');
    checkEqual(statusOf(r), '0', 'grpc-status');
  },

  async gzip_request(session) {
    const r = await request(session, {
      path: SERVICE + 'UnaryCall',
      headers: { 'grpc-encoding': 'gzip', 'grpc-accept-encoding': 'gzip' },
      body: frame(zlib.gzipSync(encode('UnaryCall', { response_size: 10, expect_compressed: true, payload: { body: Buffer.alloc(3000) } })), true),
    });
    checkEqual(statusOf(r), '0', `grpc-status (grpc-message ${r.trailers && r.trailers['grpc-message']})`);
    checkEqual(decode('UnaryCall', parseFrames(r.body)[0].bytes).payload.body.length, 10, 'payload size');
  },

  async unsupported_request_encoding(session) {
    // The spec: a message encoding the server does not support is UNIMPLEMENTED, and the
    // server lists what it does support in grpc-accept-encoding.
    const r = await request(session, {
      path: SERVICE + 'UnaryCall',
      headers: { 'grpc-encoding': 'x-not-a-codec' },
      body: frame(Buffer.from([0x08, 0x01]), true),
    });
    checkEqual(statusOf(r), '12', 'grpc-status for an unknown grpc-encoding');
    check(String(r.headers['grpc-accept-encoding'] || '').includes('gzip'), `grpc-accept-encoding ${r.headers['grpc-accept-encoding']}`);
  },

  async trailers_only_unimplemented(session) {
    const r = await request(session, { path: '/educationhub.testing.v1.UnimplementedService/UnimplementedCall', body: frame(Buffer.alloc(0)) });
    checkEqual(r.headers[':status'], 200, 'HTTP status');
    check(r.trailersOnly, 'UNIMPLEMENTED was not a trailers-only response (HEADERS with END_STREAM)');
    checkEqual(r.headers['grpc-status'], '12', 'grpc-status in the only HEADERS frame');
    checkEqual(r.body.length, 0, 'body length');
  },

  async percent_encoded_message(session) {
    const message = 'caf\u00e9 50% \u263a \u{1f608}\r\n';
    const r = await request(session, { path: SERVICE + 'UnaryCall', body: frame(encode('UnaryCall', { response_status: { code: 2, message } })) });
    const raw = (r.trailers && r.trailers['grpc-message']) || r.headers['grpc-message'];
    check(typeof raw === 'string', 'no grpc-message');
    check(/^[\x20-\x7e]*$/.test(raw), `grpc-message is not printable ASCII: ${JSON.stringify(raw)}`);
    check(raw.includes('%25'), `'%' was not percent-encoded: ${raw}`);
    checkEqual(decodeURIComponent(raw), message, 'percent-decoded grpc-message');
    checkEqual(statusOf(r), '2', 'grpc-status');
  },

  async server_deadline(session) {
    // No client-side timer here: only the server's grpc-timeout handling can end this call.
    const started = Date.now();
    const r = await request(session, {
      path: SERVICE + 'StreamingOutputCall',
      headers: { 'grpc-timeout': '200m' },
      body: frame(encode('StreamingOutputCall', { response_parameters: [{ size: 1, interval_us: 20000000 }] })),
    });
    checkEqual(statusOf(r), '4', 'grpc-status after grpc-timeout: 200m on a handler sleeping 20 s');
    check(Date.now() - started < 19000, 'the call lasted as long as the handler slept: grpc-timeout was ignored');
  },

  async wrong_content_type(session) {
    const r = await request(session, { path: SERVICE + 'EmptyCall', headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') });
    checkEqual(r.headers[':status'], 415, 'HTTP status for content-type application/json (the spec: 415)');
  },

  async non_post(session) {
    const stream = session.request({ ':method': 'GET', ':path': SERVICE + 'EmptyCall', 'content-type': 'application/grpc', te: 'trailers' });
    const status = await new Promise((resolve, reject) => {
      stream.on('response', (h) => resolve(h[':status']));
      stream.on('error', reject);
      stream.end();
    });
    stream.close();
    check(status === 405 || status === 200, `HTTP status ${status} for GET`);
  },

  async max_receive_size(session) {
    const r = await request(session, {
      path: SERVICE + 'UnaryCall',
      body: frame(encode('UnaryCall', { payload: { body: Buffer.alloc(5 * 1024 * 1024) } })),
    });
    checkEqual(statusOf(r), '8', 'grpc-status for a 5 MB request (default limit 4 MB: RESOURCE_EXHAUSTED)');
  },
};

async function main() {
  const args = {};
  for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
  if (!args.address) throw new Error('usage: wire_check.js --address host:port [--case name|all]');
  const names = !args.case || args.case === 'all' ? Object.keys(cases) : [args.case];
  if (!names.every((n) => cases[n])) throw new Error(`unknown case ${args.case}`);
  let failed = 0;
  for (const name of names) {
    // A session per case: a case that breaks its connection cannot spoil the next one.
    const session = http2.connect(`http://${args.address}`);
    session.on('error', () => {});
    try {
      await cases[name](session);
      console.log(`PASS ${name}`);
    } catch (error) {
      failed++;
      console.error(`FAIL ${name}: ${error instanceof Mismatch ? error.message : `${error.name}: ${error.message}`}`);
    } finally {
      session.destroy();
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(`FAIL: ${error.message}`);
  process.exit(2);
});
