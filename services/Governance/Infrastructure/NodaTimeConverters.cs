using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace EducationHub.Governance.Infrastructure;

/// <summary>
/// LocalDate is stored as a date (TEXT yyyy-MM-dd on SQLite, date on PostgreSQL), so range
/// queries on deadlines work on both providers.
/// </summary>
internal sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(d => d.ToDateOnly(), d => LocalDate.FromDateOnly(d));

/// <summary>Instant is stored as a UTC DateTime (timestamptz on PostgreSQL).</summary>
internal sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    i => i.ToDateTimeUtc(),
    d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

/// <summary>Small value lists (grounds, actions, skills gaps) stored as one JSON text column.</summary>
internal sealed class JsonListConverter<T>() : ValueConverter<List<T>, string>(
    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
    s => JsonSerializer.Deserialize<List<T>>(s, JsonSerializerOptions.Default) ?? new List<T>());

internal sealed class ListComparer<T>() : ValueComparer<List<T>>(
    (a, b) => a != null && b != null && a.SequenceEqual(b),
    v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
    v => v.ToList());
