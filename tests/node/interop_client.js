#!/usr/bin/env node
// Node @grpc/grpc-js interop client for educationhub.testing.v1.TestService.
//
// Runs one case (or all) from the gRPC interop test descriptions against a server following the
// contract at the top of tests/EducationHub.Testing/Protos/interop.proto, loaded at run time
// with @grpc/proto-loader. Exit code 0 = passed; otherwise stderr says exactly what differed.
//
//   node interop_client.js --address 127.0.0.1:5000 --case large_unary
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const DEFAULT_PROTO = path.join(__dirname, '..', 'EducationHub.Testing', 'Protos', 'interop.proto');
const LARGE_REQUEST = 271828;
const LARGE_RESPONSE = 314159;
const STREAM_REQUESTS = [27182, 8, 1828, 45904];
const STREAM_RESPONSES = [31415, 9, 2653, 58979];
const SPECIAL_MESSAGE = '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \u{1f608}\t\n';
const ECHO_INITIAL = ['x-grpc-test-echo-initial', 'test_initial_metadata_value'];
const ECHO_TRAILING = ['x-grpc-test-echo-trailing-bin', Buffer.from([0x0a, 0x0b, 0x0a, 0x0b, 0x0a, 0x0b])];
const GZIP = 2; // grpc-js CompressionAlgorithms.gzip

class Mismatch extends Error {}

function check(condition, what) {
  if (!condition) throw new Mismatch(what);
}

function checkEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Mismatch(`${what}: expected ${e}, got ${a}`);
}

function checkZeroBody(payload, size, what) {
  const body = payload && payload.body ? payload.body : Buffer.alloc(0);
  checkEqual(body.length, size, `${what} payload size`);
  check(body.every((b) => b === 0), `${what} payload is not all zero bytes`);
}

function checkError(error, code, what, message) {
  check(error, `${what}: expected ${grpc.status[code]}, but the call succeeded`);
  checkEqual(grpc.status[error.code], grpc.status[code], `${what} status code`);
  if (message !== undefined) checkEqual(error.details, message, `${what} status message`);
}

const payload = (size) => ({ body: Buffer.alloc(size) });
const deadline = (seconds) => new Date(Date.now() + seconds * 1000);

// Promise helpers over grpc-js callbacks/events.
function unary(client, method, request, options = {}, metadata = new grpc.Metadata()) {
  return new Promise((resolve) => {
    let initial = null;
    let trailing = null;
    let outcome = null;
    const done = () => { if (outcome && trailing) resolve({ ...outcome, initial, trailing }); };
    const call = client[method](request, metadata, { deadline: deadline(options.timeout || 30) },
      (error, response) => { outcome = { error, response }; done(); });
    call.on('metadata', (m) => { initial = m; });
    call.on('status', (s) => { trailing = s.metadata; done(); });
  });
}

function collect(call) {
  return new Promise((resolve) => {
    const responses = [];
    let initial = null;
    call.on('metadata', (m) => { initial = m; });
    call.on('data', (r) => responses.push(r));
    call.on('error', (error) => resolve({ error, responses, initial, trailing: error.metadata }));
    call.on('status', (s) => { if (s.code === grpc.status.OK) resolve({ responses, initial, trailing: s.metadata }); });
  });
}

function clientStream(client, method, requests, options = {}) {
  return new Promise((resolve) => {
    const call = client[method](new grpc.Metadata(), { deadline: deadline(options.timeout || 30) },
      (error, response) => resolve({ error, response }));
    for (const r of requests) call.write(r);
    call.end();
  });
}

function nextMessage(call) {
  return new Promise((resolve, reject) => {
    const onData = (r) => { cleanup(); resolve(r); };
    const onError = (e) => { cleanup(); reject(e); };
    const onEnd = () => { cleanup(); reject(new Mismatch('stream ended before the expected response')); };
    const cleanup = () => { call.off('data', onData); call.off('error', onError); call.off('end', onEnd); };
    call.on('data', onData);
    call.on('error', onError);
    call.on('end', onEnd);
  });
}

