using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Whistleblowing.Application;
using EducationHub.Whistleblowing.Crypto;
using WhistleblowingCase = EducationHub.Whistleblowing.Domain.WhistleblowingCase;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>
/// The slow receipt hashes are computed off the request path: a submission stores a pending
/// receipt (fast lookup + code sealed under the data key), the worker replaces it with the PBKDF2
/// index and passphrase hash. Logins work, and cost the same, in either state.
/// </summary>
public sealed class ReceiptHashingTests
{
    private const string Passphrase = "correct horse battery";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_submission_does_no_slow_hashing_and_the_worker_replaces_its_pending_receipt_with_the_slow_hashes(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        await using var wb = await store.StartHostAsync();
        var before = wb.Receipts.Derivations;
        var code = (await wb.SubmitAsync(WhistleblowingHost.SampleReport())).ReceiptCode;
        Assert.Equal(before, wb.Receipts.Derivations);

        var pending = await LoadOnlyCaseAsync(wb);
        Assert.True(pending.IsReceiptHashPending);
        Assert.NotNull(pending.ReceiptPendingSince);
        Assert.Null(pending.PassphraseHash);
        Assert.Equal(wb.Host.Services.GetRequiredService<CaseCrypto>().PendingLookup.Of(code), pending.ReceiptIndex);
        Assert.Equal(1, wb.CountPendingReceipts());

        Assert.True(wb.HashOldestPendingReceipt());
        Assert.Equal(before + 2, wb.Receipts.Derivations); // the code's index and the passphrase's hash
        Assert.False(wb.HashOldestPendingReceipt());
        Assert.Equal(0, wb.CountPendingReceipts());

        var hashed = await LoadOnlyCaseAsync(wb);
        Assert.False(hashed.IsReceiptHashPending);
        Assert.Null(hashed.PendingReceiptCipher);
        Assert.Null(hashed.ReceiptPendingSince);
        Assert.Equal(pending.Version, hashed.Version); // not a change a handler could collide with
        // Recomputed outside the service from the configured pepper: the stored index is the real slow hash.
        var independent = new ReceiptHasher(Convert.FromBase64String(store.Pepper), 1000);
        Assert.Equal(independent.IndexOf(code), hashed.ReceiptIndex);
        Assert.True(independent.VerifyPassphrase(Passphrase, hashed.PassphraseSalt!, hashed.PassphraseHash!));
        Assert.False(independent.VerifyPassphrase("wrong horse battery", hashed.PassphraseSalt!, hashed.PassphraseHash!));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Logins_succeed_and_wrong_credentials_fail_alike_with_the_same_slow_work_whether_pending_or_hashed(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        await using var wb = await store.StartHostAsync();
        var withPassphrase = (await wb.SubmitAsync(WhistleblowingHost.SampleReport("Otter"))).ReceiptCode;
        var withoutReport = WhistleblowingHost.SampleReport("Badger");
        withoutReport.Passphrase = "";
        withoutReport.Category = ConcernCategory.Governance; // tells the two reports apart in what the reporter sees
        var without = (await wb.SubmitAsync(withoutReport)).ReceiptCode;
        var unknown = OtherCode(withPassphrase, without);

        async Task CheckAll(string state)
        {
            await AcceptedAsync(wb, state, withPassphrase, Passphrase, ConcernCategory.Safeguarding);
            await AcceptedAsync(wb, state, without, "", ConcernCategory.Governance);
            // A passphrase given for a report that has none is ignored, as before.
            await AcceptedAsync(wb, state, without, "anything at all", ConcernCategory.Governance);
            await RefusedAsync(wb, state, withPassphrase, "wrong horse battery");
            await RefusedAsync(wb, state, withPassphrase, "");
            await RefusedAsync(wb, state, unknown, Passphrase);
            await RefusedAsync(wb, state, unknown, "");

            var login = await wb.Call<ReporterLoginRequest, ReporterLoginResponse>(WhistleblowingHost.Intake + "ReporterLogin",
                new ReporterLoginRequest { Credentials = new ReceiptCredentials { ReceiptCode = withPassphrase, Passphrase = Passphrase } }, WhistleblowingHost.PortalToken);
            var bySession = await wb.Call<ReadConversationRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReadConversation",
                new ReadConversationRequest { Auth = new ReporterAuth { SessionToken = login.SessionToken } }, WhistleblowingHost.PortalToken);
            Assert.Equal(CaseStatus.New, bySession.Status);
        }

        Assert.Equal(2, wb.CountPendingReceipts());
        await CheckAll("pending");
        Assert.True(wb.HashOldestPendingReceipt());
        Assert.Equal(1, wb.CountPendingReceipts());
        await CheckAll("one hashed, one pending");
        Assert.True(wb.HashOldestPendingReceipt());
        Assert.Equal(0, wb.CountPendingReceipts());
        await CheckAll("hashed");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_receipt_left_pending_by_a_restart_still_signs_in_and_is_hashed_by_the_next_process(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        string code;
        await using (var first = await store.StartHostAsync())
        {
            code = (await first.SubmitAsync(WhistleblowingHost.SampleReport("Ibis"))).ReceiptCode;
            Assert.Equal(1, first.CountPendingReceipts());
        }

        await using (var restarted = await store.StartHostAsync())
        {
            Assert.Equal(1, restarted.CountPendingReceipts());
            await AcceptedAsync(restarted, "pending after restart", code, Passphrase, ConcernCategory.Safeguarding);
            await RefusedAsync(restarted, "pending after restart", code, "wrong horse battery");
        }

        await using var withWorker = await store.StartHostAsync(hashInBackground: true);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (withWorker.CountPendingReceipts() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, withWorker.CountPendingReceipts());
        var hashed = await LoadOnlyCaseAsync(withWorker);
        Assert.Equal(new ReceiptHasher(Convert.FromBase64String(store.Pepper), 1000).IndexOf(code), hashed.ReceiptIndex);
        Assert.Equal(CaseStatus.New, (await withWorker.ReadAsReporterAsync(code, Passphrase)).Status);
        await RefusedAsync(withWorker, "hashed after restart", code, "wrong horse battery");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_copy_of_the_database_holds_neither_the_receipt_code_nor_the_passphrase_pending_or_hashed(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        await using var wb = await store.StartHostAsync();
        var code = (await wb.SubmitAsync(WhistleblowingHost.SampleReport("Lynx"))).ReceiptCode;
        await wb.ReadAsReporterAsync(code, Passphrase);
        string[] secrets = [code, ReceiptCode.Format(code), Passphrase];

        foreach (var state in new[] { "pending", "hashed" })
        {
            if (state == "hashed")
            {
                Assert.True(wb.HashOldestPendingReceipt());
                await wb.ReadAsReporterAsync(code, Passphrase);
            }

            Assert.True(await store.RawCopyContainsAsync("Safeguarding"), "control: the copy holds the plaintext metadata");
            foreach (var secret in secrets)
            {
                Assert.False(await store.RawCopyContainsAsync(secret), $"{store.Provider}, {state}: found '{secret}' in a copy of the database");
            }
        }
    }

    [Fact]
    public async Task Two_reports_whose_codes_clash_are_both_refused_rather_than_one_shown_to_the_other()
    {
        await using var store = await WhistleblowingStore.CreateAsync("sqlite");
        await using var wb = await store.StartHostAsync();
        var first = (await wb.SubmitAsync(WhistleblowingHost.SampleReport("Crane"))).ReceiptCode;
        Assert.True(wb.HashOldestPendingReceipt());
        await wb.SubmitAsync(WhistleblowingHost.SampleReport("Stork"));
        Assert.Equal(CaseStatus.New, (await wb.ReadAsReporterAsync(first, Passphrase)).Status);

        // Forge the 1-in-10^16/N event: the second (pending) report is given the first one's code.
        await using (var scope = wb.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WhistleblowingDbContext>();
            var crypto = scope.ServiceProvider.GetRequiredService<CaseCrypto>();
            var second = await db.Cases.SingleAsync(c => c.ReceiptPendingSince != null);
            using var cipher = crypto.Open(second);
            var forged = new PendingReceipt(first, Passphrase).Seal(cipher);
            var lookup = crypto.PendingLookup.Of(first);
            await db.Cases.Where(c => c.Id == second.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PendingReceiptCipher, forged).SetProperty(c => c.ReceiptIndex, lookup));
        }

        await RefusedAsync(wb, "clash while pending", first, Passphrase);
        var skip = new HashSet<Guid>();
        Assert.True(wb.HashOldestPendingReceipt(skip));
        Assert.Single(skip);
        Assert.Equal(1, wb.CountPendingReceipts());
        Assert.False(wb.HashOldestPendingReceipt(skip));
        await RefusedAsync(wb, "clash left pending", first, Passphrase);
    }

    [Fact]
    public async Task The_worker_thread_is_niced_below_the_request_threads()
    {
        Assert.True(OperatingSystem.IsLinux(), "thread nice values are read from /proc");
        await using var store = await WhistleblowingStore.CreateAsync("sqlite");
        await using var wb = await store.StartHostAsync(hashInBackground: true);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<string> workers;
        do
        {
            await Task.Delay(20);
            workers = Directory.GetDirectories("/proc/self/task")
                .Where(task => File.Exists(Path.Combine(task, "comm")) && ReadOrEmpty(Path.Combine(task, "comm")).Trim() == ReceiptHashingWorker.ThreadName)
                .ToList();
        }
        while (workers.Count == 0 && DateTime.UtcNow < deadline);

        // Hosts of tests running in parallel have their own worker thread: each must be niced.
        Assert.NotEmpty(workers);
        var nice = wb.Host.Services.GetRequiredService<WhistleblowingOptions>().Receipt.HashingNice;
        Assert.Equal(10, nice);
        Assert.All(workers, worker => Assert.Equal(nice, NiceOf(worker)));
        Assert.Equal(0, NiceOf("/proc/self/task/" + Environment.ProcessId));
    }

    private static async Task AcceptedAsync(WhistleblowingHost wb, string state, string code, string passphrase, ConcernCategory expected)
    {
        var before = wb.Receipts.Derivations;
        var conversation = await wb.ReadAsReporterAsync(code, passphrase);
        Assert.Equal(expected, conversation.Category);
        Assert.True(wb.Receipts.Derivations - before == 2, $"{state}: an accepted login must do the same slow work (2 derivations) as a refused one");
    }

    private static async Task RefusedAsync(WhistleblowingHost wb, string state, string code, string passphrase)
    {
        var before = wb.Receipts.Derivations;
        var refused = await Assert.ThrowsAsync<RpcException>(() => wb.ReadAsReporterAsync(code, passphrase));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal("REPORTER_CREDENTIALS_REJECTED", refused.GetErrorInfo()?.Reason);
        Assert.True(wb.Receipts.Derivations - before == 2, $"{state}: a refused login must do the same slow work (2 derivations) as an accepted one");
    }

    private static async Task<WhistleblowingCase> LoadOnlyCaseAsync(WhistleblowingHost wb)
    {
        await using var scope = wb.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WhistleblowingDbContext>().Cases.AsNoTracking().SingleAsync();
    }

    private static string OtherCode(params string[] taken)
    {
        string code;
        do
        {
            code = ReceiptCode.Generate();
        }
        while (taken.Contains(code));
        return code;
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return ""; // the thread ended while we looked
        }
    }

    /// <summary>Field 19 of /proc/[pid]/task/[tid]/stat; counted after the ")" closing the command name, which may hold spaces.</summary>
    private static int NiceOf(string taskDirectory)
    {
        var stat = File.ReadAllText(Path.Combine(taskDirectory, "stat"));
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
