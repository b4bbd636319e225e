using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EducationHub.Platform.Tests.Persistence;

/// <summary>A logger provider that keeps every Error or Critical entry, so a test can assert a host logged none.</summary>
internal sealed class ErrorLogRecorder : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, Errors);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                errors.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}");
        }
    }
}
