using System.CommandLine;
using System.CommandLine.IO;

namespace EducationHub.Cli;

/// <summary>Points System.CommandLine's help and parse errors at our writers (tests capture them).</summary>
internal sealed class StreamsConsole(TextWriter stdout, TextWriter stderr) : IConsole
{
    public IStandardStreamWriter Out { get; } = StandardStreamWriter.Create(stdout);
    public bool IsOutputRedirected => true;
    public IStandardStreamWriter Error { get; } = StandardStreamWriter.Create(stderr);
    public bool IsErrorRedirected => true;
    public bool IsInputRedirected => true;
}
