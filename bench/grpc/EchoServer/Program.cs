using System.Net;
using EducationHub.Bench.EchoServer;
using EducationHub.Grpc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Benchmark host: cleartext HTTP/2 on 127.0.0.1:<port> (argument), warnings-only logging, the
// gRPC layer with its defaults. Prints "LISTENING <port>" once ready (port 0 = any free port).
var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
builder.Services.AddEducationHubGrpc();
var app = builder.Build();
app.MapGrpcService<BenchService>();
await app.StartAsync();
var address = new Uri(app.Urls.First());
Console.WriteLine($"LISTENING {address.Port}");
await app.WaitForShutdownAsync();
