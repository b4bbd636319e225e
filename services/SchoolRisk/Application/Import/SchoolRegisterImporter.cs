using EducationHub.Contracts.V1;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.SchoolRisk.Domain;
using EducationHub.SchoolRisk.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// Brings the register up to date from extract rows (GIAS, spine, or synthetic rows from a demo
/// host): new schools are inserted, changed ones updated field by field with a
/// <see cref="RegisterChange"/> per field, identical ones left alone. Each new or changed school
/// publishes <c>SchoolRegistered</c> through the outbox, in the same transaction as the change.
/// </summary>
public sealed class SchoolRegisterImporter(SchoolRiskDbContext db, TimeProvider clock)
{
    private const int BatchSize = 2000;

    /// <summary>Imports a register file (GIAS or spine layout), or the GIAS links file.</summary>
    public async Task<ImportReport> ImportAsync(CsvTable table, ImportScope scope, Guid importRunId, CancellationToken cancellationToken)
    {
        FileLayouts.EnsureImportable(table, ImportKind.Register);
        IRowParser<SchoolRecord>? parser = new GiasRegisterParser();
        if (!parser.Recognises(table))
        {
            parser = new SpineRegisterParser();
        }
        if (parser.Recognises(table))
        {
            var report = new ImportReport(parser.Dataset, table.Name);
            await ApplyAsync(table.RecordsWithLines(parser, report), report, scope, importRunId, cancellationToken);
            return report;
        }
        var links = new GiasLinkParser();
        if (links.Recognises(table))
        {
            return await new LinkImporter(db).ImportAsync(table, links, scope, cancellationToken);
        }
        throw FileLayouts.Unrecognised(table, ImportKind.Register);
    }

    /// <summary>Applies records that did not come from a file (demo data, tests). Line numbers are 1-based positions.</summary>
    public async Task<ImportReport> ImportRecordsAsync(IEnumerable<SchoolRecord> records, string sourceName, CancellationToken cancellationToken)
    {
        var report = new ImportReport("register-records", sourceName);
        var numbered = records.Select((r, i) => (r, (long)i + 1)).Select(x => { report.RowsRead++; return x; });
        await ApplyAsync(numbered, report, ImportScope.Everything, Guid.CreateVersion7(), cancellationToken);
        return report;
    }

    private async Task ApplyAsync(IEnumerable<(SchoolRecord Record, long Line)> rows, ImportReport report, ImportScope scope,
        Guid importRunId, CancellationToken cancellationToken)
    {
        var schools = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Urn, cancellationToken);
        var predecessors = await PredecessorIndex.LoadAsync(db, cancellationToken);
        var knownInspections = (await db.Inspections.AsNoTracking().Select(i => new { i.Urn, i.InspectedOn }).ToListAsync(cancellationToken))
            .Select(i => (i.Urn, i.InspectedOn)).ToHashSet();
        var seenInFile = new Dictionary<int, long>();
        var pending = 0;
        foreach (var (record, line) in rows)
        {
            if (!scope.IncludesLa(record.LaCode))
            {
                report.FilteredOut++;
                continue;
            }
            if (seenInFile.TryGetValue(record.Urn, out var firstLine))
            {
                report.Reject(line, $"URN {record.Urn} already appeared on line {firstLine}");
                continue;
            }
            seenInFile[record.Urn] = line;
            if (record.LatestInspection is { } inspection && knownInspections.Add((inspection.Urn, inspection.InspectedOn)))
            {
                // The extract's latest judgement fills the inspection history where the Ofsted file has not (yet) got it.
                db.Inspections.Add(inspection);
                pending++;
            }
            var now = clock.GetUtcNow();
            if (!schools.TryGetValue(record.Urn, out var school))
            {
                school = School.Register(record, now);
                schools[record.Urn] = school;
                db.Schools.Add(school);
                report.Inserted++;
            }
            else
            {
                var changes = school.Apply(record, now);
                if (changes.Count == 0)
                {
                    report.Unchanged++;
                    continue;
                }
                db.Schools.Update(school);
                db.RegisterChanges.AddRange(changes.Select(c => new RegisterChange
                {
                    Id = Guid.CreateVersion7(),
                    Urn = school.Urn,
                    Field = c.Field,
                    OldValue = c.OldValue,
                    NewValue = c.NewValue,
                    ImportRunId = importRunId,
                    ChangedAt = now,
                }));
                report.Updated++;
            }
            db.AddEvent(Registered(school, predecessors.Of(school.Urn), importRunId));
            if (++pending >= BatchSize)
            {
                await SaveBatch(cancellationToken);
                pending = 0;
            }
        }
        await SaveBatch(cancellationToken);
    }

    private SchoolRegistered Registered(School school, IReadOnlyList<int> predecessorUrns, Guid importRunId)
    {
        var envelope = EventEnvelope.New(Microsoft.AspNetCore.Builder.SchoolRiskModule.ServiceName, importRunId, clock);
        return new SchoolRegistered(envelope.EventId, envelope.OccurredAt, school.Urn, envelope.Producer, envelope.CorrelationId,
            school.Name, school.LaCode, school.LaName, school.EstablishmentType, school.Phase, school.Status.ToString(),
            predecessorUrns, school.TrustName);
    }

    private async Task SaveBatch(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
