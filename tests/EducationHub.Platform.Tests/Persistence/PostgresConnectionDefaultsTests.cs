using EducationHub.ServiceDefaults.Persistence;
using Npgsql;
using Xunit;

namespace EducationHub.Platform.Tests.Persistence;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void A_connection_string_that_says_nothing_gets_statements_prepared_automatically()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=risk;Username=svc;Password=p;Maximum Pool Size=30"));

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal("db", applied.Host);
        Assert.Equal("risk", applied.Database);
        Assert.Equal("svc", applied.Username);
        Assert.Equal("p", applied.Password);
        Assert.Equal(30, applied.MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;max auto prepare=5", 5)]
    [InlineData("Host=db;MaxAutoPrepare=7", 7)]
    public void An_explicit_setting_wins_including_off(string connectionString, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString)).MaxAutoPrepare);
    }
}
