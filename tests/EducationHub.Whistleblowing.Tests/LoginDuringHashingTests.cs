using System.Data.Common;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>
/// A login looks a receipt up by several keys, one query each, while the hashing worker may move the
/// case from its pending lookup to its slow index at any moment. Here the worker runs exactly between
/// the login's first and second lookup, which is where a reporter's correct code used to be refused.
/// </summary>
public sealed class LoginDuringHashingTests
{
    [Fact]
    public async Task A_login_while_its_receipt_is_being_hashed_is_accepted()
    {
        var hashBetweenLookups = new RunAfterFirstReceiptLookup();
        await using var wb = await WhistleblowingHost.StartAsync(
            new Dictionary<string, string?>(WhistleblowingHost.KeySettings()) { ["Whistleblowing:Receipt:HashInBackground"] = "false" },
            services: s => s.ConfigureDbContext<WhistleblowingDbContext>(o => o.AddInterceptors(hashBetweenLookups)));
        var receipt = await wb.SubmitAsync(WhistleblowingHost.SampleReport());
        Assert.Equal(1, wb.CountPendingReceipts());

        hashBetweenLookups.Arm(() => Assert.True(wb.HashOldestPendingReceipt()));
        var login = await wb.Call<ReporterLoginRequest, ReporterLoginResponse>(WhistleblowingHost.Intake + "ReporterLogin",
            new ReporterLoginRequest { Credentials = new ReceiptCredentials { ReceiptCode = receipt.ReceiptCode, Passphrase = "correct horse battery" } }, WhistleblowingHost.PortalToken);

        Assert.True(hashBetweenLookups.Ran, "the worker did not run between the lookups: the test proved nothing");
        Assert.Equal(0, wb.CountPendingReceipts());
        Assert.NotEmpty(login.SessionToken);
    }

    /// <summary>Runs an action once, just before the second query that looks a case up by its receipt index (the first has been read by then).</summary>
    private sealed class RunAfterFirstReceiptLookup : DbCommandInterceptor
    {
        private Action? _action;
        private int _lookups;

        public bool Ran { get; private set; }

        public void Arm(Action action)
        {
            _lookups = 0;
            _action = action;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (_action is { } action && command.CommandText.Contains("\"ReceiptIndex\" = ", StringComparison.Ordinal) && ++_lookups == 2)
            {
                _action = null;
                action();
                Ran = true;
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
