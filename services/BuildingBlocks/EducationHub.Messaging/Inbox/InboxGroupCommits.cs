using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EducationHub.Messaging.Inbox;

/// <summary>The process's group commits, one per consumer database (a singleton, so one per host).</summary>
internal sealed class InboxGroupCommits(IServiceScopeFactory scopes, IOptions<InboxOptions> options, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<Type, object> _commits = new();

    public int MaxBatchSize => options.Value.MaxBatchSize;

    public InboxGroupCommit<TContext> For<TContext>()
        where TContext : DbContext =>
        (InboxGroupCommit<TContext>)_commits.GetOrAdd(typeof(TContext), _ =>
            new InboxGroupCommit<TContext>(scopes, Math.Max(1, options.Value.MaxBatchSize), loggers.CreateLogger("EducationHub.Messaging.Inbox")));
}
