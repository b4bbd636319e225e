using EducationHub.ServiceDefaults.Persistence;
using Xunit;

namespace EducationHub.Platform.Tests.Persistence;

/// <summary>Which provider a service's connection string selects.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData("Host=db;Port=5432;Database=hub;Username=hub;Password=x", DatabaseProvider.PostgreSql)]
    [InlineData("Port=5432;Database=hub;Host=db;Username=hub", DatabaseProvider.PostgreSql)]
    [InlineData("  host=db;database=hub", DatabaseProvider.PostgreSql)]
    [InlineData("Server=db;Database=hub;User ID=hub", DatabaseProvider.PostgreSql)]
    [InlineData("Data Source=data/hub.db", DatabaseProvider.Sqlite)]
    [InlineData("Data Source=/var/lib/ehub/Hostname=odd.db;Cache=Shared", DatabaseProvider.Sqlite)]
    public void A_connection_string_that_names_a_server_is_PostgreSQL_and_anything_else_SQLite(string connectionString, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.FromConnectionString(connectionString));
}
