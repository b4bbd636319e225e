using System.Security.Cryptography;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Whistleblowing.Application;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>Rotation: add a new master key, make it active, re-wrap, remove the old key; every case stays readable and every reporter can sign in (receipt hashed or still pending).</summary>
public sealed class KeyRotationTests
{
    [Fact]
    public async Task Data_keys_rewrapped_under_a_new_master_key_stay_readable_after_the_old_key_is_removed()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ehub-wb-rotation-").FullName;
        try
        {
            var oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var pepper = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            Dictionary<string, string?> Settings(string active, params (string, string)[] keys)
            {
                var s = WhistleblowingHost.KeySettings(active, keys);
                s["Whistleblowing:Receipt:Pepper"] = pepper;
                s["Persistence:DataDirectory"] = dataDirectory;
                // Heron's receipt stays pending through the rotation: its lookup must move to the new key.
                s["Whistleblowing:Receipt:HashInBackground"] = "false";
                return s;
            }

            string receiptCode, pendingCode;
            await using (var before = await WhistleblowingHost.StartAsync(Settings("2025", ("2025", oldKey))))
            {
                receiptCode = (await before.SubmitAsync(WhistleblowingHost.SampleReport("Gecko"))).ReceiptCode;
                Assert.True(before.HashOldestPendingReceipt());
                pendingCode = (await before.SubmitAsync(WhistleblowingHost.SampleReport("Heron"))).ReceiptCode;
                Assert.Equal(1, before.CountPendingReceipts());
            }

            await using (var rotating = await WhistleblowingHost.StartAsync(Settings("2026", ("2025", oldKey), ("2026", newKey))))
            {
                await using var scope = rotating.Host.Services.CreateAsyncScope();
                var rotation = scope.ServiceProvider.GetRequiredService<KeyRotationService>();
                Assert.Equal(2, await rotation.CountNotUnderActiveKeyAsync(CancellationToken.None));
                Assert.Equal(2, await rotation.RewrapAllAsync(CancellationToken.None));
                Assert.Equal(0, await rotation.CountNotUnderActiveKeyAsync(CancellationToken.None));
                Assert.Equal(0, await rotation.RewrapAllAsync(CancellationToken.None));
            }

            await using var after = await WhistleblowingHost.StartAsync(Settings("2026", ("2026", newKey)));
            var cases = await after.Call<ListCasesRequest, ListCasesResponse>(WhistleblowingHost.Cases + "ListCases", new ListCasesRequest(), WhistleblowingHost.HandlerToken());
            var texts = new List<string>();
            foreach (var summary in cases.Cases)
            {
                texts.Add((await after.Act("GetCase", new GetCaseRequest { CaseId = summary.CaseId })).WhatHappened);
            }

            Assert.Contains(texts, t => t.StartsWith("Gecko-what", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.StartsWith("Heron-what", StringComparison.Ordinal));
            Assert.Equal(CaseStatus.New, (await after.ReadAsReporterAsync(receiptCode, "correct horse battery")).Status);
            Assert.Equal(1, after.CountPendingReceipts());
            Assert.Equal(CaseStatus.New, (await after.ReadAsReporterAsync(pendingCode, "correct horse battery")).Status);
            Assert.True(after.HashOldestPendingReceipt());
            Assert.Equal(CaseStatus.New, (await after.ReadAsReporterAsync(pendingCode, "correct horse battery")).Status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
