#!/usr/bin/env node
// @grpc/grpc-js benchmark server: bench.proto's BenchService, loaded at run time with
// @grpc/proto-loader (the usual way Node services are written). Uses tests/node's packages.
//   node echo_server.js <port>    prints "LISTENING <port>" once ready
'use strict';

const path = require('path');
const modules = path.join(__dirname, '..', '..', '..', 'tests', 'node', 'node_modules');
const grpc = require(path.join(modules, '@grpc', 'grpc-js'));
const protoLoader = require(path.join(modules, '@grpc', 'proto-loader'));

const definition = protoLoader.loadSync(path.join(__dirname, '..', 'protos', 'bench.proto'), { keepCase: true });
const bench = grpc.loadPackageDefinition(definition).educationhub.bench.v1;

function streamEcho(call) {
  const message = { payload: Buffer.alloc(call.request.payload_size) };
  let remaining = call.request.count;
  // Respect backpressure: write until the stream's buffer is full, resume on 'drain'.
  const pump = () => {
    while (remaining > 0) {
      remaining--;
      if (!call.write(message)) {
        call.once('drain', pump);
        return;
      }
    }
    call.end();
  };
  call.on('cancelled', () => { remaining = 0; });
  pump();
}

const server = new grpc.Server();
server.addService(bench.BenchService.service, {
  Echo: (call, callback) => callback(null, call.request),
  StreamEcho: streamEcho,
});
server.bindAsync(`127.0.0.1:${process.argv[2] || 0}`, grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`LISTENING ${port}`);
});
