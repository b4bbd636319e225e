// Server-streaming benchmark client (C++, Debian libgrpc++): calls StreamEcho with `count`
// messages of `size` bytes on `streams` concurrent calls, and prints one JSON line with the
// received message count, elapsed seconds and messages per second.
//   stream_client <host:port> <count> <size> <streams>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "bench.grpc.pb.h"

namespace bench = educationhub::bench::v1;

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: stream_client <host:port> <count> <size> <streams>" << std::endl;
    return 2;
  }
  const std::string target = argv[1];
  const int count = std::atoi(argv[2]);
  const int size = std::atoi(argv[3]);
  const int streams = std::atoi(argv[4]);
  auto channel = grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  auto stub = bench::BenchService::NewStub(channel);
  if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10))) {
    std::cerr << "cannot connect to " << target << std::endl;
    return 1;
  }

  std::atomic<long> received{0};
  std::atomic<int> failures{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < streams; i++) {
    threads.emplace_back([&] {
      grpc::ClientContext context;
      bench::StreamRequest request;
      request.set_count(count);
      request.set_payload_size(size);
      auto reader = stub->StreamEcho(&context, request);
      bench::EchoMessage message;
      long n = 0;
      while (reader->Read(&message)) {
        if (static_cast<int>(message.payload().size()) != size) failures++;
        n++;
      }
      grpc::Status status = reader->Finish();
      if (!status.ok() || n != count) {
        std::cerr << "stream ended with " << status.error_code() << " " << status.error_message() << " after " << n
                  << " messages" << std::endl;
        failures++;
      }
      received += n;
    });
  }
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "{\"messages\": " << received.load() << ", \"seconds\": " << seconds
            << ", \"messages_per_second\": " << static_cast<long>(received.load() / seconds)
            << ", \"failures\": " << failures.load() << "}" << std::endl;
  return failures.load() == 0 ? 0 : 1;
}
