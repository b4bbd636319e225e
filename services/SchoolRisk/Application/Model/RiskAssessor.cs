using System.Text.Json;
using EducationHub.Contracts.V1;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.SchoolRisk.Domain;
using EducationHub.SchoolRisk.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>
/// Assesses schools from the database. <see cref="AssessAllAsync"/> is the whole-register run:
/// it stores each school's latest assessment and publishes <c>SchoolRiskAssessed</c> (through the
/// outbox, same transaction) only when the result moved materially: a band change, a score move of
/// at least the model's threshold, or a new model version.
/// </summary>
public sealed class RiskAssessor(SchoolRiskDbContext db, EvidenceLoader loader, RiskModel model, TimeProvider clock)
{
    private const int BatchSize = 2000;

    public RiskModel Model => model;

    public async Task<RiskAssessment> AssessAsync(int urn, DateOnly asOf, CancellationToken cancellationToken)
    {
        var evidence = await loader.LoadLineageAsync(urn, cancellationToken);
        return model.Assess(evidence.For(urn, asOf));
    }

    /// <summary>The evidence the model saw for one school (for explanations).</summary>
    public async Task<SchoolEvidence> EvidenceAsync(int urn, DateOnly asOf, CancellationToken cancellationToken) =>
        (await loader.LoadLineageAsync(urn, cancellationToken)).For(urn, asOf);

    /// <summary>Every school in scope as of a date, highest score first (URN breaks ties), without storing anything.</summary>
    public async Task<IReadOnlyList<(School School, RiskAssessment Assessment)>> AssessLocalAuthorityAsync(
        string? laCode, DateOnly asOf, bool includeClosed, CancellationToken cancellationToken)
    {
        var schools = await SchoolsInScope(laCode, includeClosed, cancellationToken);
        var evidence = await loader.LoadAllAsync(cancellationToken);
        return [.. schools
            .Select(s => (s, model.Assess(evidence.For(s.Urn, asOf))))
            .OrderByDescending(x => x.Item2.Score)
            .ThenBy(x => x.s.Urn)];
    }

    public async Task<AssessAllResult> AssessAllAsync(DateOnly asOf, string? laCode, CancellationToken cancellationToken)
    {
        var schools = await SchoolsInScope(laCode, includeClosed: false, cancellationToken);
        var evidence = await loader.LoadAllAsync(cancellationToken);
        var stored = await db.Assessments.AsNoTracking().ToDictionaryAsync(a => a.Urn, cancellationToken);
        var correlation = Guid.CreateVersion7();
        var published = 0;
        var pending = 0;
        foreach (var school in schools)
        {
            var assessment = model.Assess(evidence.For(school.Urn, asOf));
            stored.TryGetValue(school.Urn, out var previous);
            if (!assessment.DiffersMateriallyFrom(previous, model.Settings.MaterialChange.ScoreDelta))
            {
                continue;
            }
            var row = new StoredAssessment
            {
                Urn = school.Urn,
                AsOf = asOf,
                Score = assessment.Score,
                Band = assessment.Band,
                ModelVersion = assessment.ModelVersion,
                ReasonsJson = JsonSerializer.Serialize(assessment.Reasons),
                AssessedAt = clock.GetUtcNow(),
            };
            if (previous is null)
            {
                db.Assessments.Add(row);
            }
            else
            {
                db.Assessments.Update(row);
            }
            var envelope = EventEnvelope.New(Microsoft.AspNetCore.Builder.SchoolRiskModule.ServiceName, correlation, clock);
            db.AddEvent(new SchoolRiskAssessed(envelope.EventId, envelope.OccurredAt, school.Urn, envelope.Producer, envelope.CorrelationId,
                asOf, assessment.Score, assessment.Band.Label(), assessment.ModelVersion, assessment.Reasons));
            published++;
            if (++pending >= BatchSize)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new AssessAllResult(schools.Count, published, model.Version);
    }

    private async Task<List<School>> SchoolsInScope(string? laCode, bool includeClosed, CancellationToken cancellationToken)
    {
        var query = db.Schools.AsNoTracking();
        if (!string.IsNullOrEmpty(laCode))
        {
            query = query.Where(s => s.LaCode == laCode);
        }
        if (!includeClosed)
        {
            query = query.Where(s => s.Status != SchoolStatus.Closed);
        }
        return await query.OrderBy(s => s.Urn).ToListAsync(cancellationToken);
    }
}

public sealed record AssessAllResult(int Assessed, int Published, string ModelVersion);
