using EducationHub.Bench.Hub;

// Usage: dotnet run -c Release --project bench/hub -- [schools] [events] [output RESULTS.md]
var schools = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 25_000;
var events = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var output = args.Length > 2 ? args[2] : Path.Combine("bench", "hub", "RESULTS.md");
var results = await HubBenchmarks.RunAsync(schools, events);
await File.WriteAllTextAsync(output, results);
Console.WriteLine(results);