function echoMetadata() {
  const metadata = new grpc.Metadata();
  metadata.add(...ECHO_INITIAL);
  metadata.add(...ECHO_TRAILING);
  return metadata;
}

function checkEchoed(initial, trailing, what) {
  check(initial, `${what}: no initial metadata received`);
  checkEqual(initial.get(ECHO_INITIAL[0]), [ECHO_INITIAL[1]], `${what} echoed initial metadata`);
  check(trailing, `${what}: no trailing metadata received`);
  const echoed = trailing.get(ECHO_TRAILING[0]);
  checkEqual(echoed.map((b) => Buffer.from(b).toString('hex')), [ECHO_TRAILING[1].toString('hex')],
    `${what} echoed trailing -bin metadata`);
}

function fullDuplexRequest(responseSize, requestSize) {
  return { response_parameters: [{ size: responseSize }], payload: payload(requestSize) };
}

const cases = {
  async empty_unary({ c }) {
    const r = await unary(c, 'EmptyCall', {});
    if (r.error) throw r.error;
    checkEqual(r.response, {}, 'EmptyCall response');
  },

  async large_unary({ c }) {
    const r = await unary(c, 'UnaryCall', { response_size: LARGE_RESPONSE, payload: payload(LARGE_REQUEST) });
    if (r.error) throw r.error;
    checkZeroBody(r.response.payload, LARGE_RESPONSE, 'UnaryCall');
  },

  async client_streaming({ c }) {
    const r = await clientStream(c, 'StreamingInputCall', STREAM_REQUESTS.map((n) => ({ payload: payload(n) })));
    if (r.error) throw r.error;
    checkEqual(r.response.aggregated_payload_size, STREAM_REQUESTS.reduce((a, b) => a + b), 'aggregated_payload_size');
  },

  async server_streaming({ c }) {
    const call = c.StreamingOutputCall({ response_parameters: STREAM_RESPONSES.map((size) => ({ size })) },
      { deadline: deadline(30) });
    const r = await collect(call);
    if (r.error) throw r.error;
    checkEqual(r.responses.map((x) => x.payload.body.length), STREAM_RESPONSES, 'StreamingOutputCall response sizes');
    r.responses.forEach((x) => checkZeroBody(x.payload, x.payload.body.length, 'StreamingOutputCall'));
  },

  async ping_pong({ c }) {
    const call = c.FullDuplexCall({ deadline: deadline(30) });
    const all = collect(call);
    for (let i = 0; i < STREAM_RESPONSES.length; i++) {
      // One request in flight at a time: its response must arrive before the next send.
      const next = nextMessage(call);
      call.write(fullDuplexRequest(STREAM_RESPONSES[i], STREAM_REQUESTS[i]));
      checkZeroBody((await next).payload, STREAM_RESPONSES[i], `FullDuplexCall response ${i}`);
    }
    call.end();
    const r = await all;
    if (r.error) throw r.error;
    checkEqual(r.responses.length, STREAM_RESPONSES.length, 'FullDuplexCall total responses');
  },

  async empty_stream({ c }) {
    const call = c.FullDuplexCall({ deadline: deadline(30) });
    const all = collect(call);
    call.end();
    const r = await all;
    if (r.error) throw r.error;
    checkEqual(r.responses.length, 0, 'FullDuplexCall responses to an empty stream');
  },

  async custom_metadata({ c }) {
    const u = await unary(c, 'UnaryCall', { response_size: LARGE_RESPONSE, payload: payload(LARGE_REQUEST) }, {}, echoMetadata());
    if (u.error) throw u.error;
    checkZeroBody(u.response.payload, LARGE_RESPONSE, 'UnaryCall');
    checkEchoed(u.initial, u.trailing, 'UnaryCall');

    const call = c.FullDuplexCall(echoMetadata(), { deadline: deadline(30) });
    const all = collect(call);
    call.write(fullDuplexRequest(LARGE_RESPONSE, LARGE_REQUEST));
    call.end();
    const d = await all;
    if (d.error) throw d.error;
    checkEqual(d.responses.map((x) => x.payload.body.length), [LARGE_RESPONSE], 'FullDuplexCall response sizes');
    checkEchoed(d.initial, d.trailing, 'FullDuplexCall');
  },

  async status_code_and_message(ctx) {
    await statusRoundTrip(ctx, 'test status message');
  },

  async special_status_message(ctx) {
    await statusRoundTrip(ctx, SPECIAL_MESSAGE);
  },

  async unimplemented_method({ c }) {
    const r = await unary(c, 'UnimplementedCall', {});
    checkError(r.error, grpc.status.UNIMPLEMENTED, 'TestService/UnimplementedCall');
  },

  async unimplemented_service({ u }) {
    const r = await unary(u, 'UnimplementedCall', {});
    checkError(r.error, grpc.status.UNIMPLEMENTED, 'UnimplementedService/UnimplementedCall');
  },

  async cancel_after_begin({ c }) {
    const r = await new Promise((resolve) => {
      const call = c.StreamingInputCall({ deadline: deadline(30) }, (error) => resolve({ error }));
      call.cancel();
    });
    checkError(r.error, grpc.status.CANCELLED, 'StreamingInputCall cancelled after begin');
  },

  async cancel_after_first_response({ c }) {
    const call = c.FullDuplexCall({ deadline: deadline(30) });
    const all = collect(call);
    const first = nextMessage(call);
    call.write(fullDuplexRequest(31415, 27182));
    checkZeroBody((await first).payload, 31415, 'FullDuplexCall first response');
    call.cancel();
    const r = await all;
    checkError(r.error, grpc.status.CANCELLED, 'FullDuplexCall cancelled after first response');
  },

  async timeout_on_sleeping_server({ c }) {
    // The spec's 1 ms deadline: whichever side notices first, the client must see DEADLINE_EXCEEDED.
    const call = c.FullDuplexCall({ deadline: new Date(Date.now() + 1) });
    const all = collect(call);
    call.write({ payload: payload(27182) });
    checkError((await all).error, grpc.status.DEADLINE_EXCEEDED, 'FullDuplexCall with 1 ms deadline');
    // A deadline long enough for the request to reach a handler that then sleeps past it.
    const sleeping = c.StreamingOutputCall({ response_parameters: [{ size: 1, interval_us: 10000000 }] },
      { deadline: deadline(0.3) });
    checkError((await collect(sleeping)).error, grpc.status.DEADLINE_EXCEEDED,
      'StreamingOutputCall sleeping past a 300 ms deadline');
  },

  async client_compressed_unary({ c, gz }) {
    const make = (expect) => ({ response_size: LARGE_RESPONSE, payload: payload(LARGE_REQUEST), expect_compressed: expect });
    // Probe: the server must notice an uncompressed message that claims to need compression.
    checkError((await unary(c, 'UnaryCall', make(true))).error, grpc.status.INVALID_ARGUMENT,
      'uncompressed UnaryCall with expect_compressed');
    const compressed = await unary(gz, 'UnaryCall', make(true));
    if (compressed.error) throw compressed.error;
    checkZeroBody(compressed.response.payload, LARGE_RESPONSE, 'gzip-compressed UnaryCall');
    const plain = await unary(c, 'UnaryCall', make(false));
    if (plain.error) throw plain.error;
    checkZeroBody(plain.response.payload, LARGE_RESPONSE, 'uncompressed UnaryCall');
  },

  async server_compressed_unary({ c }) {
    for (const compressed of [true, false]) {
      const r = await unary(c, 'UnaryCall', { response_size: LARGE_RESPONSE, payload: payload(LARGE_REQUEST), response_compressed: compressed });
      if (r.error) throw r.error;
      checkZeroBody(r.response.payload, LARGE_RESPONSE, `UnaryCall response_compressed=${compressed}`);
    }
  },

  async client_compressed_streaming({ c, gz }) {
    const first = { payload: payload(27182), expect_compressed: true };
    checkError((await clientStream(c, 'StreamingInputCall', [first])).error, grpc.status.INVALID_ARGUMENT,
      'uncompressed StreamingInputCall with expect_compressed');
    const r = await clientStream(gz, 'StreamingInputCall', [first, { payload: payload(45904), expect_compressed: false }]);
    if (r.error) throw r.error;
    checkEqual(r.response.aggregated_payload_size, 73086, 'compressed StreamingInputCall aggregated_payload_size');
  },

  async server_compressed_streaming({ c }) {
    const call = c.StreamingOutputCall({ response_parameters: [{ size: 31415, compressed: true }, { size: 92653, compressed: false }] },
      { deadline: deadline(30) });
    const r = await collect(call);
    if (r.error) throw r.error;
    checkEqual(r.responses.map((x) => x.payload.body.length), [31415, 92653], 'compressed StreamingOutputCall sizes');
    r.responses.forEach((x) => checkZeroBody(x.payload, x.payload.body.length, 'compressed StreamingOutputCall'));
  },
};

