using EducationHub.Protos.Whistleblowing.V1;
using static EducationHub.Whistleblowing.Tests.StoredRows;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>
/// Idempotency records last Whistleblowing:Idempotency:RecordLifetime (24 hours by default); then the
/// key is free again and the maintenance sweep deletes them, sealed receipts and all.
/// </summary>
public sealed class IdempotencyExpiryTests
{
    private static readonly Dictionary<string, string?> OneHour = new() { ["Whistleblowing:Idempotency:RecordLifetime"] = "01:00:00" };

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Expired_records_are_deleted_by_maintenance_and_a_key_past_its_lifetime_starts_a_new_report(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        await using var wb = await store.StartHostAsync(settings: OneHour);
        var report = WhistleblowingHost.SampleReport("Puffin");
        report.IdempotencyKey = NewIdempotencyKey();
        var first = await wb.SubmitAsync(report);
        var other = WhistleblowingHost.SampleReport("Gannet");
        other.IdempotencyKey = NewIdempotencyKey();
        await wb.SubmitAsync(other);

        wb.Clock.Advance(TimeSpan.FromMinutes(58));
        Assert.Equal(first, await wb.SubmitAsync(report));
        await ClockTests.MaintainAsync(wb);
        Assert.Equal(2, (await IdempotencyRecordsAsync(wb)).Count); // not expired yet

        // Past its lifetime but not yet swept: the key is free, so this is a new report (the stale record is replaced).
        wb.Clock.Advance(TimeSpan.FromMinutes(3));
        var second = await wb.SubmitAsync(report);
        Assert.NotEqual(first.ReceiptCode, second.ReceiptCode);
        Assert.Equal(3, (await CasesAsync(wb)).Count);
        Assert.Equal(second, await wb.SubmitAsync(report));

        // RunMaintenance (and the timed sweep) delete what has expired, nothing else.
        wb.Clock.Advance(TimeSpan.FromMinutes(30));
        await ClockTests.MaintainAsync(wb);
        var left = Assert.Single(await IdempotencyRecordsAsync(wb));
        Assert.True(left.ExpiresAt > wb.Clock.GetUtcNow());
        wb.Clock.Advance(TimeSpan.FromMinutes(31));
        await ClockTests.MaintainAsync(wb);
        Assert.Empty(await IdempotencyRecordsAsync(wb));
        Assert.Equal(3, (await CasesAsync(wb)).Count); // the cases themselves stay
    }

    [Fact]
    public async Task The_scheduled_sweep_deletes_expired_records()
    {
        await using var wb = await WhistleblowingHost.StartAsync(new Dictionary<string, string?>(WhistleblowingHost.KeySettings())
        {
            ["Whistleblowing:RunMaintenanceInBackground"] = "true",
            ["Whistleblowing:MaintenanceInterval"] = "00:00:00.100",
        });
        var report = WhistleblowingHost.SampleReport();
        report.IdempotencyKey = NewIdempotencyKey();
        await wb.SubmitAsync(report);
        await Task.Delay(300);
        Assert.Single(await IdempotencyRecordsAsync(wb));

        wb.Clock.Advance(TimeSpan.FromHours(24)); // the default lifetime
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await IdempotencyRecordsAsync(wb)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Empty(await IdempotencyRecordsAsync(wb));
        Assert.Single(await CasesAsync(wb));
    }
}
