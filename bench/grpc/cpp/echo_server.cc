// Reference C++ gRPC server for the benchmark, built against Debian's libgrpc++ using the
// callback API (the one gRPC recommends for performance). Serves bench.proto's BenchService.
//   echo_server <port>    prints "LISTENING <port>" once ready
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "bench.grpc.pb.h"

namespace bench = educationhub::bench::v1;

class BenchServiceImpl final : public bench::BenchService::CallbackService {
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* context, const bench::EchoMessage* request,
                                 bench::EchoMessage* response) override {
    *response = *request;
    auto* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

  grpc::ServerWriteReactor<bench::EchoMessage>* StreamEcho(grpc::CallbackServerContext* context,
                                                          const bench::StreamRequest* request) override {
    // Writes one message at a time: the next write starts when the previous one completes.
    class Writer : public grpc::ServerWriteReactor<bench::EchoMessage> {
     public:
      explicit Writer(int count, int size) : remaining_(count) {
        message_.set_payload(std::string(static_cast<size_t>(size), '\0'));
        Next();
      }
      void OnWriteDone(bool ok) override {
        if (!ok) {
          Finish(grpc::Status(grpc::StatusCode::CANCELLED, "write failed"));
          return;
        }
        Next();
      }
      void OnDone() override { delete this; }

     private:
      void Next() {
        if (remaining_-- > 0) {
          StartWrite(&message_);
        } else {
          Finish(grpc::Status::OK);
        }
      }
      bench::EchoMessage message_;
      int remaining_;
    };
    (void)context;
    return new Writer(request->count(), request->payload_size());
  }
};

int main(int argc, char** argv) {
  const std::string port = argc > 1 ? argv[1] : "0";
  BenchServiceImpl service;
  grpc::ServerBuilder builder;
  int selected_port = 0;
  builder.AddListeningPort("127.0.0.1:" + port, grpc::InsecureServerCredentials(), &selected_port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server) {
    std::cerr << "could not start the server" << std::endl;
    return 1;
  }
  std::cout << "LISTENING " << selected_port << std::endl;
  server->Wait();
  return 0;
}