async function statusRoundTrip({ c }, message) {
  const status = { code: 2, message };
  const u = await unary(c, 'UnaryCall', { response_status: status });
  checkError(u.error, grpc.status.UNKNOWN, 'UnaryCall', message);
  const call = c.FullDuplexCall({ deadline: deadline(30) });
  const all = collect(call);
  call.write({ response_status: status });
  call.end();
  checkError((await all).error, grpc.status.UNKNOWN, 'FullDuplexCall', message);
}

function parseArgs(argv) {
  const args = { case: 'all', proto: DEFAULT_PROTO };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!['address', 'case', 'proto'].includes(key) || argv[i + 1] === undefined) {
      throw new Error(`usage: interop_client.js --address host:port [--case name|all] [--proto file] (bad: ${argv[i]})`);
    }
    args[key] = argv[i + 1];
  }
  if (!args.address) throw new Error('--address is required');
  if (args.case !== 'all' && !cases[args.case]) throw new Error(`unknown case ${args.case}`);
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const definition = protoLoader.loadSync(args.proto, { keepCase: true, longs: String, enums: String, defaults: true });
  const pkg = grpc.loadPackageDefinition(definition).educationhub.testing.v1;
  const credentials = grpc.credentials.createInsecure();
  const ctx = {
    c: new pkg.TestService(args.address, credentials),
    // grpc-js chooses request compression per channel, so the compressed cases get their own.
    gz: new pkg.TestService(args.address, credentials, { 'grpc.default_compression_algorithm': GZIP }),
    u: new pkg.UnimplementedService(args.address, credentials),
  };
  let failed = 0;
  for (const name of args.case === 'all' ? Object.keys(cases) : [args.case]) {
    try {
      await cases[name](ctx);
      console.log(`PASS ${name}`);
    } catch (error) {
      failed++;
      const detail = error instanceof Mismatch ? error.message
        : error.code !== undefined ? `unexpected RPC error ${grpc.status[error.code]}: ${JSON.stringify(error.details)}`
          : `${error.name}: ${error.message}`;
      console.error(`FAIL ${name}: ${detail}`);
    }
  }
  Object.values(ctx).forEach((client) => client.close());
  // Exit explicitly: grpc-js can leave a cancelled call's deadline timer armed (seen with
  // cancel_after_begin on an already-connected channel), which would keep the process alive
  // until that deadline. stdout/stderr are synchronous for pipes and files, so nothing is lost.
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(`FAIL: ${error.message}`);
  process.exit(2);
});
