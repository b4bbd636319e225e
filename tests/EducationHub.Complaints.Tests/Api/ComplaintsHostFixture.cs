using EducationHub.Testing.Time;
using Xunit;

namespace EducationHub.Complaints.Tests.Api;

/// <summary>One host for the read/write API tests; "today" is Tuesday 15 December 2026 in London.</summary>
public sealed class ComplaintsHostFixture : IAsyncLifetime
{
    public ComplaintsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ComplaintsHost.StartAsync(FakeClock.AtLondonNoon(2026, 12, 15));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
